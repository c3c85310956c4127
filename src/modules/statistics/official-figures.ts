// Loads the real published figures that ship with zanstat (seed/official, see its SOURCE.md) into
// an empty store, through the same use case a submission takes: validated, journaled, marked
// `imported-official`. One (form, period) is one all-or-nothing submission.
import fs from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import type { Queryable } from '../../platform/db/index.js';
import { systemActor, type Deps } from '../../platform/usecase.js';
import { submitFigures, type SubmissionPart } from './statistics.service.js';

export const shippedFiguresDir: string = new URL('../../../seed/official', import.meta.url).pathname;

export async function storeIsEmpty(db: Queryable): Promise<boolean> {
  return !(await db.selectFrom('stat_revisions').select('id').limit(1).executeTakeFirst());
}

/** No one has submitted anything yet: the store holds nothing, or only what ships with zanstat. */
export async function storeHoldsOnlyShippedData(db: Queryable): Promise<boolean> {
  return !(await db
    .selectFrom('stat_revisions')
    .select('id')
    .where('origin', '=', 'submitted')
    .limit(1)
    .executeTakeFirst());
}

/** A (form, period) already holds figures: a load that was interrupted resumes after it. */
export async function periodHasFigures(db: Queryable, form: string, period: string): Promise<boolean> {
  return !!(await db
    .selectFrom('stat_revisions')
    .select('id')
    .where('form', '=', form)
    .where('period', '=', period)
    .limit(1)
    .executeTakeFirst());
}

export interface LoadReport {
  submissions: number;
  /** (form, period) pairs that already held figures (a resumed load) */
  skipped: number;
  revisions: number;
  values: number;
  refused: { form: string; period: string; message: string }[];
}

export async function loadShippedFigures(
  deps: Deps,
  dir = shippedFiguresDir,
  progress: (message: string) => void = () => undefined,
): Promise<LoadReport> {
  const report: LoadReport = { submissions: 0, skipped: 0, revisions: 0, values: 0, refused: [] };
  const actor = systemActor('official-figures');
  const files = (await fs.readdir(dir)).filter((f) => f.endsWith('.csv.gz')).sort();
  for (const file of files) {
    const form = file.replace(/\.csv\.gz$/, '');
    const records = parse(gunzipSync(await fs.readFile(path.join(dir, file))), { columns: true }) as Record<
      string,
      string
    >[];
    const byPeriod = new Map<string, Map<string, SubmissionPart>>();
    records.forEach((r, i) => {
      const parts = byPeriod.get(r.period!) ?? new Map<string, SubmissionPart>();
      byPeriod.set(r.period!, parts);
      const part = parts.get(r.breakdown!) ?? {
        breakdown: r.breakdown!,
        breakdownRef: `${file} line ${i + 2}`,
        values: [],
      };
      parts.set(r.breakdown!, part);
      (r.values ?? '').split(';').forEach((v, g) => {
        if (v !== '')
          part.values.push({
            section: r.section!,
            row: r.row!,
            graph: g + 1,
            value: v,
            ref: `${file} line ${i + 2} graph ${g + 1}`,
          });
      });
    });
    for (const [period, parts] of byPeriod) {
      if (await periodHasFigures(deps.db, form, period)) {
        report.skipped++;
        continue;
      }
      try {
        const r = await submitFigures(deps, actor, {
          form,
          period,
          channel: 'import',
          origin: 'imported-official',
          fileName: file,
          parts: [...parts.values()],
        });
        report.submissions++;
        report.revisions += r.revisions.length;
        report.values += r.revisions.reduce((s, x) => s + x.valueCount, 0);
        progress(`${r.code} ${period}: ${r.revisions.length} revisions`);
      } catch (err) {
        report.refused.push({ form, period, message: (err as Error).message });
        progress(`${form} ${period}: refused — ${(err as Error).message}`);
      }
    }
  }
  return report;
}
