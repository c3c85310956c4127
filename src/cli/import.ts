import fs from 'node:fs/promises';
import path from 'node:path';
import { DomainError } from '../platform/errors/index.js';
import { systemActor } from '../platform/usecase.js';
import {
  partsFromCsv,
  submissionRefused,
  submitFigures,
  submitWorkbook,
  type SubmissionPart,
} from '../modules/statistics/index.js';
import { CommandError, UsageError } from './usage-error.js';
import { withRuntime, type Runtime } from './runtime.js';

export interface ImportOptions {
  form?: string;
  period?: string;
  breakdown?: string;
  reason?: string;
  official: boolean;
}

const MAX_FILE_BYTES = 200 * 1024 * 1024;

const READABLE = ['.xlsx', '.csv', '.json'];
const why: Record<string, string> = { ENOENT: 'no such file', EACCES: 'permission denied' };

/** Every file is there, readable, of a known kind and size, before the database is opened. */
async function checkFiles(files: string[], o: ImportOptions): Promise<void> {
  for (const file of files) {
    const ext = path.extname(file).toLowerCase();
    if (!READABLE.includes(ext))
      throw new UsageError(
        `${file}: import reads .xlsx (official layout), .csv (section,row,graph,breakdown,value) and .json`,
      );
    if (ext !== '.xlsx' && (!o.form || !o.period))
      throw new UsageError(`${file}: --form and --period are required for ${ext} files`);
    try {
      await fs.access(file, fs.constants.R_OK);
      const stat = await fs.stat(file);
      if (!stat.isFile()) throw new CommandError(`cannot read ${file}: not a file`);
      if (stat.size > MAX_FILE_BYTES)
        throw new CommandError(`${file} is ${Math.round(stat.size / 1e6)} MB; the limit is 200 MB`);
    } catch (err) {
      if (err instanceof CommandError) throw err;
      const code = (err as NodeJS.ErrnoException).code ?? '';
      throw new CommandError(`cannot read ${file}: ${why[code] ?? (err as Error).message}`);
    }
  }
}

async function importOne(rt: Runtime, file: string, o: ImportOptions) {
  const actor = systemActor('import');
  const origin = o.official ? ('imported-official' as const) : ('submitted' as const);
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xlsx') {
    return submitWorkbook(rt.deps, actor, {
      file: await fs.readFile(file),
      fileName: path.basename(file),
      form: o.form,
      period: o.period,
      breakdown: o.breakdown,
      reason: o.reason,
      origin,
    });
  }
  const text = await fs.readFile(file, 'utf8');
  const submit = (parts: SubmissionPart[]) =>
    submitFigures(rt.deps, actor, {
      form: o.form!,
      period: o.period!,
      reason: o.reason,
      channel: 'import',
      fileName: path.basename(file),
      origin,
      parts,
    });
  if (ext === '.csv') {
    const { parts, problems } = partsFromCsv(text);
    if (problems.length) throw submissionRefused(problems);
    return submit(parts);
  }
  if (ext === '.json') {
    const body = JSON.parse(text) as {
      breakdown?: string;
      values?: { section: string; row: string; graph: number; value: unknown }[];
    };
    const breakdown = o.breakdown ?? body.breakdown;
    if (!breakdown || !Array.isArray(body.values))
      throw new UsageError(`${file}: a JSON file holds { breakdown, values: [{section,row,graph,value}] }`);
    return submit([
      {
        breakdown,
        breakdownRef: '/breakdown',
        values: body.values.map((v, i) => ({ ...v, ref: `/values/${i}` })),
      },
    ]);
  }
  throw new UsageError(`${file}: not a file import reads`);
}

/** `zanstat import <files…>`: each file all or nothing, with progress and a summary. */
export async function importFiles(files: string[], o: ImportOptions): Promise<number> {
  if (!files.length)
    throw new UsageError(
      'give the files: zanstat import <files…> [--form f] [--period p] [--breakdown b] [--reason r] [--official]',
    );
  await checkFiles(files, o);
  let ok = 0;
  let values = 0;
  const failed: string[] = [];
  await withRuntime(async (rt) => {
    for (const [i, file] of files.entries()) {
      const tag = `[${i + 1}/${files.length}] ${path.basename(file)}`;
      const started = Date.now();
      try {
        const r = await importOne(rt, file, o);
        const n = r.revisions.reduce((s, x) => s + x.valueCount, 0);
        values += n;
        ok++;
        const revs = r.revisions.map((x) => `${x.breakdown} rev ${x.revision}`).join(', ');
        process.stderr.write(
          `${tag}: ${r.code} ${r.period} — ${revs}, ${n} values (${Date.now() - started} ms)\n`,
        );
      } catch (err) {
        failed.push(file);
        if (err instanceof DomainError) {
          process.stderr.write(`${tag}: refused — ${err.message}\n`);
          for (const e of err.errors.slice(0, 20)) process.stderr.write(`    ${e.pointer}: ${e.message}\n`);
          const count = Number(err.params?.count ?? err.errors.length);
          if (count > 20) process.stderr.write(`    … and ${count - 20} more\n`);
        } else if (err instanceof UsageError) process.stderr.write(`${tag}: ${err.message}\n`);
        else throw err;
      }
    }
  });
  console.log(
    `${ok} of ${files.length} file(s) imported, ${values} values${failed.length ? `; refused: ${failed.join(', ')}` : ''}`,
  );
  return failed.length ? 1 : 0;
}
