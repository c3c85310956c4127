// A local stand-in for an NCANode 3.x service, built from NCANode's own documentation
// (openapi.yml of ncanode-kz/NCANode: POST /cms/verify, CmsVerificationResponse,
// CertificateInfo, CertificateSubject). It reads the signer certificate out of the CMS and
// answers as NCANode would; which certificates it trusts or finds revoked, and whether the
// signature bytes verify, are given by the test (it cannot check GOST cryptography).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { AsnConvert, AsnParser } from '@peculiar/asn1-schema';
import { ContentInfo, SignedData } from '@peculiar/asn1-cms';

export interface NcaNodeDoubleOptions {
  /** serial numbers (hex, lower case) NCANode's CRL/OCSP report as revoked */
  revoked?: ReadonlySet<string>;
  /** subject DNs of issuers NCANode trusts (default: every issuer) */
  trustedIssuers?: ReadonlySet<string>;
  /** whether the signature bytes verify (default true) */
  signatureValid?: boolean;
  /** answer every request with this HTTP status instead (e.g. 503) */
  failWith?: number;
}

export interface NcaNodeDouble {
  readonly url: string;
  /** the JSON bodies received, in order */
  readonly requests: readonly Record<string, unknown>[];
  close(): Promise<void>;
}

const subjectOf = (name: x509.Name, dn: string) => {
  const get = (oid: string) => name.getField(oid)[0];
  const serial = get('2.5.4.5') ?? '';
  const ou = get('2.5.4.11') ?? '';
  return {
    commonName: get('2.5.4.3'),
    surName: get('2.5.4.4'),
    lastName: get('2.5.4.42'),
    organization: get('2.5.4.10'),
    country: get('2.5.4.6'),
    iin: serial.startsWith('IIN') ? serial.slice(3) : undefined,
    bin: ou.startsWith('BIN') ? ou.slice(3) : serial.startsWith('BIN') ? serial.slice(3) : undefined,
    dn,
  };
};

function keyUsageOf(cert: x509.X509Certificate): 'AUTH' | 'SIGN' | 'UNKNOWN' {
  // NCANode's CertificateKeyUsage.fromKeyUsageBits: bits 0+1 SIGN, bits 0+2 AUTH
  const usages = cert.getExtension(x509.KeyUsagesExtension)?.usages ?? 0;
  const F = x509.KeyUsageFlags;
  if (usages & F.digitalSignature && usages & F.nonRepudiation) return 'SIGN';
  if (usages & F.digitalSignature && usages & F.keyEncipherment) return 'AUTH';
  return 'UNKNOWN';
}

export async function startNcaNodeDouble(options: NcaNodeDoubleOptions = {}): Promise<NcaNodeDouble> {
  const requests: Record<string, unknown>[] = [];
  const answer = (raw: string): { status: number; body: unknown } => {
    let request: Record<string, unknown>;
    try {
      request = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return { status: 400, body: { status: 400, message: 'Malformed JSON' } };
    }
    requests.push(request);
    if (typeof request.cms !== 'string' || request.cms === '') {
      return { status: 400, body: { status: 400, message: 'cms: must not be empty' } };
    }
    const checks = request.revocationCheck ?? [];
    if (!Array.isArray(checks) || checks.some((c) => c !== 'OCSP' && c !== 'CRL')) {
      return { status: 400, body: { status: 400, message: 'revocationCheck: OCSP or CRL' } };
    }
    let cert: x509.X509Certificate;
    try {
      const info = AsnParser.parse(Buffer.from(request.cms, 'base64'), ContentInfo);
      const signed = AsnParser.parse(info.content, SignedData);
      cert = new x509.X509Certificate(AsnConvert.serialize(signed.certificates![0]!.certificate!));
    } catch {
      return { status: 400, body: { status: 400, message: 'Invalid CMS' } };
    }
    const serialNumber = cert.serialNumber.toLowerCase();
    const revoked = options.revoked?.has(serialNumber) ?? false;
    const trusted = options.trustedIssuers?.has(cert.issuer) ?? true;
    const revocations = (checks as string[]).map((by) => ({
      revoked,
      by,
      revocationTime: revoked ? '2026-01-01T00:00:00.000+00:00' : null,
      reason: null,
    }));
    const certificateInfo = {
      valid: trusted && !revoked,
      revocations,
      notBefore: cert.notBefore.toISOString(),
      notAfter: cert.notAfter.toISOString(),
      keyUsage: keyUsageOf(cert),
      serialNumber,
      signAlg: 'ECGOST34310',
      keyUser: ['INDIVIDUAL'],
      subject: subjectOf(cert.subjectName, cert.subject),
      issuer: subjectOf(cert.issuerName, cert.issuer),
    };
    const signatureValid = options.signatureValid ?? true;
    return {
      status: 200,
      body: {
        status: 200,
        message: 'OK',
        valid: signatureValid && certificateInfo.valid,
        signers: [{ signers: [certificateInfo] }],
      },
    };
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (options.failWith) {
        res.writeHead(options.failWith, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: options.failWith, message: 'Unavailable' }));
        return;
      }
      if (req.method !== 'POST' || req.url !== '/cms/verify') {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: 404, message: 'Not Found' }));
        return;
      }
      const { status, body } = answer(Buffer.concat(chunks).toString('utf8'));
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
