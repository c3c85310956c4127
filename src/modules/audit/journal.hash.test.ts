import { describe, expect, it } from 'vitest';
import { canonicalJson, entryHash, findFirstBreak, GENESIS_HASH, type HashedFields } from './journal.hash.js';

describe('canonicalJson', () => {
  it.each([
    [{ b: 1, a: 2 }, '{"a":2,"b":1}'],
    [{ a: { d: [3, { z: 1, y: 2 }], c: null } }, '{"a":{"c":null,"d":[3,{"y":2,"z":1}]}}'],
    [{ a: undefined, b: 'қ' }, '{"b":"қ"}'],
    [[1, 'two', true], '[1,"two",true]'],
    [null, 'null'],
  ])('%j → %s', (value, text) => expect(canonicalJson(value)).toBe(text));
});

const entry = (seq: number, summary: unknown = { n: seq }): HashedFields => ({
  seq,
  at: new Date(Date.UTC(2024, 0, 1, 0, 0, seq)),
  actorKind: 'system',
  actorId: 'test',
  actorName: 'system:test',
  role: null,
  organisationId: null,
  action: 'test.thing.happened',
  objectType: 'thing',
  objectId: String(seq),
  summary,
  requestId: null,
  clientAddress: null,
});

function chain(n: number) {
  const out = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const e = entry(i);
    const hash = entryHash(prev, e);
    out.push({ ...e, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

describe('findFirstBreak', () => {
  it('accepts an intact chain', () => {
    expect(findFirstBreak(chain(5))).toMatchObject({ broken: null, checked: 5, last: { seq: 5 } });
  });
  it.each([
    ['a changed summary', (c: ReturnType<typeof chain>) => (c[2]!.summary = { n: 99 }), 3, 'hash_mismatch'],
    [
      'a changed actor',
      (c: ReturnType<typeof chain>) => (c[1]!.actorName = 'someone else'),
      2,
      'hash_mismatch',
    ],
    ['a changed time', (c: ReturnType<typeof chain>) => (c[3]!.at = new Date(0)), 4, 'hash_mismatch'],
    ['a deleted entry', (c: ReturnType<typeof chain>) => c.splice(2, 1), 4, 'sequence_gap'],
    [
      'a rehashed entry whose successor still points at the old hash',
      (c: ReturnType<typeof chain>) => {
        c[1]!.summary = { n: 42 };
        c[1]!.hash = entryHash(c[1]!.prevHash, c[1]!);
      },
      3,
      'prev_hash_mismatch',
    ],
  ])('finds %s', (_name, tamper, seq, reason) => {
    const c = chain(5);
    tamper(c);
    expect(findFirstBreak(c).broken).toEqual({ seq, reason });
  });
  it('continues from a checkpoint across batches', () => {
    const c = chain(6);
    const first = findFirstBreak(c.slice(0, 3));
    expect(findFirstBreak(c.slice(3), first.last).broken).toBeNull();
  });
});
