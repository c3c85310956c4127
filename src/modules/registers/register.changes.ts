// An import is a new state of the whole list: what it adds, changes, removes and leaves as it was,
// compared with the entries in force. Pure; the service writes what this decides.
import type { ListRow } from './register.csv.js';

/** The fields of an entry as published; a version is a new set of them. */
export interface EntryFields {
  nameRu: string;
  nameKkField: string | null;
  rawNameRu: string | null;
  egovDataset: string | null;
}

export interface CurrentEntry extends EntryFields {
  id: number;
  seq: number;
  version: number;
}

export interface ListChanges {
  added: ListRow[];
  changed: { before: CurrentEntry; after: ListRow }[];
  removed: CurrentEntry[];
  unchanged: number;
}

export const sameFields = (a: EntryFields, b: EntryFields): boolean =>
  a.nameRu === b.nameRu &&
  a.nameKkField === b.nameKkField &&
  a.rawNameRu === b.rawNameRu &&
  a.egovDataset === b.egovDataset;

export function changesOf(current: readonly CurrentEntry[], rows: readonly ListRow[]): ListChanges {
  const bySeq = new Map(current.map((e) => [e.seq, e]));
  const seen = new Set<number>();
  const out: ListChanges = { added: [], changed: [], removed: [], unchanged: 0 };
  for (const row of rows) {
    seen.add(row.seq);
    const before = bySeq.get(row.seq);
    if (!before) out.added.push(row);
    else if (sameFields(before, row)) out.unchanged++;
    else out.changed.push({ before, after: row });
  }
  out.removed = current.filter((e) => !seen.has(e.seq));
  return out;
}
