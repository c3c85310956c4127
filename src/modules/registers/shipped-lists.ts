// The official lists that ship with zanstat (seed/registers, see its README), each mapped to its
// register of the catalogue. At start they are imported into registers that have no import yet:
// every row as published, valid from the capture date, the decision "not in the source".
import fs from 'node:fs/promises';
import path from 'node:path';
import { systemActor, type Deps } from '../../platform/usecase.js';
import { hasImports } from './registers.repository.js';
import { importRegisterList } from './registers.service.js';

export const shippedListsDir: string = new URL('../../../seed/registers', import.meta.url).pathname;

/** The day the lists were captured from data.egov.kz: the first day the registers are known. */
export const SHIPPED_LISTS_CAPTURED_ON = '2025-03-26';

/** Each shipped file, its register, and its rows as published (the counts a load must find). */
export const SHIPPED_LISTS = [
  { file: 'terrorist_organizations.csv', register: 'terrorist-organisations', rows: 17 },
  { file: 'extremist_organizations.csv', register: 'extremist-organisations', rows: 8 },
  { file: 'terrorist_materials.csv', register: 'terrorist-materials', rows: 186 },
  { file: 'extremist_materials.csv', register: 'extremist-religious-materials', rows: 877 },
] as const;

export interface ListsLoadReport {
  loaded: { register: string; rows: number }[];
  /** registers that already had an import (a resumed load, or lists imported since) */
  skipped: string[];
}

export async function loadShippedLists(
  deps: Deps,
  dir = shippedListsDir,
  progress: (message: string) => void = () => undefined,
): Promise<ListsLoadReport> {
  const actor = systemActor('registers.load-official-lists');
  const report: ListsLoadReport = { loaded: [], skipped: [] };
  for (const list of SHIPPED_LISTS) {
    if (await hasImports(deps.db, list.register)) {
      report.skipped.push(list.register);
      continue;
    }
    const r = await importRegisterList(deps, actor, {
      register: list.register,
      validFrom: SHIPPED_LISTS_CAPTURED_ON,
      csv: await fs.readFile(path.join(dir, list.file), 'utf8'),
      channel: 'shipped',
      fileName: list.file,
      decision: null,
    });
    if (r.rowCount !== list.rows)
      progress(`${list.register}: ${r.rowCount} rows loaded, ${list.rows} published`);
    report.loaded.push({ register: list.register, rows: r.rowCount });
    progress(`${list.register}: ${r.rowCount} entries from ${list.file}`);
  }
  return report;
}
