// The XLSX template a reporting body fills: every section of the form's structure for one period
// and breakdown value, in the official workbook layout, prefilled with the current revision where
// there is one (so a revision starts from what was submitted). It is read back by the same parser
// as the official workbooks.
import { formatPeriod, periodEnd } from '../calendar/index.js';
import { currentCatalog, findForm, inForceOn } from '../catalog/index.js';
import { describedProblem, invalidInput } from '../../platform/errors/index.js';
import { query } from '../../platform/usecase.js';
import * as repo from './statistics.reads.repository.js';
import { maySubmit, parsePeriodAt, structureFor } from './statistics.service.js';
import type { Table } from './statistics.table.js';

export const submissionTemplate = query({
  name: 'make a submission template',
  policy: maySubmit,
  run: async ({ db }, input: { form: string; period: string; breakdown: string }): Promise<Table[]> => {
    const period = parsePeriodAt(input.period, '/query/period');
    const { catalog } = await currentCatalog(db);
    const on = periodEnd(period);
    const form = findForm(catalog, input.form, on);
    if (!form)
      throw invalidInput(`No form "${input.form}" in use in ${input.period}.`, [
        describedProblem('/query/form', 'unknown_form', { form: input.form }),
      ]);
    const stored = await structureFor(db, form.id, period);
    if (!stored)
      throw invalidInput(`${form.code ?? form.id} has no structure for ${input.period}.`, [
        describedProblem('/query/form', 'no_structure', {}),
      ]);
    const periodText = formatPeriod(period);
    const current = (await repo.findCurrentRevisions(db, form.id, periodText)).find(
      (r) => r.breakdown === input.breakdown,
    );
    const b = stored.structure.breakdown;
    const region = inForceOn(catalog.regions, on).find((r) => r.id === input.breakdown);
    const name = region?.names.find(
      (n) => n.validFrom <= on && (n.validUntil === null || on <= n.validUntil),
    );
    const label = name
      ? { ru: name.ru, kk: name.kk, en: name.en }
      : ([...(b.values ?? []), ...(b.outside ?? [])].find((v) => v.id === input.breakdown)?.label ?? null);
    const tables: Table[] = [];
    for (const section of stored.structure.sections) {
      const prefill = current
        ? ((await repo.findSectionRows(db, [current.id], section.id)).get(current.id) ?? new Map())
        : new Map<string, (number | null)[]>();
      const values: Record<string, (number | null)[]> = {};
      for (const r of section.rows)
        values[r.code] = section.graphs.map((g) => prefill.get(r.code)?.[g.n - 1] ?? null);
      tables.push({
        form: { id: form.id, code: form.code ?? form.id, titles: form.titles },
        section: { id: section.id, title: section.title },
        period: periodText,
        cumulative: stored.structure.cumulative,
        provisionalStructure: stored.structure.provisional,
        graphs: section.graphs,
        rows: section.rows,
        columns: [
          {
            breakdown: input.breakdown,
            label,
            kind: 'submitted',
            revision: current?.revision ?? null,
            submittedAt: current?.submittedAt.toISOString() ?? null,
            origin: current?.origin ?? null,
            status: 'provisional',
            values,
          },
        ],
        notice: null,
        coverage: null,
        republic: null,
      });
    }
    return tables;
  },
});
