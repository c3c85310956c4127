// A register as one DataStore resource (Order 84 on the open-data portal): its entries in force on a
// day, as rows with typed columns, for the open-data module. A register of personal data, a register
// not in the catalogue, or a day before the register is known has no rows: null, never an empty list.
import { isIsoDate } from '../catalog/index.js';
import type { Queryable } from '../../platform/db/index.js';
import { invalidInput } from '../../platform/errors/index.js';
import { NOT_IN_SOURCE } from './registers.presenter.js';
import * as repo from './registers.repository.js';
import { catalogRegisters } from './registers.service.js';

export type RegisterFieldType = 'int' | 'text' | 'date';

export interface RegisterField {
  id: string;
  type: RegisterFieldType;
  /** what the column holds, as the source names it */
  description: string;
}

export interface RegisterRows {
  fields: RegisterField[];
  rows: Record<string, unknown>[];
}

export const REGISTER_FIELDS: readonly RegisterField[] = [
  { id: 'seq', type: 'int', description: "the entry's sequence number in the published list" },
  {
    id: 'version',
    type: 'int',
    description: 'the version of the entry (1 as first published; a change is a new one)',
  },
  { id: 'name_ru', type: 'text', description: "the title from the source's Russian-language field, cleaned" },
  {
    id: 'name_kk_field',
    type: 'text',
    description:
      'what the source publishes in its Kazakh-language field (namKz); in the capture of 2025-03-26 it repeats name_ru in every row, so it is not a Kazakh title',
  },
  { id: 'raw_name_ru', type: 'text', description: "the source's Russian-language field as published" },
  { id: 'egov_dataset', type: 'text', description: 'the data.egov.kz dataset the row came from' },
  { id: 'valid_from', type: 'date', description: 'the first day the entry (this version) is known in force' },
  {
    id: 'decision',
    type: 'text',
    description: `the decision that added the entry, or "${NOT_IN_SOURCE}" when the source gives none`,
  },
  { id: 'decision_date', type: 'date', description: 'the date of that decision, when the source gives it' },
];

/** A register's entries in force on `on` (YYYY-MM-DD), by sequence number; null when it has none to give. */
export async function registerRows(
  db: Queryable,
  registerId: string,
  on: string,
): Promise<RegisterRows | null> {
  if (!isIsoDate(on))
    throw invalidInput(`on: '${on}' is not a date (YYYY-MM-DD)`, [
      { pointer: '/on', code: 'invalid_date', message: `'${on}' is not a date (YYYY-MM-DD)` },
    ]);
  const register = (await catalogRegisters(db)).find((r) => r.id === registerId);
  if (!register || register.containsPersonalData) return null;
  const span = (await repo.importSpans(db)).get(registerId);
  if (!span || on < span.firstKnown) return null;
  const { rows } = await repo.findEntriesOn(db, registerId, { on, limit: null, offset: 0 });
  return {
    fields: [...REGISTER_FIELDS],
    rows: rows.map((r) => ({
      seq: r.seq,
      version: r.version,
      name_ru: r.name_ru,
      name_kk_field: r.name_kk_field,
      raw_name_ru: r.raw_name_ru,
      egov_dataset: r.egov_dataset,
      valid_from: r.valid_from,
      decision: r.added_decision_in_source
        ? [r.added_decision_kind, r.added_decision_reference].filter(Boolean).join(': ')
        : NOT_IN_SOURCE,
      decision_date: r.added_decision_date,
    })),
  };
}

/** When a register last changed (its last import), or null when nothing was imported into it. */
export async function registerLastModified(db: Queryable, registerId: string): Promise<Date | null> {
  return (await repo.importSpans(db)).get(registerId)?.lastImportedAt ?? null;
}
