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
import { progressBar } from './progress.js';

export interface ImportOptions {
  form?: string;
  period?: string;
  breakdown?: string;
  reason?: string;
  official: boolean;
  json?: boolean;
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

interface FileOutcome {
  file: string;
  form?: string;
  period?: string;
  revisions?: { breakdown: string; revision: number; values: number }[];
  refused?: { message: string; errors: { pointer: string; message: string }[] };
}

/**
 * `zanstat import <files…>`: each file all or nothing; every file is checked before the database
 * is opened. On a terminal a progress bar, else a line a file; `--json` prints the outcome of each.
 */
export async function importFiles(files: string[], o: ImportOptions): Promise<number> {
  if (!files.length)
    throw new UsageError(
      'give the files: zanstat import <files…> [--form f] [--period p] [--breakdown b] [--reason r] [--official]',
    );
  await checkFiles(files, o);
  const outcomes: FileOutcome[] = [];
  const bar = o.json ? null : progressBar(files.length);
  const say = (line: string) =>
    o.json ? undefined : bar ? bar.say(line) : process.stderr.write(`${line}\n`);
  await withRuntime(async (rt) => {
    for (const [i, file] of files.entries()) {
      const tag = `[${i + 1}/${files.length}] ${path.basename(file)}`;
      bar?.step(path.basename(file));
      const started = Date.now();
      try {
        const r = await importOne(rt, file, o);
        const revisions = r.revisions.map((x) => ({
          breakdown: x.breakdown,
          revision: x.revision,
          values: x.valueCount,
        }));
        outcomes.push({ file, form: r.code, period: r.period, revisions });
        const n = revisions.reduce((s, x) => s + x.values, 0);
        const revs = revisions.map((x) => `${x.breakdown} rev ${x.revision}`).join(', ');
        if (!bar) say(`${tag}: ${r.code} ${r.period} — ${revs}, ${n} values (${Date.now() - started} ms)`);
      } catch (err) {
        if (err instanceof DomainError) {
          outcomes.push({
            file,
            refused: {
              message: err.message,
              errors: err.errors.map((e) => ({ pointer: e.pointer, message: e.message })),
            },
          });
          say(`${tag}: refused — ${err.message}`);
          for (const e of err.errors.slice(0, 20)) say(`    ${e.pointer}: ${e.message}`);
          const count = Number(err.params?.count ?? err.errors.length);
          if (count > 20) say(`    … and ${count - 20} more`);
        } else if (err instanceof UsageError) {
          outcomes.push({ file, refused: { message: err.message, errors: [] } });
          say(`${tag}: ${err.message}`);
        } else throw err;
      }
    }
  });
  bar?.done();
  const refused = outcomes.filter((x) => x.refused).map((x) => x.file);
  const imported = outcomes.length - refused.length;
  const values = outcomes.flatMap((x) => x.revisions ?? []).reduce((s, x) => s + x.values, 0);
  if (o.json) console.log(JSON.stringify({ imported, refused: refused.length, values, files: outcomes }));
  else
    console.log(
      `${imported} of ${files.length} file(s) imported, ${values} values${refused.length ? `; refused: ${refused.join(', ')}` : ''}`,
    );
  return refused.length ? 1 : 0;
}
