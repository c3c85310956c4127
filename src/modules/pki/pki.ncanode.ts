// GOST signatures are verified by an NCANode-compatible service (NCANode 3.x HTTP API, its
// openapi.yml: POST /cms/verify). The contract, as NCANode documents it:
//   request  { cms: base64 CMS, data?: base64 content of a detached signature,
//              revocationCheck?: ("OCSP" | "CRL")[] }
//   response { status: 200, message: "OK", valid: boolean,
//              signers: [{ signers: CertificateInfo[] (the signer first), tsp?: … }] }
//   CertificateInfo { valid, revocations: [{ revoked, by, revocationTime, reason }],
//              notBefore, notAfter, keyUsage: "AUTH" | "SIGN" | "UNKNOWN", serialNumber,
//              signAlg, keyUser: string[], subject: { commonName, surName, lastName, iin, bin,
//              organization, email, country, dn }, issuer: { … } }
// NCANode checks the chain against its own NCA roots; zanstat still checks the validity at its
// own (injected) time and the key usage the caller requires.
import type { CertificateSubject, CertificateSummary, KeyPurpose } from './pki.certificates.js';

interface NcaNodeSubject {
  commonName?: string | null;
  surName?: string | null;
  lastName?: string | null;
  iin?: string | null;
  bin?: string | null;
  organization?: string | null;
  email?: string | null;
  country?: string | null;
  dn?: string | null;
}

interface NcaNodeCertificateInfo {
  valid?: boolean;
  revocations?: { revoked?: boolean; by?: string; revocationTime?: string | null; reason?: string | null }[];
  notBefore?: string;
  notAfter?: string;
  keyUsage?: 'AUTH' | 'SIGN' | 'UNKNOWN';
  serialNumber?: string;
  subject?: NcaNodeSubject | null;
  issuer?: NcaNodeSubject | null;
}

interface NcaNodeCmsVerification {
  status?: number;
  message?: string;
  valid?: boolean;
  signers?: { signers?: NcaNodeCertificateInfo[] }[];
}

export type NcaNodeResult =
  | { ok: true; subject: CertificateSubject; certificate: CertificateSummary }
  | {
      ok: false;
      reason:
        | 'verifier-unavailable'
        | 'bad-signature'
        | 'expired'
        | 'not-yet-valid'
        | 'revoked'
        | 'wrong-key-usage'
        | 'untrusted-chain'
        | 'malformed';
      detail: string;
      subject?: CertificateSubject;
    };

export interface NcaNodeRequest {
  readonly baseUrl: string;
  readonly cms: Uint8Array;
  readonly content?: Uint8Array;
  readonly purpose: KeyPurpose;
  readonly at: Date;
  readonly revocationCheck: readonly ('OCSP' | 'CRL')[];
  readonly timeoutMs: number;
}

const subjectFrom = (s: NcaNodeSubject | null | undefined): CertificateSubject => ({
  iin: s?.iin && /^\d{12}$/.test(s.iin) ? s.iin : null,
  bin: s?.bin && /^\d{12}$/.test(s.bin) ? s.bin : null,
  commonName: s?.commonName ?? null,
  surname: s?.surName ?? null,
  patronymic: s?.lastName ?? null,
  organisation: s?.organization ?? null,
  title: null,
  email: s?.email ?? null,
  country: s?.country ?? null,
});

export async function verifyWithNcaNode(
  request: NcaNodeRequest,
  fetchImpl: typeof fetch,
): Promise<NcaNodeResult> {
  let body: NcaNodeCmsVerification;
  try {
    const response = await fetchImpl(new URL('cms/verify', request.baseUrl.replace(/\/?$/, '/')), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({
        cms: Buffer.from(request.cms).toString('base64'),
        ...(request.content ? { data: Buffer.from(request.content).toString('base64') } : {}),
        revocationCheck: request.revocationCheck,
      }),
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    if (response.status >= 500) {
      return { ok: false, reason: 'verifier-unavailable', detail: `NCANode answered ${response.status}` };
    }
    body = (await response.json()) as NcaNodeCmsVerification;
    if (response.status !== 200) {
      return {
        ok: false,
        reason: 'malformed',
        detail: `NCANode refused the signature: ${body.message ?? response.status}`,
      };
    }
  } catch {
    return { ok: false, reason: 'verifier-unavailable', detail: 'NCANode did not answer' };
  }
  const chain = body.signers?.[0]?.signers ?? [];
  const leaf = chain[0];
  if (!leaf || (body.signers?.length ?? 0) !== 1) {
    return { ok: false, reason: 'malformed', detail: 'exactly one signer expected' };
  }
  const subject = subjectFrom(leaf.subject);
  const notBefore = new Date(leaf.notBefore ?? NaN);
  const notAfter = new Date(leaf.notAfter ?? NaN);
  const refuse = (reason: Exclude<NcaNodeResult, { ok: true }>['reason'], detail: string): NcaNodeResult => ({
    ok: false,
    reason,
    detail,
    subject,
  });
  const revoked = leaf.revocations?.find((r) => r.revoked);
  if (revoked)
    return refuse('revoked', `revoked (${revoked.by ?? 'CRL'}) ${revoked.revocationTime ?? ''}`.trim());
  if (Number.isNaN(notBefore.getTime()) || Number.isNaN(notAfter.getTime())) {
    return refuse('malformed', 'NCANode gave no validity period');
  }
  if (request.at < notBefore) return refuse('not-yet-valid', `valid from ${notBefore.toISOString()}`);
  if (request.at > notAfter) return refuse('expired', `expired on ${notAfter.toISOString()}`);
  const wanted = request.purpose === 'authentication' ? 'AUTH' : 'SIGN';
  if (leaf.keyUsage !== wanted)
    return refuse('wrong-key-usage', `a ${leaf.keyUsage ?? 'UNKNOWN'} key, ${wanted} needed`);
  if (leaf.valid === false) return refuse('untrusted-chain', 'NCANode does not trust the certificate');
  if (body.valid !== true) return refuse('bad-signature', 'the signature does not verify');
  return {
    ok: true,
    subject,
    certificate: {
      serialNumber: (leaf.serialNumber ?? '').toLowerCase(),
      subjectDn: leaf.subject?.dn ?? '',
      issuerDn: leaf.issuer?.dn ?? '',
      notBefore,
      notAfter,
      fingerprint: '',
    },
  };
}
