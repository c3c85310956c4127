import { expect, it } from 'vitest';
import { changesOf, type CurrentEntry } from './register.changes.js';
import type { ListRow } from './register.csv.js';

const entry = (seq: number, nameRu: string, version = 1): CurrentEntry => ({
  id: seq * 10,
  seq,
  version,
  nameRu,
  nameKkField: nameRu,
  rawNameRu: null,
  egovDataset: 'x',
});
const row = (seq: number, nameRu: string, nameKkField: string | null = nameRu): ListRow => ({
  seq,
  nameRu,
  nameKkField,
  rawNameRu: null,
  egovDataset: 'x',
  line: seq + 1,
});

it.each([
  ['the same list', [entry(1, 'a'), entry(2, 'b')], [row(1, 'a'), row(2, 'b')], [], [], [], 2],
  ['a new row', [entry(1, 'a')], [row(1, 'a'), row(2, 'b')], [2], [], [], 1],
  ['a row gone', [entry(1, 'a'), entry(2, 'b')], [row(1, 'a')], [], [], [2], 1],
  ['a title changed', [entry(1, 'a')], [row(1, 'A')], [], [1], [], 0],
  ['another field changed', [entry(1, 'a')], [row(1, 'a', null)], [], [1], [], 0],
  ['a first import', [], [row(1, 'a'), row(2, 'a')], [1, 2], [], [], 0],
  ['an empty register', [entry(1, 'a')], [], [], [], [1], 0],
])('%s', (_what, current, rows, added, changed, removed, unchanged) => {
  const c = changesOf(current, rows);
  expect(c.added.map((r) => r.seq)).toEqual(added);
  expect(c.changed.map((x) => x.before.seq)).toEqual(changed);
  expect(c.removed.map((e) => e.seq)).toEqual(removed);
  expect(c.unchanged).toBe(unchanged);
});
