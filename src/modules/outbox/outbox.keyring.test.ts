// The per-recipient signing keys: the file's form, its mode, the keys in force during a rotation's
// overlap, the fallback to the shared key, and signatures verified against several keys.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileKeyring, inForce, KeyringError, parseKeyring, signingKeysFor } from './outbox.keyring.js';
import { sign, signedHeaders, verify, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './outbox.signature.js';

const A = 'a'.repeat(32);
const B = 'b'.repeat(32);
const keys = (list: unknown) => JSON.stringify({ 'supreme-court': list });

describe('the keyring file', () => {
  it.each([
    ['not json', '{', 'not JSON'],
    ['a list', '[]', 'expected an object'],
    ['a bad id', JSON.stringify({ 'Supreme Court': [] }), 'not an organisation id'],
    ['no keys', keys([]), 'non-empty list'],
    [
      'a short key',
      keys([{ id: 'k', secret: 'short', validFrom: '2026-01-01T00:00:00Z' }]),
      '/supreme-court/0/secret',
    ],
    ['no validFrom', keys([{ id: 'k', secret: A }]), '/supreme-court/0/validFrom: required'],
    [
      'a day without a zone',
      keys([{ id: 'k', secret: A, validFrom: '2026-01-01' }]),
      '/supreme-court/0/validFrom',
    ],
    [
      'an end before the start',
      keys([{ id: 'k', secret: A, validFrom: '2026-01-02T00:00:00Z', validUntil: '2026-01-01T00:00:00Z' }]),
      'must come after validFrom',
    ],
    [
      'an id twice',
      keys([
        { id: 'k', secret: A, validFrom: '2026-01-01T00:00:00Z' },
        { id: 'k', secret: B, validFrom: '2026-02-01T00:00:00Z' },
      ]),
      'names a key id twice',
    ],
  ])('refuses %s, naming where', (_name, text, message) => {
    expect(() => parseKeyring(text, 'keys.json')).toThrow(KeyringError);
    expect(() => parseKeyring(text, 'keys.json')).toThrow(message);
  });

  it('is refused when its group or others may read it, and read again when it changes', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zanstat-keyring-'));
    const file = path.join(dir, 'keys.json');
    try {
      fs.writeFileSync(file, keys([{ id: 'a', secret: A, validFrom: '2026-01-01T00:00:00Z' }]), {
        mode: 0o644,
      });
      fs.chmodSync(file, 0o644);
      expect(() => fileKeyring(file)).toThrow('chmod 600');
      fs.chmodSync(file, 0o600);
      const ring = fileKeyring(file);
      const now = new Date('2026-06-01T00:00:00Z');
      expect(ring.keysOf('supreme-court', now).map((k) => k.id)).toEqual(['a']);
      fs.writeFileSync(
        file,
        keys([
          { id: 'a', secret: A, validFrom: '2026-01-01T00:00:00Z' },
          { id: 'b', secret: B, validFrom: '2026-05-01T00:00:00Z' },
        ]),
      );
      expect(ring.keysOf('supreme-court', now).map((k) => k.id)).toEqual(['b', 'a']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the keys in force', () => {
  const ring = parseKeyring(
    keys([
      { id: 'old', secret: A, validFrom: '2025-01-01T00:00:00Z', validUntil: '2026-01-08T00:00:00Z' },
      { id: 'new', secret: B, validFrom: '2026-01-01T00:00:00Z' },
    ]),
    'keys.json',
  );
  const list = ring.get('supreme-court')!;
  it.each([
    ['2025-12-31T23:59:59Z', ['old']],
    ['2026-01-01T00:00:00Z', ['new', 'old']],
    ['2026-01-07T23:59:59Z', ['new', 'old']],
    ['2026-01-08T00:00:00Z', ['new']],
    ['2024-12-31T00:00:00Z', []],
  ])('at %s: %j', (now, ids) => {
    expect(inForce(list, new Date(now)).map((k) => k.id)).toEqual(ids);
  });

  it('falls back to the shared key only for a recipient the file does not name', () => {
    const keyring = {
      names: (r: string) => ring.has(r),
      keysOf: (r: string, now: Date) => inForce(ring.get(r) ?? [], now),
    };
    const now = new Date('2026-01-03T00:00:00Z');
    expect(signingKeysFor(keyring, 'shared', 'supreme-court', now)).toEqual([B, A]);
    expect(signingKeysFor(keyring, 'shared', 'mazhilis', now)).toEqual(['shared']);
    expect(signingKeysFor(keyring, null, 'mazhilis', now)).toEqual([]);
    expect(signingKeysFor(keyring, 'shared', 'supreme-court', new Date('2024-01-01T00:00:00Z'))).toEqual([]);
  });
});

describe('signatures with several keys', () => {
  const now = new Date('2026-01-03T00:00:00Z');
  const body = '{"key":"k"}';
  it('carries one signature per key, and verifies when one matches a key held', () => {
    const h = signedHeaders([B, A], now, body);
    const ts = Number(h[TIMESTAMP_HEADER]);
    expect(h[SIGNATURE_HEADER]).toBe(`${sign(B, ts, body)}, ${sign(A, ts, body)}`);
    expect(verify(A, now, h[TIMESTAMP_HEADER], h[SIGNATURE_HEADER], body)).toBe(true);
    expect(verify([B], now, h[TIMESTAMP_HEADER], h[SIGNATURE_HEADER], body)).toBe(true);
    expect(verify(['c'.repeat(32)], now, h[TIMESTAMP_HEADER], h[SIGNATURE_HEADER], body)).toBe(false);
    expect(verify([], now, h[TIMESTAMP_HEADER], h[SIGNATURE_HEADER], body)).toBe(false);
    expect(verify([A, B], now, h[TIMESTAMP_HEADER], sign(A, ts, '{"key":"other"}'), body)).toBe(false);
  });
});
