// How signatures and certificates are verified: trusted roots, revocation, the GOST service.
// Declared here, assembled in config.ts (see there for how a key is read and documented).
import type { Declaration } from './config.declaration.js';

export const pkiKeys = {
  PKI_TRUST_ROOTS: {
    kind: 'path',
    default: null,
    description:
      "Trusted root certificates of digital signatures (the NCA of Kazakhstan's roots): a PEM or DER file, or a directory of them (.pem, .cer, .crt, .der). Unset: no signature is trusted, certificate sign-in is off.",
  },
  PKI_INTERMEDIATES: {
    kind: 'path',
    default: null,
    description:
      'Intermediate (issuing) CA certificates, a file or a directory like PKI_TRUST_ROOTS, for signatures that do not carry their chain.',
  },
  PKI_CRL_PATH: {
    kind: 'path',
    default: null,
    description:
      'Certificate revocation lists (DER or PEM), a file or a directory; each issuing CA of a trusted chain needs a current one (a missing or stale list refuses the signature as `revocation-unknown`). Refresh the files as the NCA publishes them.',
  },
  PKI_OCSP_URL: {
    kind: 'url',
    default: null,
    description:
      "OCSP responder asked about the signer certificate after the CRL (e.g. the NCA's http://ocsp.pki.gov.kz). Unset: the CRL files alone decide.",
  },
  PKI_NCANODE_URL: {
    kind: 'url',
    default: null,
    description:
      'Base URL of an NCANode-compatible service (3.x API, POST /cms/verify) that verifies GOST signatures, which are not checked in-process. Unset: GOST signatures are refused as `unsupported-algorithm`.',
  },
  NCALAYER_URL: {
    kind: 'string',
    default: 'wss://127.0.0.1:13579',
    pattern: /^wss?:\/\/[A-Za-z0-9.[\]:-]+\/?$/,
    description:
      "Where the sign-in page's script reaches NCALayer, the National Certification Centre's signing application, on the person's own computer (its local WebSocket); the page's Content-Security-Policy allows connecting there and nowhere else outside the service. Change it only for a test double of NCALayer.",
  },
  PKI_TIMEOUT_MS: {
    kind: 'integer',
    default: '10000',
    min: 100,
    max: 120_000,
    description: 'How long the OCSP responder or the NCANode service may take to answer.',
  },
} as const satisfies Record<string, Declaration>;
