// What the store holds for the indicators a request names (Order 25, para 5: information is given
// within the indicators that exist). Each indicator is checked against the form's structure (a
// form, section, row, graph or region that does not exist is an input error naming its field),
// then against the published figures: every form period the span needs, every region asked, and
// the access of every row and graph asked (para 2, item 10: official-use figures only to a body
// that holds the right; secret never).
import { periodContaining, type LocalDate, type Periodicity } from '../calendar/index.js';
import { findForm, inForceOn, type Catalog } from '../catalog/index.js';
import { publishedPeriodsOf } from '../publishing/index.js';
import {
  publishedSectionCoverage,
  structureFor,
  type Access,
  type FormStructure,
  type Section,
} from '../statistics/index.js';
import type { Db } from '../../platform/db/index.js';
import { invalidInput, type FieldProblem } from '../../platform/errors/index.js';
import type { Deps } from '../../platform/usecase.js';
import type { IndicatorFinding, Shortfall } from './request.decide.js';
import type { IndicatorInput } from './request.input.js';
import { formPeriodsFor, type RequestPeriod } from './request.period.js';

interface Resolved {
  index: number;
  formId: string;
  formCode: string;
  slug: string;
  periodicity: Periodicity;
  structure: FormStructure;
  section: Section;
  rows: string[];
  graphs: number[];
  regions: string[];
}

const problem = (pointer: string, code: string, message: string): FieldProblem => ({
  pointer,
  code,
  message,
});

/** Checks each indicator against its form's structure; every problem is named by its field. */
export type ResolvedIndicator = Resolved;

export async function resolveIndicators(
  db: Db,
  catalog: Catalog,
  indicators: readonly IndicatorInput[],
  span: RequestPeriod | null,
  on: string,
): Promise<Resolved[]> {
  const problems: FieldProblem[] = [];
  const out: Resolved[] = [];
  const day = span?.end ?? on;
  for (const [index, input] of indicators.entries()) {
    const at = `/indicators/${index}`;
    const form = findForm(catalog, input.form, day);
    if (!form) {
      problems.push(problem(`${at}/form`, 'unknown_form', `no form "${input.form}" is in use on ${day}`));
      continue;
    }
    const stored = await structureFor(db, form.id, periodContaining(day as LocalDate, form.periodicity));
    if (!stored) {
      problems.push(
        problem(`${at}/form`, 'no_structure', `${form.code ?? form.id} has no structure for ${day}`),
      );
      continue;
    }
    const structure = stored.structure;
    let section: Section | undefined;
    if (input.section) {
      section = structure.sections.find((s) => s.id === input.section);
      if (!section)
        problems.push(
          problem(
            `${at}/section`,
            'unknown_section',
            `${form.code ?? form.id} has no section "${input.section}" (it has ${structure.sections.map((s) => s.id).join(', ')})`,
          ),
        );
    } else if (input.rows) {
      const holding = structure.sections.filter((s) =>
        input.rows!.every((r) => s.rows.some((x) => x.code === r)),
      );
      if (holding.length === 1) section = holding[0];
      else if (holding.length > 1)
        problems.push(
          problem(
            `${at}/section`,
            'ambiguous_rows',
            `the rows are in several sections of ${form.code ?? form.id} (${holding.map((s) => s.id).join(', ')}): name the section`,
          ),
        );
      else section = structure.sections[0];
    } else section = structure.sections[0];
    if (!section) continue;
    const rows = input.rows ?? section.rows.map((r) => r.code);
    rows.forEach((code, j) => {
      if (!section.rows.some((r) => r.code === code))
        problems.push(
          problem(
            `${at}/rows/${j}`,
            'unknown_row',
            `${form.code ?? form.id} ${section.id} has no row "${code}"`,
          ),
        );
    });
    const graphs = input.graphs ?? section.graphs.map((g) => g.n);
    graphs.forEach((n, j) => {
      if (!section.graphs.some((g) => g.n === n))
        problems.push(
          problem(
            `${at}/graphs/${j}`,
            'unknown_graph',
            `${form.code ?? form.id} ${section.id} has no graph ${n} (it has 1–${section.graphs.length})`,
          ),
        );
    });
    const b = structure.breakdown;
    const known = new Set([
      b.total,
      ...(b.values ?? []).map((v) => v.id),
      ...(b.outside ?? []).map((v) => v.id),
      ...(b.dimension === 'region' ? inForceOn(catalog.regions, day).map((r) => r.id) : []),
    ]);
    // The republic (00) of a form broken down by agency is its total over all agencies.
    const regions = (input.regions ?? [b.total]).map((code) =>
      code === '00' && b.dimension === 'agency' ? b.total : code,
    );
    regions.forEach((code, j) => {
      if (!known.has(code))
        problems.push(
          problem(
            `${at}/regions/${j}`,
            b.dimension === 'region' ? 'unknown_region' : 'unknown_agency',
            `"${code}" is not a ${b.dimension === 'region' ? 'region (a 2-digit KATO code, 00 the republic)' : 'breakdown value'} of ${form.code ?? form.id} on ${day}`,
          ),
        );
    });
    out.push({
      index,
      formId: form.id,
      formCode: form.code ?? form.id,
      slug: form.slug,
      periodicity: form.periodicity,
      structure,
      section,
      rows,
      graphs,
      regions,
    });
  }
  if (problems.length > 0)
    throw invalidInput(`The request's indicators have ${problems.length} problem(s).`, problems);
  return out;
}

const restricted = (a: Access | undefined) => a === 'official-use' || a === 'secret';

function withheldPart(access: Access, what: string): Shortfall {
  return access === 'secret'
    ? {
        what,
        reason: 'secret',
        detail: `${what}: restricted-access information (Order 25, para 2, item 10), given to no applicant`,
      }
    : {
        what,
        reason: 'official-use',
        detail: `${what}: for official use (Order 25, para 2, item 10); the applicant's organisation holds no right to it`,
      };
}

/** What of each indicator the store holds for the span, and what the applicant may be given. */
export async function findIndicators(
  deps: Deps,
  resolved: readonly Resolved[],
  span: RequestPeriod,
  officialUse: boolean,
  baseUrl: string,
): Promise<IndicatorFinding[]> {
  const findings: IndicatorFinding[] = [];
  for (const r of resolved) {
    const withheld: Shortfall[] = [];
    const notAvailable: Shortfall[] = [];
    const links: string[] = [];
    let demonstration = false;
    // Access (para 2, item 10): the form, the section, and each row and graph asked.
    const rowAccess = (code: string) => r.section.rows.find((x) => x.code === code)?.access;
    const graphAccess = (n: number) => r.section.graphs.find((g) => g.n === n)?.access;
    const whole = [r.structure.access, r.section.access].find(restricted);
    const hiddenRows = r.rows.filter((code) => restricted(rowAccess(code)));
    const hiddenGraphs = r.graphs.filter((n) => restricted(graphAccess(n)));
    const refused = (a: Access | undefined) => a === 'secret' || (a === 'official-use' && !officialUse);
    const wholeWithheld = refused(whole);
    const withheldRows = wholeWithheld ? [] : hiddenRows.filter((c) => refused(rowAccess(c)));
    const withheldGraphs = wholeWithheld ? [] : hiddenGraphs.filter((n) => refused(graphAccess(n)));
    if (wholeWithheld) withheld.push(withheldPart(whole!, `${r.formCode} ${r.section.id}`));
    for (const c of withheldRows) withheld.push(withheldPart(rowAccess(c)!, `row ${c}`));
    for (const n of withheldGraphs) withheld.push(withheldPart(graphAccess(n)!, `graph ${n}`));
    const nothingLeft =
      wholeWithheld || withheldRows.length === r.rows.length || withheldGraphs.length === r.graphs.length;

    // The periods the span needs, and in each the regions asked.
    const periods = formPeriodsFor(span, r.periodicity, r.structure.cumulative);
    const published = new Map(
      (await publishedPeriodsOf(deps.db, r.formId, deps.clock.now())).map((p) => [p.period, p.publication]),
    );
    let derived = false;
    let cellsFound = 0;
    if (!periods) {
      notAvailable.push({
        what: span.text,
        reason: 'finer-than-form',
        detail: `${r.formCode} is ${r.periodicity}: it has no figures for the span ${span.start}–${span.end}`,
      });
    } else {
      for (const p of periods) {
        if (p.minus) derived = true;
        for (const period of p.minus ? [p.period, p.minus] : [p.period]) {
          const publication = published.get(period);
          if (!publication) {
            notAvailable.push({
              what: period,
              reason: 'not-published',
              detail: `${r.formCode} for ${period} is not published`,
            });
            continue;
          }
          if (!p.minus)
            links.push(
              `${baseUrl}/api/v1/forms/${r.slug}/tables/${period}?section=${encodeURIComponent(r.section.id)}`,
            );
          // From the publication's revisions alone: the check reads no figure (a whole section's
          // cells cost about a tenth of a second a request).
          const seen = await publishedSectionCoverage(deps.db, {
            form: r.formId,
            section: r.section.id,
            period,
            revisionIds: publication.revisionIds,
          });
          if (seen === 'hidden') {
            cellsFound += r.regions.length;
            continue;
          }
          demonstration ||= seen.demonstration;
          for (const region of r.regions) {
            const state = seen.states.get(region);
            if (state === 'complete') {
              cellsFound++;
              continue;
            }
            notAvailable.push({
              what: `${period} ${region}`,
              reason: state === 'partial' ? 'partial-coverage' : 'region-not-published',
              detail:
                state === 'partial'
                  ? `${r.formCode} for ${period}: the total would be summed from part of the regions only (${seen.missing.join(', ')} missing)`
                  : `${r.formCode} for ${period} holds no figures for ${region}`,
            });
          }
        }
      }
    }
    const restrictedAsked = whole !== undefined || hiddenRows.length > 0 || hiddenGraphs.length > 0;
    const complete = notAvailable.length === 0 && withheld.length === 0;
    const status: IndicatorFinding['status'] =
      complete && !derived && !restrictedAsked
        ? 'published'
        : complete
          ? 'available'
          : nothingLeft || cellsFound === 0
            ? 'not-available'
            : 'partial';
    findings.push({
      index: r.index,
      form: r.formCode,
      section: r.section.id,
      rows: r.rows,
      graphs: r.graphs,
      regions: r.regions,
      periods: (periods ?? []).map((p) =>
        p.minus ? { period: p.period, derivedFrom: [p.period, p.minus] } : { period: p.period },
      ),
      status,
      links: status === 'published' ? links : [],
      withheld,
      notAvailable,
      demonstration,
    });
  }
  return findings;
}
