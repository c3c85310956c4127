// Rows of the registers shaped for the API: camelCase, dates as YYYY-MM-DD, a decision the source
// does not give said as such ("not in the source"), never filled in.
import { entryFieldsOf, type EntryRow, type ImportRow, type StoredDecision } from './registers.repository.js';

export const NOT_IN_SOURCE = 'not in the source';

export interface DecisionView {
  inSource: boolean;
  kind: string | null;
  reference: string | null;
  date: string | null;
  note: string | null;
}

export const presentDecision = (d: StoredDecision): DecisionView => ({
  inSource: d.inSource,
  kind: d.kind,
  reference: d.reference,
  date: d.date,
  note: d.inSource ? null : NOT_IN_SOURCE,
});

export interface EntryView {
  seq: number;
  version: number;
  nameRu: string;
  nameKkField: string | null;
  rawNameRu: string | null;
  egovDataset: string | null;
  validFrom: string;
  validUntil: string | null;
  added: { importId: number; decision: DecisionView };
  ended: { as: 'removed' | 'replaced'; importId: number; decision: DecisionView } | null;
}

export function presentEntry(r: EntryRow): EntryView {
  return {
    seq: r.seq,
    version: r.version,
    ...entryFieldsOf(r),
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    added: {
      importId: r.added_by_import,
      decision: presentDecision({
        inSource: r.added_decision_in_source,
        kind: r.added_decision_kind,
        reference: r.added_decision_reference,
        date: r.added_decision_date,
      }),
    },
    ended:
      r.ended_by_import === null || r.ended_as === null
        ? null
        : {
            as: r.ended_as,
            importId: r.ended_by_import,
            decision: presentDecision({
              inSource: r.ended_decision_in_source ?? false,
              kind: r.ended_decision_kind,
              reference: r.ended_decision_reference,
              date: r.ended_decision_date,
            }),
          },
  };
}

export interface ImportView {
  id: number;
  register: string;
  validFrom: string;
  channel: 'shipped' | 'cli' | 'upload';
  fileName: string | null;
  sha256: string;
  rowCount: number;
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
  decision: DecisionView;
  importedAt: string;
  importedBy: string;
}

export function presentImport(r: ImportRow): ImportView {
  return {
    id: r.id,
    register: r.register,
    validFrom: r.valid_from,
    channel: r.channel,
    fileName: r.file_name,
    sha256: r.sha256,
    rowCount: r.row_count,
    added: r.added,
    changed: r.changed,
    removed: r.removed,
    unchanged: r.unchanged,
    decision: presentDecision({
      inSource: r.decision_in_source,
      kind: r.decision_kind,
      reference: r.decision_reference,
      date: r.decision_date,
    }),
    importedAt: r.imported_at.toISOString(),
    importedBy: r.imported_by,
  };
}
