// OCSP (RFC 6960): one request about the signer certificate, the answer's signature checked
// against the issuer or a responder certificate the issuer delegated (id-kp-OCSPSigning).
import { createHash, verify as verifySignature } from 'node:crypto';
import { AsnConvert, AsnParser, OctetString } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier, Certificate } from '@peculiar/asn1-x509';
import {
  BasicOCSPResponse,
  CertID,
  OCSPRequest,
  OCSPResponse,
  OCSPResponseStatus,
  Request,
  TBSRequest,
  id_kp_OCSPSigning,
  id_pkix_ocsp_basic,
} from '@peculiar/asn1-ocsp';
import { x509 } from './pki.x509.js';
import { isIssuedBy, parseCertificate, publicKeyOf, type ParsedCertificate } from './pki.certificates.js';

const SHA1 = '1.3.14.3.2.26';
const HASH_OF_SIGNATURE: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
};

/** The CertID of RFC 6960 4.1.1 (SHA-1 of the issuer's name and key, as responders expect). */
export function ocspCertId(subject: ParsedCertificate, issuer: ParsedCertificate): CertID {
  const issuerTbs = AsnParser.parse(issuer.der, Certificate).tbsCertificate;
  const subjectTbs = AsnParser.parse(subject.der, Certificate).tbsCertificate;
  const sha1 = (bytes: ArrayBuffer | Uint8Array) =>
    new OctetString(createHash('sha1').update(new Uint8Array(bytes)).digest());
  return new CertID({
    hashAlgorithm: new AlgorithmIdentifier({ algorithm: SHA1, parameters: null }),
    issuerNameHash: sha1(AsnConvert.serialize(issuerTbs.subject)),
    issuerKeyHash: sha1(issuerTbs.subjectPublicKeyInfo.subjectPublicKey),
    serialNumber: subjectTbs.serialNumber,
  });
}

export const sameCertId = (a: CertID, b: CertID): boolean =>
  Buffer.from(AsnConvert.serialize(a)).equals(Buffer.from(AsnConvert.serialize(b)));

export function ocspRequestFor(subject: ParsedCertificate, issuer: ParsedCertificate): Uint8Array {
  const request = new OCSPRequest({
    tbsRequest: new TBSRequest({ requestList: [new Request({ reqCert: ocspCertId(subject, issuer) })] }),
  });
  return new Uint8Array(AsnConvert.serialize(request));
}

export interface OcspAnswer {
  readonly status: 'good' | 'revoked' | 'unknown' | 'failed';
  readonly detail: string;
}

function responderOf(basic: BasicOCSPResponse, issuer: ParsedCertificate): ParsedCertificate[] {
  const delegated = (basic.certs ?? [])
    .map((c) => parseCertificate(new Uint8Array(AsnConvert.serialize(c))))
    .filter((c): c is ParsedCertificate => c !== null)
    .filter(
      (c) =>
        isIssuedBy(c, issuer) &&
        (c.cert.getExtension(x509.ExtendedKeyUsageExtension)?.usages.includes(id_kp_OCSPSigning) ?? false),
    );
  return [issuer, ...delegated];
}

/** Reads an OCSP answer about `subject`; pure, so it is tested by table. */
export function readOcspResponse(
  bytes: Uint8Array,
  subject: ParsedCertificate,
  issuer: ParsedCertificate,
  at: Date,
): OcspAnswer {
  let basic: BasicOCSPResponse;
  try {
    const response = AsnParser.parse(bytes, OCSPResponse);
    if (response.responseStatus !== OCSPResponseStatus.successful || !response.responseBytes) {
      return { status: 'failed', detail: `responder status ${response.responseStatus}` };
    }
    if (response.responseBytes.responseType !== id_pkix_ocsp_basic) {
      return { status: 'failed', detail: 'not a basic OCSP response' };
    }
    basic = AsnParser.parse(response.responseBytes.response, BasicOCSPResponse);
  } catch {
    return { status: 'failed', detail: 'the answer is not an OCSP response' };
  }
  const hash = HASH_OF_SIGNATURE[basic.signatureAlgorithm.algorithm];
  const signed = basic.tbsResponseDataRaw ? new Uint8Array(basic.tbsResponseDataRaw) : null;
  if (!hash || !signed) return { status: 'failed', detail: 'unsupported signature of the answer' };
  const signedByResponder = responderOf(basic, issuer).some((responder) => {
    const key = publicKeyOf(responder);
    try {
      return key !== null && verifySignature(hash, signed, key, new Uint8Array(basic.signature));
    } catch {
      return false;
    }
  });
  if (!signedByResponder) return { status: 'failed', detail: 'the answer is not signed by the issuer' };
  const wanted = ocspCertId(subject, issuer);
  const single = basic.tbsResponseData.responses.find((r) => sameCertId(r.certID, wanted));
  if (!single) return { status: 'failed', detail: 'the answer is about another certificate' };
  if (single.thisUpdate.getTime() > at.getTime() + 5 * 60_000) {
    return { status: 'failed', detail: 'the answer is from the future' };
  }
  if (single.nextUpdate && single.nextUpdate.getTime() < at.getTime()) {
    return { status: 'failed', detail: 'the answer is out of date' };
  }
  if (single.certStatus.revoked) {
    return {
      status: 'revoked',
      detail: `revoked on ${single.certStatus.revoked.revocationTime.toISOString()}`,
    };
  }
  if (single.certStatus.unknown !== undefined)
    return { status: 'unknown', detail: 'unknown to the responder' };
  return { status: 'good', detail: 'good' };
}

export async function askOcsp(
  url: string,
  subject: ParsedCertificate,
  issuer: ParsedCertificate,
  at: Date,
  timeoutMs: number,
  fetchImpl: typeof fetch,
): Promise<OcspAnswer> {
  try {
    const response = await fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/ocsp-request', accept: 'application/ocsp-response' },
      body: Buffer.from(ocspRequestFor(subject, issuer)),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) return { status: 'failed', detail: `responder answered ${response.status}` };
    return readOcspResponse(new Uint8Array(await response.arrayBuffer()), subject, issuer, at);
  } catch {
    return { status: 'failed', detail: 'the responder did not answer' };
  }
}
