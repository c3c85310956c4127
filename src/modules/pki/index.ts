// Digital signatures (the NCA of Kazakhstan's PKI): a CMS signature checked — signature, the
// signer certificate's validity at a given time, its key usage, its chain to the trusted roots
// of the configuration, revocation (CRL files, OCSP where configured) — and its subject read
// (IIN, BIN, names, position). RSA and ECDSA in-process; GOST through an NCANode service.
export {
  createSignatureVerifier,
  signatureVerifierOf,
  REFUSAL_REASONS,
  type CmsVerification,
  type RefusalReason,
  type SignatureVerifier,
  type VerifyCmsRequest,
} from './pki.verifier.js';
export { loadTrustSettings, type TrustPaths, type TrustSettings } from './pki.trust.js';
export type { CertificateSubject, CertificateSummary, KeyPurpose } from './pki.certificates.js';
