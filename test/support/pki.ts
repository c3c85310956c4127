// A test PKI of its own, shaped like the NCA of Kazakhstan's: a root, an issuing CA, and leaf
// certificates of people and organisations' employees (IIN in serialNumber, BIN in OU, the
// patronymic in givenName, the position in title) — valid, expired, not yet valid, revoked,
// with the wrong key usage, or from another root — with their CRL, CMS signatures made with
// their keys, and an OCSP responder and an NCANode service that answer about them.
//
//   const pki = await createTestPki({ at: clock.now() });
//   const alice = await pki.issue({ iin: '900101300123', purpose: 'signing' });
//   const cms = alice.sign(bytes, { detached: true });     // DER; alice.signBase64(...) too
//   const trust = await pki.writeTrust(dir);                // PKI_TRUST_ROOTS, PKI_CRL_PATH …
import { createHash, KeyObject, sign as signBytes, webcrypto } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { AsnConvert, AsnParser, OctetString } from '@peculiar/asn1-schema';
import {
  Attribute,
  CertificateChoices,
  CertificateSet,
  ContentInfo,
  DigestAlgorithmIdentifiers,
  EncapsulatedContent,
  EncapsulatedContentInfo,
  IssuerAndSerialNumber,
  SignedData,
  SignerIdentifier,
  SignerInfo,
  SignerInfos,
  id_data,
  id_signedData,
} from '@peculiar/asn1-cms';
import { AlgorithmIdentifier, Certificate, Name as AsnName, Time } from '@peculiar/asn1-x509';
import {
  BasicOCSPResponse,
  CertStatus,
  OCSPRequest,
  OCSPResponse,
  OCSPResponseStatus,
  ResponderID,
  ResponseBytes,
  ResponseData,
  RevokedInfo,
  SingleResponse,
  id_pkix_ocsp_basic,
} from '@peculiar/asn1-ocsp';

import { signedAttributesDer } from '../../src/modules/pki/pki.cms.js';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const DAY = 86_400_000;
const ECDSA = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const RSA = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
} as const;

export type TestKeyPurpose = 'authentication' | 'signing' | 'encryption-only';

export interface LeafProfile {
  /** ИИН, 12 digits (serialNumber "IIN…") */
  iin?: string;
  /** БИН of the employer, 12 digits (OU "BIN…") */
  bin?: string;
  surname?: string;
  givenName?: string;
  patronymic?: string;
  organisation?: string;
  /** position */
  title?: string;
  purpose?: TestKeyPurpose;
  notBefore?: Date;
  notAfter?: Date;
  /** issued by the issuing CA of this PKI (default) or by a root nobody trusts */
  issuer?: 'trusted' | 'untrusted';
  algorithm?: 'ECDSA' | 'RSA';
}

export interface SignOptions {
  /** the content left out of the CMS */
  detached?: boolean;
  /** the issuing CA's certificate carried in the CMS (default true) */
  chain?: boolean;
  /** labelled with the GOST 34.310 algorithms of Kazakhstan, for the NCANode double (the bytes stay ECDSA) */
  asGost?: boolean;
}

export interface TestSigner {
  readonly certificate: x509.X509Certificate;
  readonly der: Uint8Array;
  readonly pem: string;
  readonly privateKey: KeyObject;
  readonly serialNumber: string;
  /** a CMS SignedData over the content, DER; with the issuing CA's certificate unless `chain: false` */
  sign(content: Uint8Array | string, options?: SignOptions): Uint8Array;
  signBase64(content: Uint8Array | string, options?: SignOptions): string;
}

export interface TestCa {
  readonly certificate: x509.X509Certificate;
  readonly keys: CryptoKeyPair;
}

export interface TestTrustFiles {
  readonly trustRoots: string;
  readonly crlPath: string;
  /** the issuing CA's certificate (for signatures that do not carry it) */
  readonly intermediates: string;
  /** the environment for loadConfig */
  readonly env: Record<string, string>;
}

export interface TestPki {
  readonly at: Date;
  readonly root: TestCa;
  readonly issuing: TestCa;
  readonly otherRoot: TestCa;
  issue(profile?: LeafProfile): Promise<TestSigner>;
  /** the ready-made cases of a sign-in or a signed document */
  cases(iin?: string): Promise<TestCases>;
  /** marks a certificate revoked from `on` in the CRL and the OCSP answers */
  revoke(signer: TestSigner, on?: Date): void;
  /** the issuing CA's CRL, DER, valid from `thisUpdate` for `days` */
  crl(options?: { thisUpdate?: Date; days?: number }): Promise<Uint8Array>;
  /** writes roots and CRL as files in dir (PEM root, DER CRL) */
  writeTrust(dir: string, options?: { crlThisUpdate?: Date; crlDays?: number }): Promise<TestTrustFiles>;
  /** an OCSP responder over HTTP, signed by the issuing CA, answering from the revocations */
  startOcspResponder(): Promise<{ url: string; requests: number; close(): Promise<void> }>;
}

/** each bad case and the reason code it is refused with */
export const REFUSED_CASES = [
  ['expired', 'expired'],
  ['notYetValid', 'not-yet-valid'],
  ['revoked', 'revoked'],
  ['wrongKeyUsage', 'wrong-key-usage'],
  ['wrongChain', 'untrusted-chain'],
] as const;

export interface TestCases {
  valid: TestSigner;
  expired: TestSigner;
  notYetValid: TestSigner;
  revoked: TestSigner;
  wrongKeyUsage: TestSigner;
  wrongChain: TestSigner;
}

const randomSerial = () =>
  Buffer.from(webcrypto.getRandomValues(new Uint8Array(12)))
    .toString('hex')
    .replace(/^0/, '1');

async function createRoot(name: string, at: Date): Promise<TestCa> {
  const keys = (await webcrypto.subtle.generateKey(ECDSA, true, ['sign', 'verify'])) as CryptoKeyPair;
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name,
    notBefore: new Date(at.getTime() - 3650 * DAY),
    notAfter: new Date(at.getTime() + 3650 * DAY),
    keys,
    signingAlgorithm: ECDSA,
    extensions: [
      new x509.BasicConstraintsExtension(true, 1, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { certificate, keys };
}

async function createIssuing(root: TestCa, name: string, at: Date): Promise<TestCa> {
  const keys = (await webcrypto.subtle.generateKey(ECDSA, true, ['sign', 'verify'])) as CryptoKeyPair;
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject: name,
    issuer: root.certificate.subjectName,
    notBefore: new Date(at.getTime() - 1825 * DAY),
    notAfter: new Date(at.getTime() + 1825 * DAY),
    publicKey: keys.publicKey,
    signingKey: root.keys.privateKey,
    signingAlgorithm: ECDSA,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(root.certificate),
    ],
  });
  return { certificate, keys };
}

function leafName(p: LeafProfile): x509.JsonName {
  const surname = p.surname ?? 'ТЕСТОВ';
  const given = p.givenName ?? 'ТЕСТ';
  const name: x509.JsonName = [
    { '2.5.4.3': [`${surname} ${given}`] },
    { '2.5.4.4': [surname] },
    { '2.5.4.5': [`IIN${p.iin ?? '900101300123'}`] },
    { '2.5.4.6': ['KZ'] },
  ];
  if (p.patronymic !== undefined || p.bin === undefined)
    name.push({ '2.5.4.42': [p.patronymic ?? 'ТЕСТОВИЧ'] });
  if (p.organisation ?? p.bin) name.push({ '2.5.4.10': [p.organisation ?? 'ТОО «ТЕСТ»'] });
  if (p.bin) name.push({ '2.5.4.11': [`BIN${p.bin}`] });
  if (p.title) name.push({ '2.5.4.12': [p.title] });
  return name;
}

function keyUsageOf(purpose: TestKeyPurpose): number {
  const F = x509.KeyUsageFlags;
  if (purpose === 'signing') return F.digitalSignature | F.nonRepudiation;
  if (purpose === 'authentication') return F.digitalSignature | F.keyEncipherment;
  return F.keyEncipherment | F.dataEncipherment;
}

const GOST_34_311 = '1.2.398.3.10.1.3.1';
const GOST_34_310 = '1.2.398.3.10.1.1.1.2';
const ID_DATA_DER = new Uint8Array([0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01]);

function buildCms(
  content: Uint8Array,
  signerDer: Uint8Array,
  chain: readonly Uint8Array[],
  key: KeyObject,
  algorithm: 'ECDSA' | 'RSA',
  options: SignOptions,
  signingTime: Date,
): Uint8Array {
  const detached = options.detached ?? false;
  const signerCert = AsnParser.parse(signerDer, Certificate);
  const sha256 = { algorithm: options.asGost ? GOST_34_311 : '2.16.840.1.101.3.4.2.1' };
  const signatureAlgorithm = options.asGost
    ? GOST_34_310
    : algorithm === 'ECDSA'
      ? '1.2.840.10045.4.3.2'
      : '1.2.840.113549.1.1.11';
  const attrs = [
    new Attribute({
      attrType: '1.2.840.113549.1.9.3',
      attrValues: [ID_DATA_DER.buffer.slice(0) as ArrayBuffer],
    }),
    new Attribute({
      attrType: '1.2.840.113549.1.9.5',
      attrValues: [AsnConvert.serialize(new Time(signingTime))],
    }),
    new Attribute({
      attrType: '1.2.840.113549.1.9.4',
      attrValues: [AsnConvert.serialize(new OctetString(createHash('sha256').update(content).digest()))],
    }),
  ];
  const draft = new SignerInfo({
    version: 1,
    sid: new SignerIdentifier({
      issuerAndSerialNumber: new IssuerAndSerialNumber({
        issuer: signerCert.tbsCertificate.issuer,
        serialNumber: signerCert.tbsCertificate.serialNumber,
      }),
    }),
    digestAlgorithm: new AlgorithmIdentifier(sha256),
    signedAttrs: attrs,
    signatureAlgorithm: new AlgorithmIdentifier({ algorithm: signatureAlgorithm }),
    signature: new OctetString(new Uint8Array(0)),
  });
  draft.signature = new OctetString(signBytes('sha256', signedAttributesDer(attrs), key));
  const signedData = new SignedData({
    version: 1,
    digestAlgorithms: new DigestAlgorithmIdentifiers([new AlgorithmIdentifier(sha256)]),
    encapContentInfo: new EncapsulatedContentInfo({
      eContentType: id_data,
      ...(detached ? {} : { eContent: new EncapsulatedContent({ single: new OctetString(content) }) }),
    }),
    certificates: new CertificateSet(
      [signerDer, ...chain].map(
        (der) => new CertificateChoices({ certificate: AsnParser.parse(der, Certificate) }),
      ),
    ),
    signerInfos: new SignerInfos([draft]),
  });
  return new Uint8Array(
    AsnConvert.serialize(
      new ContentInfo({ contentType: id_signedData, content: AsnConvert.serialize(signedData) }),
    ),
  );
}

const bytesOf = (content: Uint8Array | string) =>
  typeof content === 'string' ? new Uint8Array(Buffer.from(content, 'utf8')) : content;

export async function createTestPki(options: { at: Date }): Promise<TestPki> {
  const at = options.at;
  const root = await createRoot('CN=ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (TEST ROOT), C=KZ', at);
  const issuing = await createIssuing(root, 'CN=ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (TEST ECDSA), C=KZ', at);
  const otherRoot = await createRoot('CN=UNTRUSTED TEST ROOT, C=KZ', at);
  const otherIssuing = await createIssuing(otherRoot, 'CN=UNTRUSTED TEST CA, C=KZ', at);
  const revocations = new Map<string, Date>();

  const issue = async (profile: LeafProfile = {}): Promise<TestSigner> => {
    const algorithm = profile.algorithm ?? 'ECDSA';
    const params = algorithm === 'ECDSA' ? ECDSA : RSA;
    const keys = (await webcrypto.subtle.generateKey(params, true, ['sign', 'verify'])) as CryptoKeyPair;
    const ca = profile.issuer === 'untrusted' ? otherIssuing : issuing;
    const purpose = profile.purpose ?? 'authentication';
    const certificate = await x509.X509CertificateGenerator.create({
      serialNumber: randomSerial(),
      subject: leafName(profile),
      issuer: ca.certificate.subjectName,
      notBefore: profile.notBefore ?? new Date(at.getTime() - 30 * DAY),
      notAfter: profile.notAfter ?? new Date(at.getTime() + 335 * DAY),
      publicKey: keys.publicKey,
      signingKey: ca.keys.privateKey,
      signingAlgorithm: ECDSA,
      extensions: [
        new x509.KeyUsagesExtension(keyUsageOf(purpose), true),
        new x509.BasicConstraintsExtension(false),
        await x509.AuthorityKeyIdentifierExtension.create(ca.certificate),
      ],
    });
    const der = new Uint8Array(certificate.rawData);
    const privateKey = KeyObject.from(keys.privateKey);
    const chain = [new Uint8Array(ca.certificate.rawData)];
    const sign: TestSigner['sign'] = (content, o = {}) =>
      buildCms(bytesOf(content), der, o.chain === false ? [] : chain, privateKey, algorithm, o, at);
    return {
      certificate,
      der,
      pem: certificate.toString('pem'),
      privateKey,
      serialNumber: certificate.serialNumber,
      sign,
      signBase64: (content, o) => Buffer.from(sign(content, o)).toString('base64'),
    };
  };

  const revoke = (signer: TestSigner, on = new Date(at.getTime() - DAY)) => {
    revocations.set(signer.serialNumber.toLowerCase(), on);
  };

  const crl = async (o: { thisUpdate?: Date; days?: number } = {}) => {
    const thisUpdate = o.thisUpdate ?? new Date(at.getTime() - DAY);
    const list = await x509.X509CrlGenerator.create({
      issuer: issuing.certificate.subjectName,
      thisUpdate,
      nextUpdate: new Date(thisUpdate.getTime() + (o.days ?? 7) * DAY),
      entries: [...revocations].map(([serialNumber, revocationDate]) => ({
        serialNumber,
        revocationDate,
        reason: x509.X509CrlReason.keyCompromise,
      })),
      signingAlgorithm: ECDSA,
      signingKey: issuing.keys.privateKey,
    });
    return new Uint8Array(list.rawData);
  };

  const cases = async (iin = '900101300123'): Promise<TestCases> => {
    const revoked = await issue({ iin });
    revoke(revoked);
    return {
      valid: await issue({ iin }),
      expired: await issue({
        iin,
        notBefore: new Date(at.getTime() - 400 * DAY),
        notAfter: new Date(at.getTime() - DAY),
      }),
      notYetValid: await issue({
        iin,
        notBefore: new Date(at.getTime() + DAY),
        notAfter: new Date(at.getTime() + 365 * DAY),
      }),
      revoked,
      wrongKeyUsage: await issue({ iin, purpose: 'encryption-only' }),
      wrongChain: await issue({ iin, issuer: 'untrusted' }),
    };
  };

  const writeTrust: TestPki['writeTrust'] = async (dir, o = {}) => {
    await mkdir(join(dir, 'roots'), { recursive: true });
    await mkdir(join(dir, 'crl'), { recursive: true });
    await mkdir(join(dir, 'intermediates'), { recursive: true });
    const intermediates = join(dir, 'intermediates');
    await writeFile(join(intermediates, 'issuing.cer'), new Uint8Array(issuing.certificate.rawData));
    const trustRoots = join(dir, 'roots');
    const crlPath = join(dir, 'crl');
    await writeFile(join(trustRoots, 'root.pem'), root.certificate.toString('pem'));
    await writeFile(
      join(crlPath, 'issuing.crl'),
      await crl({
        ...(o.crlThisUpdate ? { thisUpdate: o.crlThisUpdate } : {}),
        ...(o.crlDays ? { days: o.crlDays } : {}),
      }),
    );
    return {
      trustRoots,
      crlPath,
      intermediates,
      env: { PKI_TRUST_ROOTS: trustRoots, PKI_CRL_PATH: crlPath, PKI_INTERMEDIATES: intermediates },
    };
  };

  const startOcspResponder: TestPki['startOcspResponder'] = async () => {
    const state = { requests: 0 };
    const server: Server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        state.requests++;
        void answerOcsp(Buffer.concat(chunks)).then((body) => {
          res.writeHead(200, { 'content-type': 'application/ocsp-response' });
          res.end(Buffer.from(body));
        });
      });
    });
    const answerOcsp = async (body: Buffer): Promise<ArrayBuffer> => {
      const request = AsnParser.parse(body, OCSPRequest);
      const certID = request.tbsRequest.requestList[0]!.reqCert;
      const serial = Buffer.from(certID.serialNumber).toString('hex').replace(/^00/, '').toLowerCase();
      const revokedOn = revocations.get(serial);
      const tbs = new ResponseData({
        responderID: new ResponderID({
          byName: AsnParser.parse(issuing.certificate.subjectName.toArrayBuffer(), AsnName),
        }),
        producedAt: at,
        responses: [
          new SingleResponse({
            certID,
            certStatus: revokedOn
              ? new CertStatus({ revoked: new RevokedInfo({ revocationTime: revokedOn }) })
              : new CertStatus({ good: null }),
            thisUpdate: at,
            nextUpdate: new Date(at.getTime() + DAY),
          }),
        ],
      });
      const tbsDer = AsnConvert.serialize(tbs);
      const signature = signBytes('sha256', new Uint8Array(tbsDer), KeyObject.from(issuing.keys.privateKey));
      const basic = new BasicOCSPResponse({
        tbsResponseData: tbs,
        signatureAlgorithm: new AlgorithmIdentifier({ algorithm: '1.2.840.10045.4.3.2' }),
        signature: new Uint8Array(signature).buffer,
      });
      return AsnConvert.serialize(
        new OCSPResponse({
          responseStatus: OCSPResponseStatus.successful,
          responseBytes: new ResponseBytes({
            responseType: id_pkix_ocsp_basic,
            response: new OctetString(AsnConvert.serialize(basic)),
          }),
        }),
      );
    };
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}/`,
      get requests() {
        return state.requests;
      },
      close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
  };

  return { at, root, issuing, otherRoot, issue, cases, revoke, crl, writeTrust, startOcspResponder };
}
