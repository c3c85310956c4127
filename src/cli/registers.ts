// `zanstat registers import <register> <file.csv> --valid-from D [--decision "…"]`: a new state of
// a whole list, validated as a whole and stored all or nothing, journaled (registers module).
import fs from 'node:fs/promises';
import path from 'node:path';
import { DomainError } from '../platform/errors/index.js';
import { systemActor, type Deps } from '../platform/usecase.js';
import { importRegisterList, type ImportView } from '../modules/registers/index.js';
import { UsageError } from './usage-error.js';
import { withRuntime } from './runtime.js';

export const registersUsage = `zanstat registers import <register> <file.csv> --valid-from D [--decision "…"] [--decision-kind K] [--decision-date D] [--json]
    a new state of a register's whole list (CSV: seq,name_ru[,name_kk_field,raw_name_ru,egov_dataset]),
    in force from D: rows gone are removed the day before, new rows added, changed rows a new version`;

const MAX_FILE_BYTES = 50 * 1024 * 1024;

export interface RegisterImportOptions {
  validFrom: string;
  decision?: string;
  decisionKind?: string;
  decisionDate?: string;
}

/** Imports one file into a register as the CLI's system actor. */
export async function importRegisterFile(
  deps: Deps,
  register: string,
  file: string,
  o: RegisterImportOptions,
): Promise<ImportView> {
  const stat = await fs.stat(file).catch(() => null);
  if (!stat?.isFile()) throw new UsageError(`${file}: no such file`);
  if (stat.size > MAX_FILE_BYTES)
    throw new UsageError(`${file} is ${Math.round(stat.size / 1e6)} MB; the limit is 50 MB`);
  return importRegisterList(deps, systemActor('cli'), {
    register,
    validFrom: o.validFrom,
    csv: await fs.readFile(file, 'utf8'),
    channel: 'cli',
    fileName: path.basename(file),
    decision:
      o.decision === undefined ? null : { reference: o.decision, kind: o.decisionKind, date: o.decisionDate },
  });
}

/** `zanstat registers import <register> <file.csv> …`; returns the exit code (1: the list was refused). */
export async function registersImport(
  positionals: string[],
  values: {
    validFrom?: string;
    decision?: string;
    decisionKind?: string;
    decisionDate?: string;
    json?: boolean;
  },
): Promise<number> {
  const [register, file] = positionals;
  if (!register || !file || positionals.length > 2) throw new UsageError(registersUsage);
  const validFrom = values.validFrom;
  if (!validFrom) throw new UsageError(`--valid-from is required\n${registersUsage}`);
  try {
    const r = await withRuntime((rt) =>
      importRegisterFile(rt.deps, register, file, {
        validFrom,
        ...(values.decision !== undefined ? { decision: values.decision } : {}),
        ...(values.decisionKind !== undefined ? { decisionKind: values.decisionKind } : {}),
        ...(values.decisionDate !== undefined ? { decisionDate: values.decisionDate } : {}),
      }),
    );
    if (values.json) console.log(JSON.stringify(r));
    else
      console.log(
        `${r.register}: import ${r.id} of ${r.rowCount} rows in force from ${r.validFrom} — ${r.added} added, ${r.changed} changed, ${r.removed} removed, ${r.unchanged} unchanged`,
      );
    return 0;
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    process.stderr.write(`zanstat: ${file}: refused, nothing stored — ${err.message}\n`);
    for (const e of err.errors) process.stderr.write(`    ${e.pointer}: ${e.message}\n`);
    return 1;
  }
}
