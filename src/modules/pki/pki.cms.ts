// CMS SignedData (RFC 5652) read and its one signature checked in-process for RSA and ECDSA.
// GOST signatures are recognised here and handed to the NCANode adapter by the verifier.
import { createHash, verify as verifySignature } from 'node:crypto';
import { AsnConvert, AsnParser, OctetString } from '@peculiar/asn1-schema';
import { ContentInfo, SignedData, id_signedData, type Attribute, type SignerInfo } from '@peculiar/asn1-cms';
import { Certificate } from '@peculiar/asn1-x509';
import { parseCertificate, publicKeyOf, type ParsedCertificate } from './pki.certificates.js';

const id_messageDigest = '1.2.840.113549.1.9.4';
const id_contentType = '1.2.840.113549.1.9.3';

const DIGESTS: Readonly<Record<string, string>> = {
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

/** signature algorithms checked in-process, and the digest each implies (null: the digestAlgorithm's) */
const SIGNATURES: Readonly<Record<string, string | null>> = {
  '1.2.840.113549.1.1.1': null, // rsaEncryption
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
  '1.2.840.10045.2.1': null, // id-ecPublicKey
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
};

/** GOST 34.310 / 34.10 of Kazakhstan (1.2.398.3.10) and of the Russian standards (1.2.643). */
export const isGostAlgorithm = (oid: string): boolean =>
  oid.startsWith('1.2.398.3.10.') || oid.startsWith('1.2.643.');

export interface ParsedSignedData {
  readonly signerInfo: SignerInfo;
  /** the content signed: the encapsulated one, or the detached one given */
  readonly content: Uint8Array;
  readonly certificates: readonly ParsedCertificate[];
  readonly signer: ParsedCertificate | null;
  readonly digestAlgorithm: string;
  readonly signatureAlgorithm: string;
}

export type CmsReadResult =
  | { ok: true; value: ParsedSignedData }
  | { ok: false; reason: 'malformed' | 'content-mismatch'; detail: string };

export function readSignedData(cms: Uint8Array, detachedContent?: Uint8Array): CmsReadResult {
  let signedData: SignedData;
  try {
    const info = AsnParser.parse(cms, ContentInfo);
    if (info.contentType !== id_signedData) {
      return { ok: false, reason: 'malformed', detail: `content type ${info.contentType} is not SignedData` };
    }
    signedData = AsnParser.parse(info.content, SignedData);
  } catch {
    return { ok: false, reason: 'malformed', detail: 'not a CMS (PKCS#7) SignedData structure' };
  }
  if (signedData.signerInfos.length !== 1) {
    return {
      ok: false,
      reason: 'malformed',
      detail: `exactly one signer expected, found ${signedData.signerInfos.length}`,
    };
  }
  const signerInfo = signedData.signerInfos[0]!;
  const eContent = signedData.encapContentInfo.eContent;
  const attached = eContent?.single
    ? new Uint8Array(eContent.single.buffer)
    : eContent?.any
      ? new Uint8Array(eContent.any)
      : null;
  if (attached && detachedContent && !Buffer.from(attached).equals(Buffer.from(detachedContent))) {
    return { ok: false, reason: 'content-mismatch', detail: 'the signed content is not the content given' };
  }
  const content = attached ?? detachedContent;
  if (!content) {
    return { ok: false, reason: 'malformed', detail: 'a detached signature needs the content it signs' };
  }
  const certificates = (signedData.certificates ?? [])
    .map((choice) =>
      choice.certificate ? parseCertificate(new Uint8Array(AsnConvert.serialize(choice.certificate))) : null,
    )
    .filter((c): c is ParsedCertificate => c !== null);
  return {
    ok: true,
    value: {
      signerInfo,
      content,
      certificates,
      signer: findSigner(signerInfo, certificates),
      digestAlgorithm: signerInfo.digestAlgorithm.algorithm,
      signatureAlgorithm: signerInfo.signatureAlgorithm.algorithm,
    },
  };
}

function findSigner(
  signerInfo: SignerInfo,
  certificates: readonly ParsedCertificate[],
): ParsedCertificate | null {
  const byIssuerSerial = signerInfo.sid.issuerAndSerialNumber;
  const byKeyId = signerInfo.sid.subjectKeyIdentifier;
  for (const candidate of certificates) {
    const tbs = AsnParser.parse(candidate.der, Certificate).tbsCertificate;
    if (byIssuerSerial) {
      const sameSerial = Buffer.from(tbs.serialNumber).equals(Buffer.from(byIssuerSerial.serialNumber));
      const sameIssuer = Buffer.from(AsnConvert.serialize(tbs.issuer)).equals(
        Buffer.from(AsnConvert.serialize(byIssuerSerial.issuer)),
      );
      if (sameSerial && sameIssuer) return candidate;
    } else if (byKeyId) {
      const ski = candidate.cert.getExtension('2.5.29.14');
      if (ski && Buffer.from(ski.value).includes(Buffer.from(byKeyId.buffer))) return candidate;
    }
  }
  return null;
}

export type SignatureCheck =
  { ok: true } | { ok: false; reason: 'bad-signature' | 'unsupported-algorithm'; detail: string };

/** Checks the signer's signature over the content (through the signed attributes when present). */
export function checkSignature(data: ParsedSignedData, signer: ParsedCertificate): SignatureCheck {
  const digest = DIGESTS[data.digestAlgorithm];
  if (!digest) {
    return { ok: false, reason: 'unsupported-algorithm', detail: `digest ${data.digestAlgorithm}` };
  }
  if (!(data.signatureAlgorithm in SIGNATURES)) {
    return { ok: false, reason: 'unsupported-algorithm', detail: `signature ${data.signatureAlgorithm}` };
  }
  const key = publicKeyOf(signer);
  if (!key) return { ok: false, reason: 'unsupported-algorithm', detail: 'the signer key cannot be read' };
  const hash = SIGNATURES[data.signatureAlgorithm] ?? digest;

  let signedBytes: Uint8Array;
  const { signerInfo } = data;
  if (signerInfo.signedAttrs) {
    const contentDigest = createHash(digest).update(data.content).digest();
    const messageDigest = signerInfo.signedAttrs.find((a) => a.attrType === id_messageDigest)?.attrValues[0];
    if (!messageDigest) return { ok: false, reason: 'bad-signature', detail: 'no message-digest attribute' };
    const declared = Buffer.from(AsnParser.parse(messageDigest, OctetString).buffer);
    if (!declared.equals(contentDigest)) {
      return { ok: false, reason: 'bad-signature', detail: 'the content does not match its digest' };
    }
    if (!signerInfo.signedAttrs.some((a) => a.attrType === id_contentType)) {
      return { ok: false, reason: 'bad-signature', detail: 'no content-type attribute' };
    }
    signedBytes = signedAttributesDer(signerInfo.signedAttrs);
  } else {
    signedBytes = data.content;
  }
  try {
    const good = verifySignature(hash, signedBytes, key, Buffer.from(signerInfo.signature.buffer));
    return good
      ? { ok: true }
      : { ok: false, reason: 'bad-signature', detail: 'the signature does not verify' };
  } catch {
    return { ok: false, reason: 'bad-signature', detail: 'the signature does not verify' };
  }
}

/**
 * RFC 5652 5.4: the signature is over the DER of the signed attributes as a SET OF (tag 0x31),
 * in the order they came (DER signers send them sorted; a BER-encoded set fails, as it must).
 */
export function signedAttributesDer(attributes: readonly Attribute[]): Buffer {
  const body = Buffer.concat(attributes.map((a) => Buffer.from(AsnConvert.serialize(a))));
  return Buffer.concat([Buffer.from([0x31]), derLength(body.length), body]);
}

function derLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}
