// The path from the signer certificate to a trusted root (RFC 5280 6.1, the parts that matter
// here): each certificate issued by the next, every CA a CA, every one valid at the time.
import {
  isCertificateAuthority,
  isIssuedBy,
  isValidAt,
  summaryOf,
  type ParsedCertificate,
} from './pki.certificates.js';

const MAX_DEPTH = 8;

export type ChainResult =
  | { ok: true; path: readonly ParsedCertificate[] }
  | { ok: false; reason: 'untrusted-chain' | 'expired' | 'not-yet-valid'; detail: string };

/**
 * Builds the path leaf → … → root. `candidates` are the intermediates (from the signature and
 * from the configuration); only `roots` end a path.
 */
export function buildChain(
  leaf: ParsedCertificate,
  roots: readonly ParsedCertificate[],
  candidates: readonly ParsedCertificate[],
  at: Date,
): ChainResult {
  const path: ParsedCertificate[] = [leaf];
  let current = leaf;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const root = roots.find((r) => isIssuedBy(current, r));
    if (root) {
      if (!isCertificateAuthority(root)) return untrusted('the root is not a CA certificate');
      const when = isValidAt(root, at);
      if (when !== 'valid') return { ok: false, reason: when, detail: `the root CA certificate is ${when}` };
      path.push(root);
      return { ok: true, path };
    }
    const next = candidates.find((c) => !path.includes(c) && isIssuedBy(current, c));
    if (!next) return untrusted(`no trusted issuer of ${summaryOf(current).issuerDn}`);
    if (!isCertificateAuthority(next)) return untrusted('an issuer in the chain is not a CA certificate');
    const when = isValidAt(next, at);
    if (when !== 'valid') {
      return { ok: false, reason: when, detail: `the issuing CA certificate is ${when}` };
    }
    path.push(next);
    current = next;
  }
  return untrusted('the chain is too long');
}

const untrusted = (detail: string): ChainResult => ({ ok: false, reason: 'untrusted-chain', detail });
