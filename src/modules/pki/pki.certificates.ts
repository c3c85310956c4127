// Certificates as the NCA of Kazakhstan issues them: who the subject is (IIN, BIN, names,
// position) and what its key may be used for.
//
// NCA profile (pki.gov.kz certificate policy; the same reading as NCANode's CertificateWrapper):
// the person's IIN in serialNumber (2.5.4.5) as "IIN" + 12 digits; an organisation's BIN in
// OU (2.5.4.11) as "BIN" + 12 digits (newer profiles also in organizationIdentifier 2.5.4.97);
// CN "SURNAME GIVEN-NAME", surname (2.5.4.4), the patronymic in givenName (2.5.4.42),
// O the organisation, title (2.5.4.12) the position, emailAddress.
// Key usage: a signing key has digitalSignature + nonRepudiation; an authentication key
// digitalSignature + keyEncipherment (keyAgreement for some GOST keys).
import { X509Certificate as NodeX509Certificate, type KeyObject } from 'node:crypto';
import { x509 } from './pki.x509.js';

export type KeyPurpose = 'authentication' | 'signing';

export interface CertificateSubject {
  /** ИИН — individual identification number, 12 digits */
  readonly iin: string | null;
  /** БИН — business identification number of the organisation, 12 digits */
  readonly bin: string | null;
  readonly commonName: string | null;
  readonly surname: string | null;
  /** NCA certificates carry the patronymic in givenName */
  readonly patronymic: string | null;
  readonly organisation: string | null;
  /** position in the organisation (title) */
  readonly title: string | null;
  readonly email: string | null;
  readonly country: string | null;
}

export interface CertificateSummary {
  readonly serialNumber: string;
  readonly subjectDn: string;
  readonly issuerDn: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** SHA-256 of the DER, hex */
  readonly fingerprint: string;
}

/** A certificate read once: the two views each library gives of it. */
export interface ParsedCertificate {
  readonly der: Uint8Array;
  readonly cert: x509.X509Certificate;
  readonly node: NodeX509Certificate | null;
}

const OID = {
  serialNumber: '2.5.4.5',
  commonName: '2.5.4.3',
  surname: '2.5.4.4',
  givenName: '2.5.4.42',
  organisation: '2.5.4.10',
  organisationalUnit: '2.5.4.11',
  title: '2.5.4.12',
  country: '2.5.4.6',
  email: '1.2.840.113549.1.9.1',
  organisationIdentifier: '2.5.4.97',
  keyUsage: '2.5.29.15',
  basicConstraints: '2.5.29.19',
  extendedKeyUsage: '2.5.29.37',
  clientAuth: '1.3.6.1.5.5.7.3.2',
} as const;

/** Reads a certificate from DER or PEM; null when it is not one. */
export function parseCertificate(bytes: Uint8Array | string): ParsedCertificate | null {
  try {
    const cert = new x509.X509Certificate(typeof bytes === 'string' ? bytes : toArrayBuffer(bytes));
    const der = new Uint8Array(cert.rawData);
    let node: NodeX509Certificate | null = null;
    try {
      node = new NodeX509Certificate(der);
    } catch {
      node = null; // a GOST certificate: OpenSSL cannot read its key, NCANode checks it
    }
    return { der, cert, node };
  } catch {
    return null;
  }
}

export const toArrayBuffer = (bytes: Uint8Array): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

const first = (name: x509.Name, oid: string): string | null => name.getField(oid)[0] ?? null;

function prefixed(values: readonly string[], prefix: string): string | null {
  for (const value of values) {
    const match = new RegExp(`^${prefix}(\\d{12})$`).exec(value.trim());
    if (match) return match[1]!;
  }
  return null;
}

export function subjectOf(parsed: ParsedCertificate): CertificateSubject {
  const name = parsed.cert.subjectName;
  return {
    iin: prefixed(name.getField(OID.serialNumber), 'IIN'),
    bin:
      prefixed(name.getField(OID.organisationalUnit), 'BIN') ??
      prefixed(name.getField(OID.organisationIdentifier), 'BIN') ??
      prefixed(name.getField(OID.serialNumber), 'BIN'),
    commonName: first(name, OID.commonName),
    surname: first(name, OID.surname),
    patronymic: first(name, OID.givenName),
    organisation: first(name, OID.organisation),
    title: first(name, OID.title),
    email: first(name, OID.email),
    country: first(name, OID.country),
  };
}

export function summaryOf(parsed: ParsedCertificate): CertificateSummary {
  return {
    serialNumber: parsed.cert.serialNumber.toLowerCase(),
    subjectDn: parsed.cert.subject,
    issuerDn: parsed.cert.issuer,
    notBefore: parsed.cert.notBefore,
    notAfter: parsed.cert.notAfter,
    fingerprint: parsed.node?.fingerprint256.replaceAll(':', '').toLowerCase() ?? '',
  };
}

function keyUsageOf(parsed: ParsedCertificate): number | null {
  const ext = parsed.cert.getExtension(x509.KeyUsagesExtension);
  return ext ? ext.usages : null;
}

/**
 * Whether the key may be used for the purpose. A certificate without the keyUsage extension is
 * refused: NCA certificates always carry it, and a key for everything is not what we trust.
 */
export function allowsPurpose(parsed: ParsedCertificate, purpose: KeyPurpose): boolean {
  const usages = keyUsageOf(parsed);
  if (usages === null) return false;
  const has = (flag: x509.KeyUsageFlags) => (usages & flag) === flag;
  if (!has(x509.KeyUsageFlags.digitalSignature)) return false;
  if (purpose === 'signing') return has(x509.KeyUsageFlags.nonRepudiation);
  // an authentication certificate of the NCA: digitalSignature + keyEncipherment (RSA) or
  // keyAgreement (GOST), without nonRepudiation; or one that names clientAuth among its uses
  const eku = parsed.cert.getExtension(x509.ExtendedKeyUsageExtension);
  if (eku?.usages.includes(OID.clientAuth)) return true;
  return (
    !has(x509.KeyUsageFlags.nonRepudiation) &&
    (has(x509.KeyUsageFlags.keyEncipherment) || has(x509.KeyUsageFlags.keyAgreement))
  );
}

/** A CA certificate may issue certificates: basicConstraints cA and keyCertSign (RFC 5280 4.2.1.9). */
export function isCertificateAuthority(parsed: ParsedCertificate): boolean {
  const constraints = parsed.cert.getExtension(x509.BasicConstraintsExtension);
  if (!constraints?.ca) return false;
  const usages = keyUsageOf(parsed);
  return usages === null || (usages & x509.KeyUsageFlags.keyCertSign) !== 0;
}

export function isValidAt(parsed: ParsedCertificate, at: Date): 'valid' | 'expired' | 'not-yet-valid' {
  if (at.getTime() < parsed.cert.notBefore.getTime()) return 'not-yet-valid';
  if (at.getTime() > parsed.cert.notAfter.getTime()) return 'expired';
  return 'valid';
}

/** The issuer's key made this certificate (names match and the signature verifies). */
export function isIssuedBy(child: ParsedCertificate, issuer: ParsedCertificate): boolean {
  if (!child.node || !issuer.node) return false;
  if (!sameName(child.cert.issuerName, issuer.cert.subjectName)) return false;
  try {
    return child.node.verify(issuer.node.publicKey);
  } catch {
    return false;
  }
}

export function publicKeyOf(parsed: ParsedCertificate): KeyObject | null {
  return parsed.node?.publicKey ?? null;
}

export function sameName(a: x509.Name, b: x509.Name): boolean {
  return Buffer.from(a.toArrayBuffer()).equals(Buffer.from(b.toArrayBuffer()));
}

/** Certificates of a PEM bundle, or the one DER certificate of a file. */
export function readCertificateFile(bytes: Uint8Array): ParsedCertificate[] {
  const text = Buffer.from(bytes).toString('latin1');
  if (text.includes('-----BEGIN CERTIFICATE-----')) {
    const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
    return blocks.map((block) => parseCertificate(block)).filter((c): c is ParsedCertificate => c !== null);
  }
  const single = parseCertificate(bytes);
  return single ? [single] : [];
}
