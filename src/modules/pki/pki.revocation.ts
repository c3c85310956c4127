// Revocation of the certificates of a path: the CRL files of the configuration (RFC 5280 6.3),
// then, where configured, the OCSP responder (RFC 6960) for the signer certificate.
import { type x509 } from './pki.x509.js';
import { sameName, type ParsedCertificate } from './pki.certificates.js';
import { askOcsp } from './pki.ocsp.js';
import type { TrustSettings } from './pki.trust.js';

export type RevocationResult =
  | { ok: true; checkedBy: readonly ('crl' | 'ocsp')[] }
  | { ok: false; reason: 'revoked' | 'revocation-unknown'; detail: string };

async function currentCrl(
  trust: TrustSettings,
  issuer: ParsedCertificate,
  at: Date,
): Promise<{ crl: x509.X509Crl | null; stale: boolean }> {
  let stale = false;
  for (const crl of trust.crls) {
    if (!sameName(crl.issuerName, issuer.cert.subjectName)) continue;
    if (!(await crl.verify({ publicKey: issuer.cert }).catch(() => false))) continue;
    if (crl.thisUpdate.getTime() > at.getTime()) continue;
    if (crl.nextUpdate && crl.nextUpdate.getTime() < at.getTime()) {
      stale = true;
      continue;
    }
    return { crl, stale: false };
  }
  return { crl: null, stale };
}

/**
 * `path` is leaf → … → root. The signer certificate needs a current CRL of its issuer when CRL
 * files are configured; an intermediate is checked against its issuer's CRL when there is one.
 */
export async function checkRevocation(
  trust: TrustSettings,
  path: readonly ParsedCertificate[],
  at: Date,
  fetchImpl: typeof fetch,
): Promise<RevocationResult> {
  const checkedBy: ('crl' | 'ocsp')[] = [];
  for (let i = 0; i + 1 < path.length; i++) {
    const subject = path[i]!;
    const issuer = path[i + 1]!;
    const { crl, stale } = await currentCrl(trust, issuer, at);
    if (!crl) {
      if (i === 0 && trust.crlRequired) {
        return {
          ok: false,
          reason: 'revocation-unknown',
          detail: stale
            ? 'the revocation list of the issuer is out of date'
            : 'no revocation list of the issuer',
        };
      }
      continue;
    }
    const entry = crl.findRevoked(subject.cert);
    if (entry && entry.revocationDate.getTime() <= at.getTime()) {
      return {
        ok: false,
        reason: 'revoked',
        detail: `revoked on ${entry.revocationDate.toISOString()}${i > 0 ? ' (an issuing CA)' : ''}`,
      };
    }
    if (i === 0) checkedBy.push('crl');
  }
  if (trust.ocspUrl && path.length > 1) {
    const answer = await askOcsp(trust.ocspUrl, path[0]!, path[1]!, at, trust.timeoutMs, fetchImpl);
    if (answer.status === 'revoked')
      return { ok: false, reason: 'revoked', detail: `OCSP: ${answer.detail}` };
    if (answer.status !== 'good') {
      return { ok: false, reason: 'revocation-unknown', detail: `OCSP: ${answer.detail}` };
    }
    checkedBy.push('ocsp');
  }
  return { ok: true, checkedBy };
}
