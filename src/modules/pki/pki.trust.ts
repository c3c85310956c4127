// The trust configuration as data: root and intermediate certificates and revocation lists read
// from the files or directories the configuration names.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { x509 } from './pki.x509.js';
import { readCertificateFile, toArrayBuffer, type ParsedCertificate } from './pki.certificates.js';

export interface TrustSettings {
  readonly roots: readonly ParsedCertificate[];
  readonly intermediates: readonly ParsedCertificate[];
  readonly crls: readonly x509.X509Crl[];
  /** CRL files are required for every issuing CA (true when PKI_CRL_PATH is set) */
  readonly crlRequired: boolean;
  readonly ocspUrl: string | null;
  readonly ncanodeUrl: string | null;
  readonly timeoutMs: number;
}

export interface TrustPaths {
  readonly trustRoots: string | null;
  readonly intermediates: string | null;
  readonly crlPath: string | null;
  readonly ocspUrl: string | null;
  readonly ncanodeUrl: string | null;
  readonly timeoutMs: number;
}

const CERTIFICATE_FILE = /\.(pem|cer|crt|der)$/i;
const CRL_FILE = /\.(crl|pem|der)$/i;

async function filesAt(path: string, pattern: RegExp): Promise<string[]> {
  const info = await stat(path);
  if (info.isFile()) return [path];
  const names = (await readdir(path)).filter((n) => pattern.test(n)).sort();
  return names.map((n) => join(path, n));
}

async function readCertificates(path: string | null): Promise<ParsedCertificate[]> {
  if (!path) return [];
  const out: ParsedCertificate[] = [];
  for (const file of await filesAt(path, CERTIFICATE_FILE)) {
    const found = readCertificateFile(await readFile(file));
    if (found.length === 0) throw new Error(`${file}: no certificate in it`);
    out.push(...found);
  }
  return out;
}

export function parseCrl(bytes: Uint8Array): x509.X509Crl | null {
  try {
    const text = Buffer.from(bytes).toString('latin1');
    return text.includes('-----BEGIN X509 CRL-----')
      ? new x509.X509Crl(text.trim())
      : new x509.X509Crl(toArrayBuffer(bytes));
  } catch {
    return null;
  }
}

async function readCrls(path: string | null): Promise<x509.X509Crl[]> {
  if (!path) return [];
  const out: x509.X509Crl[] = [];
  for (const file of await filesAt(path, CRL_FILE)) {
    const crl = parseCrl(await readFile(file));
    if (!crl) throw new Error(`${file}: not a certificate revocation list`);
    out.push(crl);
  }
  return out;
}

/** Reads the trust files once (at start); a file that is not what it should be stops the start. */
export async function loadTrustSettings(paths: TrustPaths): Promise<TrustSettings> {
  return {
    roots: await readCertificates(paths.trustRoots),
    intermediates: await readCertificates(paths.intermediates),
    crls: await readCrls(paths.crlPath),
    crlRequired: paths.crlPath !== null,
    ocspUrl: paths.ocspUrl,
    ncanodeUrl: paths.ncanodeUrl,
    timeoutMs: paths.timeoutMs,
  };
}
