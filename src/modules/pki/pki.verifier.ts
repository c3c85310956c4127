// One question — is this a good signature of this content, by whom, for this purpose, at this
// time? — answered with the signer's identity, or refused with a reason code.
import {
  allowsPurpose,
  isValidAt,
  subjectOf,
  summaryOf,
  type CertificateSubject,
  type CertificateSummary,
  type KeyPurpose,
} from './pki.certificates.js';
import { buildChain } from './pki.chain.js';
import { checkSignature, isGostAlgorithm, readSignedData } from './pki.cms.js';
import { verifyWithNcaNode } from './pki.ncanode.js';
import { checkRevocation } from './pki.revocation.js';
import type { Config } from '../../platform/config.js';
import { loadTrustSettings, type TrustSettings } from './pki.trust.js';

/** Why a signature is refused; stable codes, journaled and shown to the person. */
export const REFUSAL_REASONS = [
  'malformed',
  'content-mismatch',
  'bad-signature',
  'unsupported-algorithm',
  'expired',
  'not-yet-valid',
  'wrong-key-usage',
  'untrusted-chain',
  'revoked',
  'revocation-unknown',
  'verifier-unavailable',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export interface VerifyCmsRequest {
  /** the CMS SignedData, DER */
  readonly cms: Uint8Array;
  /** the content of a detached signature (or the content an attached one must carry) */
  readonly content?: Uint8Array;
  /** authentication for sign-in; signing for documents */
  readonly purpose: KeyPurpose;
  /** the moment the certificate must be valid at (the injected clock's now) */
  readonly at: Date;
}

export type CmsVerification =
  | {
      readonly ok: true;
      readonly subject: CertificateSubject;
      readonly certificate: CertificateSummary;
      /** the signed content */
      readonly content: Uint8Array;
      /** in-process, or by the NCANode service (GOST) */
      readonly verifiedBy: 'in-process' | 'ncanode';
      readonly revocationCheckedBy: readonly ('crl' | 'ocsp')[];
    }
  | {
      readonly ok: false;
      readonly reason: RefusalReason;
      /** a sentence for the journal and the log, never the raw input */
      readonly detail: string;
      /** who it claimed to be, when the certificate could be read */
      readonly subject: CertificateSubject | null;
    };

export interface SignatureVerifier {
  verifyCms(request: VerifyCmsRequest): Promise<CmsVerification>;
}

export function createSignatureVerifier(
  trust: TrustSettings,
  fetchImpl: typeof fetch = fetch,
): SignatureVerifier {
  return {
    async verifyCms(request) {
      const read = readSignedData(request.cms, request.content);
      if (!read.ok) return { ok: false, reason: read.reason, detail: read.detail, subject: null };
      const data = read.value;

      if (isGostAlgorithm(data.signatureAlgorithm) || isGostAlgorithm(data.digestAlgorithm)) {
        if (!trust.ncanodeUrl) {
          return {
            ok: false,
            reason: 'unsupported-algorithm',
            detail: 'GOST signatures need PKI_NCANODE_URL',
            subject: null,
          };
        }
        const revocationCheck = [
          ...(trust.ocspUrl ? (['OCSP'] as const) : []),
          ...(trust.crlRequired ? (['CRL'] as const) : []),
        ];
        const result = await verifyWithNcaNode(
          {
            baseUrl: trust.ncanodeUrl,
            cms: request.cms,
            ...(request.content ? { content: request.content } : {}),
            purpose: request.purpose,
            at: request.at,
            revocationCheck,
            timeoutMs: trust.timeoutMs,
          },
          fetchImpl,
        );
        if (!result.ok)
          return { ok: false, reason: result.reason, detail: result.detail, subject: result.subject ?? null };
        return {
          ok: true,
          subject: result.subject,
          certificate: result.certificate,
          content: data.content,
          verifiedBy: 'ncanode',
          revocationCheckedBy: revocationCheck.map((c) => (c === 'OCSP' ? 'ocsp' : 'crl')),
        };
      }

      const signer = data.signer;
      if (!signer)
        return {
          ok: false,
          reason: 'malformed',
          detail: 'the signer certificate is not in the signature',
          subject: null,
        };
      const subject = subjectOf(signer);
      const refuse = (reason: RefusalReason, detail: string): CmsVerification => ({
        ok: false,
        reason,
        detail,
        subject,
      });

      const signature = checkSignature(data, signer);
      if (!signature.ok) return refuse(signature.reason, signature.detail);
      const when = isValidAt(signer, request.at);
      if (when === 'expired') return refuse('expired', `expired on ${signer.cert.notAfter.toISOString()}`);
      if (when === 'not-yet-valid')
        return refuse('not-yet-valid', `valid from ${signer.cert.notBefore.toISOString()}`);
      if (!allowsPurpose(signer, request.purpose)) {
        return refuse('wrong-key-usage', `the key is not for ${request.purpose}`);
      }
      const chain = buildChain(
        signer,
        trust.roots,
        [...data.certificates, ...trust.intermediates],
        request.at,
      );
      if (!chain.ok) return refuse(chain.reason, chain.detail);
      const revocation = await checkRevocation(trust, chain.path, request.at, fetchImpl);
      if (!revocation.ok) return refuse(revocation.reason, revocation.detail);
      return {
        ok: true,
        subject,
        certificate: summaryOf(signer),
        content: data.content,
        verifiedBy: 'in-process',
        revocationCheckedBy: revocation.checkedBy,
      };
    },
  };
}

/** The verifier of the configuration; null when no trusted roots are configured. */
export async function signatureVerifierOf(config: Config): Promise<SignatureVerifier | null> {
  if (!config.pkiTrustRoots) return null;
  return createSignatureVerifier(
    await loadTrustSettings({
      trustRoots: config.pkiTrustRoots,
      intermediates: config.pkiIntermediates,
      crlPath: config.pkiCrlPath,
      ocspUrl: config.pkiOcspUrl,
      ncanodeUrl: config.pkiNcanodeUrl,
      timeoutMs: config.pkiTimeoutMs,
    }),
  );
}
