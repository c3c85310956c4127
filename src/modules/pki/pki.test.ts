import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPki, REFUSED_CASES, type TestCases, type TestPki } from '../../../test/support/pki.js';
import { startNcaNodeDouble } from '../../../test/support/ncanode-double.js';
import {
  createSignatureVerifier,
  loadTrustSettings,
  type SignatureVerifier,
  type TrustSettings,
} from './index.js';

const at = new Date('2026-03-10T09:00:00Z');
const DAY = 86_400_000;
const challenge = 'zanstat sign-in 3f9c…';

let pki: TestPki;
let cases: TestCases;
let dir: string;
let trust: TrustSettings;
let verifier: SignatureVerifier;

const settings = async (
  extra: Partial<Parameters<typeof loadTrustSettings>[0]> = {},
  files = { trustRoots: join(dir, 'roots'), crlPath: join(dir, 'crl') },
) =>
  loadTrustSettings({
    trustRoots: files.trustRoots,
    intermediates: null,
    crlPath: files.crlPath,
    ocspUrl: null,
    ncanodeUrl: null,
    timeoutMs: 5000,
    ...extra,
  });

beforeAll(async () => {
  pki = await createTestPki({ at });
  cases = await pki.cases('900101300123');
  dir = await mkdtemp(join(tmpdir(), 'zanstat-pki-'));
  await pki.writeTrust(dir);
  trust = await settings();
  verifier = createSignatureVerifier(trust);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a CMS signature checked for sign-in', () => {
  it('accepts a valid authentication certificate and reads the subject as the NCA writes it', async () => {
    const signer = await pki.issue({
      iin: '850412400567',
      bin: '010140003594',
      surname: 'ӘБІЛҚАСЫМОВА',
      givenName: 'АЙГҮЛ',
      patronymic: 'СЕРІКҚЫЗЫ',
      organisation: 'ТОО «ДЕРЕК»',
      title: 'БАС МАМАН',
    });
    const result = await verifier.verifyCms({ cms: signer.sign(challenge), purpose: 'authentication', at });
    expect(result).toMatchObject({
      ok: true,
      verifiedBy: 'in-process',
      revocationCheckedBy: ['crl'],
      subject: {
        iin: '850412400567',
        bin: '010140003594',
        commonName: 'ӘБІЛҚАСЫМОВА АЙГҮЛ',
        surname: 'ӘБІЛҚАСЫМОВА',
        patronymic: 'СЕРІКҚЫЗЫ',
        organisation: 'ТОО «ДЕРЕК»',
        title: 'БАС МАМАН',
        country: 'KZ',
      },
    });
    if (result.ok) expect(Buffer.from(result.content).toString()).toBe(challenge);
  });

  it.each(REFUSED_CASES)(
    'refuses the %s certificate as %s, naming who it claimed to be',
    async (name, reason) => {
      const result = await verifier.verifyCms({
        cms: cases[name].sign(challenge),
        purpose: 'authentication',
        at,
      });
      expect(result).toMatchObject({ ok: false, reason, subject: { iin: '900101300123' } });
    },
  );

  it('refuses a signing certificate for sign-in and an authentication one for a document', async () => {
    const signing = await pki.issue({ purpose: 'signing' });
    expect(
      await verifier.verifyCms({ cms: signing.sign(challenge), purpose: 'authentication', at }),
    ).toMatchObject({
      ok: false,
      reason: 'wrong-key-usage',
    });
    expect(
      await verifier.verifyCms({ cms: signing.sign('a document'), purpose: 'signing', at }),
    ).toMatchObject({ ok: true });
    expect(
      await verifier.verifyCms({ cms: cases.valid.sign('a document'), purpose: 'signing', at }),
    ).toMatchObject({
      ok: false,
      reason: 'wrong-key-usage',
    });
  });

  it('checks a detached signature against the content given, and an attached one too', async () => {
    const cms = cases.valid.sign(challenge, { detached: true });
    const content = Buffer.from(challenge);
    expect(await verifier.verifyCms({ cms, content, purpose: 'authentication', at })).toMatchObject({
      ok: true,
    });
    expect(
      await verifier.verifyCms({ cms, content: Buffer.from('another'), purpose: 'authentication', at }),
    ).toMatchObject({
      ok: false,
      reason: 'bad-signature',
    });
    expect(await verifier.verifyCms({ cms, purpose: 'authentication', at })).toMatchObject({
      ok: false,
      reason: 'malformed',
    });
    expect(
      await verifier.verifyCms({
        cms: cases.valid.sign(challenge),
        content: Buffer.from('another'),
        purpose: 'authentication',
        at,
      }),
    ).toMatchObject({ ok: false, reason: 'content-mismatch' });
  });

  it('refuses a signature whose bytes were altered, and bytes that are no CMS', async () => {
    const cms = Buffer.from(cases.valid.sign(challenge));
    cms.writeUInt8(cms.readUInt8(cms.length - 5) ^ 0xff, cms.length - 5); // inside the signature value
    expect(await verifier.verifyCms({ cms, purpose: 'authentication', at })).toMatchObject({
      ok: false,
      reason: 'bad-signature',
    });
    expect(
      await verifier.verifyCms({ cms: Buffer.from('not a signature'), purpose: 'authentication', at }),
    ).toMatchObject({
      ok: false,
      reason: 'malformed',
      subject: null,
    });
  });

  it('verifies an RSA signature in-process', async () => {
    const rsa = await pki.issue({ algorithm: 'RSA', iin: '770707350011' });
    expect(
      await verifier.verifyCms({ cms: rsa.sign(challenge), purpose: 'authentication', at }),
    ).toMatchObject({
      ok: true,
      subject: { iin: '770707350011' },
    });
  });

  it('finds the issuing CA in the configuration when the signature does not carry it', async () => {
    const cms = cases.valid.sign(challenge, { chain: false });
    expect(await verifier.verifyCms({ cms, purpose: 'authentication', at })).toMatchObject({
      ok: false,
      reason: 'untrusted-chain',
    });
    const withIntermediates = createSignatureVerifier(
      await settings({ intermediates: join(dir, 'intermediates') }),
    );
    expect(await withIntermediates.verifyCms({ cms, purpose: 'authentication', at })).toMatchObject({
      ok: true,
    });
  });

  it('judges validity at the time given: the same certificate is expired a year later', async () => {
    const later = new Date(at.getTime() + 400 * DAY);
    expect(
      await verifier.verifyCms({ cms: cases.valid.sign(challenge), purpose: 'authentication', at: later }),
    ).toMatchObject({
      ok: false,
      reason: 'expired',
    });
  });

  it('refuses as revocation-unknown when the CRL is out of date or missing', async () => {
    const staleDir = await mkdtemp(join(tmpdir(), 'zanstat-pki-stale-'));
    try {
      const files = await pki.writeTrust(staleDir, {
        crlThisUpdate: new Date(at.getTime() - 30 * DAY),
        crlDays: 7,
      });
      const stale = createSignatureVerifier(await settings({}, files));
      expect(
        await stale.verifyCms({ cms: cases.valid.sign(challenge), purpose: 'authentication', at }),
      ).toMatchObject({
        ok: false,
        reason: 'revocation-unknown',
      });
      const noCrl = createSignatureVerifier({ ...trust, crls: [] });
      expect(
        await noCrl.verifyCms({ cms: cases.valid.sign(challenge), purpose: 'authentication', at }),
      ).toMatchObject({
        ok: false,
        reason: 'revocation-unknown',
      });
    } finally {
      await rm(staleDir, { recursive: true, force: true });
    }
  });
});

describe('OCSP where it is configured', () => {
  it('asks the responder after the CRL: good passes, revoked is refused', async () => {
    const responder = await pki.startOcspResponder();
    try {
      const withOcsp = createSignatureVerifier({
        ...trust,
        crls: [],
        crlRequired: false,
        ocspUrl: responder.url,
      });
      expect(
        await withOcsp.verifyCms({ cms: cases.valid.sign(challenge), purpose: 'authentication', at }),
      ).toMatchObject({
        ok: true,
        revocationCheckedBy: ['ocsp'],
      });
      expect(
        await withOcsp.verifyCms({ cms: cases.revoked.sign(challenge), purpose: 'authentication', at }),
      ).toMatchObject({
        ok: false,
        reason: 'revoked',
      });
      expect(responder.requests).toBe(2);
    } finally {
      await responder.close();
    }
  });

  it('refuses as revocation-unknown when the responder does not answer', async () => {
    const silent = createSignatureVerifier({
      ...trust,
      crls: [],
      crlRequired: false,
      ocspUrl: 'http://127.0.0.1:9/',
    });
    expect(
      await silent.verifyCms({ cms: cases.valid.sign(challenge), purpose: 'authentication', at }),
    ).toMatchObject({
      ok: false,
      reason: 'revocation-unknown',
    });
  });
});

describe('GOST signatures through an NCANode service', () => {
  it('is refused as unsupported-algorithm when no NCANode service is configured', async () => {
    expect(
      await verifier.verifyCms({
        cms: cases.valid.sign(challenge, { asGost: true }),
        purpose: 'authentication',
        at,
      }),
    ).toMatchObject({ ok: false, reason: 'unsupported-algorithm' });
  });

  it('sends the CMS as NCANode documents it and maps its answer to the same reasons', async () => {
    const node = await startNcaNodeDouble({
      revoked: new Set([cases.revoked.serialNumber.toLowerCase()]),
      trustedIssuers: new Set([pki.issuing.certificate.subject]),
    });
    try {
      const gost = createSignatureVerifier({ ...trust, ncanodeUrl: node.url });
      const check = (name: keyof TestCases, purpose: 'authentication' | 'signing' = 'authentication') =>
        gost.verifyCms({
          cms: cases[name].sign(challenge, { asGost: true, detached: true }),
          content: Buffer.from(challenge),
          purpose,
          at,
        });
      expect(await check('valid')).toMatchObject({
        ok: true,
        verifiedBy: 'ncanode',
        subject: { iin: '900101300123', patronymic: 'ТЕСТОВИЧ' },
      });
      expect(await check('valid', 'signing')).toMatchObject({ ok: false, reason: 'wrong-key-usage' });
      expect(await check('revoked')).toMatchObject({ ok: false, reason: 'revoked' });
      expect(await check('expired')).toMatchObject({ ok: false, reason: 'expired' });
      expect(await check('notYetValid')).toMatchObject({ ok: false, reason: 'not-yet-valid' });
      expect(await check('wrongChain')).toMatchObject({ ok: false, reason: 'untrusted-chain' });
      expect(node.requests[0]).toEqual({
        cms: expect.any(String),
        data: Buffer.from(challenge).toString('base64'),
        revocationCheck: ['CRL'],
      });
    } finally {
      await node.close();
    }
  });

  it('refuses as bad-signature when NCANode finds the signature wrong, verifier-unavailable when it is down', async () => {
    const wrong = await startNcaNodeDouble({ signatureValid: false });
    const down = await startNcaNodeDouble({ failWith: 503 });
    try {
      const cms = cases.valid.sign(challenge, { asGost: true });
      expect(
        await createSignatureVerifier({ ...trust, ncanodeUrl: wrong.url }).verifyCms({
          cms,
          purpose: 'authentication',
          at,
        }),
      ).toMatchObject({ ok: false, reason: 'bad-signature' });
      expect(
        await createSignatureVerifier({ ...trust, ncanodeUrl: down.url }).verifyCms({
          cms,
          purpose: 'authentication',
          at,
        }),
      ).toMatchObject({ ok: false, reason: 'verifier-unavailable' });
    } finally {
      await wrong.close();
      await down.close();
    }
  });
});
