import { createHash } from 'node:crypto';

// Order 25, para 2, item 1: the log journal records every action. Each entry holds the hash of
// the previous one, so a change to any past entry breaks every link after it.

export const GENESIS_HASH = '0'.repeat(64);

export interface HashedFields {
  seq: number;
  at: Date;
  actorKind: string;
  actorId: string | null;
  actorName: string;
  role: string | null;
  organisationId: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  summary: unknown;
  requestId: string | null;
  clientAddress: string | null;
}

/** JSON with object keys sorted at every level: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

export function entryHash(prevHash: string, e: HashedFields): string {
  const body = canonicalJson([
    e.seq,
    e.at.toISOString(),
    e.actorKind,
    e.actorId,
    e.actorName,
    e.role,
    e.organisationId,
    e.action,
    e.objectType,
    e.objectId,
    e.summary,
    e.requestId,
    e.clientAddress,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

export interface ChainBreak {
  seq: number;
  reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap';
}

/** Walks entries in seq order and returns the first broken link, or null. */
export function findFirstBreak(
  entries: Iterable<HashedFields & { prevHash: string; hash: string }>,
  start: { prevHash: string; seq: number } = { prevHash: GENESIS_HASH, seq: 0 },
): { broken: ChainBreak | null; last: { prevHash: string; seq: number }; checked: number } {
  let prev = start.prevHash;
  let lastSeq = start.seq;
  let checked = 0;
  for (const e of entries) {
    checked++;
    if (e.seq !== lastSeq + 1)
      return {
        broken: { seq: e.seq, reason: 'sequence_gap' },
        last: { prevHash: prev, seq: lastSeq },
        checked,
      };
    if (e.prevHash !== prev)
      return {
        broken: { seq: e.seq, reason: 'prev_hash_mismatch' },
        last: { prevHash: prev, seq: lastSeq },
        checked,
      };
    if (entryHash(prev, e) !== e.hash)
      return {
        broken: { seq: e.seq, reason: 'hash_mismatch' },
        last: { prevHash: prev, seq: lastSeq },
        checked,
      };
    prev = e.hash;
    lastSeq = e.seq;
  }
  return { broken: null, last: { prevHash: prev, seq: lastSeq }, checked };
}
