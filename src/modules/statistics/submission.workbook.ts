// A submission as a workbook in the official layout (what the authority's systems produce today,
// and the template zanstat generates): parsed whole, every problem addressed to sheet and cell,
// then submitted as one revision — or refused with nothing stored.
import { periodEnd } from '../calendar/index.js';
import { currentCatalog, findForm, inForceOn } from '../catalog/index.js';
import { describedProblem, invalidInput } from '../../platform/errors/index.js';
import type { Actor, Deps, RequestMeta } from '../../platform/usecase.js';
import { parsePeriodAt, structureFor, submitFigures, type SubmitInput } from './statistics.service.js';
import { submissionRefused } from './submission.validate.js';
import { parseOfficialWorkbook, readWorkbookTitle } from './workbook.js';

export interface WorkbookSubmission {
  file: Buffer;
  fileName?: string;
  /** taken from the file where it says them; 1-М workbooks do not print their period */
  form?: string;
  period?: string;
  breakdown?: string;
  reason?: string;
  origin?: SubmitInput['origin'];
}

/** What a published file's name says: `202406_3k_00300___ru.xlsx` (3-К, June 2024, МВД), `10_Abay_Region.xlsx` (region 10). */
export function hintsFromFileName(name: string): { form?: string; period?: string; breakdown?: string } {
  const base = name.split(/[\\/]/).pop() ?? name;
  const threeK = /^(\d{4})(\d{2})_3k_(\d{5})_/i.exec(base);
  if (threeK) return { form: '3-k', period: `${threeK[1]}-${threeK[2]}`, breakdown: threeK[3] };
  const region = /^(\d{2})_/.exec(base);
  return region ? { breakdown: region[1] } : {};
}

const squash = (s: string) => s.toLowerCase().replace(/[^a-zа-яёәғқңөұүһі0-9]/gi, '');

export async function submitWorkbook(
  deps: Deps,
  actor: Actor,
  input: WorkbookSubmission,
  meta?: RequestMeta,
) {
  const hints = input.fileName ? hintsFromFileName(input.fileName) : {};
  // The title names the form first: «1-M  Акмолинская область (Свод)».
  const titled = readWorkbookTitle(input.file).title?.split(/\s+/)[0];
  const form = input.form ?? hints.form ?? titled;
  const periodText = input.period ?? hints.period;
  if (!form)
    throw invalidInput('Name the form of the workbook.', [describedProblem('/form', 'form_required', {})]);
  if (!periodText)
    throw invalidInput('Name the period of the workbook.', [
      describedProblem('/period', 'period_required', {}),
    ]);
  const { catalog } = await currentCatalog(deps.db);
  const period = parsePeriodAt(periodText, '/period');
  const found = findForm(catalog, form, periodEnd(period));
  if (!found)
    throw invalidInput(`No form "${form}" in use in ${periodText}.`, [
      describedProblem('/form', 'unknown_form', { form }),
    ]);
  const stored = await structureFor(deps.db, found.id, period);
  if (!stored)
    throw invalidInput(`${found.code ?? found.id} has no structure for ${periodText} yet.`, [
      describedProblem('/form', 'no_structure', {}),
    ]);

  const parsed = await parseOfficialWorkbook(input.file, stored.structure);
  if (parsed.problems.length) {
    throw submissionRefused(
      parsed.problems.map((p) => ({
        pointer: p.cell ? `${p.sheet}!${p.cell}` : p.sheet || '/file',
        code: p.code,
        message: p.message,
        params: p.params,
      })),
    );
  }
  // The region a workbook names in its title («1-M Акмолинская область (Свод)»), when not given.
  let breakdown = input.breakdown ?? hints.breakdown;
  if (!breakdown && parsed.meta.regionHint && stored.structure.breakdown.dimension === 'region') {
    const hint = squash(parsed.meta.regionHint);
    breakdown = inForceOn(catalog.regions, periodEnd(period)).find((r) =>
      r.names.some((n) => squash(n.ru) === hint || squash(n.kk) === hint),
    )?.id;
  }
  if (!breakdown)
    throw invalidInput('Name the region or agency of the workbook.', [
      describedProblem(
        '/breakdown',
        'breakdown_required',
        parsed.meta.title ? { title: parsed.meta.title } : {},
      ),
    ]);

  const values = parsed.observations.map((o) => ({
    section: o.section,
    row: o.row,
    graph: o.graph,
    value: o.value,
    ref: `${o.ref.sheet}!${o.ref.cell}`,
  }));
  return submitFigures(
    deps,
    actor,
    {
      form: found.id,
      period: periodText,
      reason: input.reason,
      channel: 'workbook',
      fileName: input.fileName,
      origin: input.origin,
      parts: [{ breakdown, breakdownRef: '/breakdown', values }],
    },
    meta,
  );
}
