// The advance release calendar (public) and the schedule (staff): every release announced in a
// date range with its due date, announced date, state, actual publication time, lateness,
// revisions and reschedulings with their reasons.
import { currentCatalog, findFormVersions, type Form } from '../catalog/index.js';
import { areDemonstration, coverageOfStore } from '../statistics/index.js';
import { localDateOf } from '../../platform/clock.js';
import { invalidInput } from '../../platform/errors/index.js';
import { everyone, hasRole, query } from '../../platform/usecase.js';
import { shownStatus, type ReleaseStatus } from './lifecycle.js';
import * as repo from './publishing.repository.js';
import { INFORMATION_SERVICE, lateCountsFrom } from './releases.announce.js';
import { isLocalDateText } from './releases.input.js';

export interface ReleaseView {
  form: string;
  code: string;
  title: Form['titles'];
  period: string;
  status: ReleaseStatus;
  /** the information service's deadline (Order 25, para 14, Appendix 2), and every channel's */
  dueDate: string;
  due: repo.DueOnChannel[];
  act: string | null;
  clause: string | null;
  /** the announced date: the due date unless rescheduled */
  plannedDate: string;
  /** the time an approved release is published at (embargoed until then) */
  publishAt: string | null;
  /** the first publication's actual time */
  publishedAt: string | null;
  late: boolean;
  /** its figures as now published are synthetic demonstration ones, not official statistics */
  demonstration: boolean;
  /** days after the due date it was published, or is still missing */
  lateDays: number | null;
  publications: {
    version: number;
    publishedAt: string;
    reason: string | null;
    imported: boolean;
    /** synthetic demonstration figures (imported too), not official statistics */
    demonstration: boolean;
    missing: string[];
    incompleteReason: string | null;
  }[];
  reschedules: { at: string; from: string; to: string; reason: string }[];
  /** staff only: what is in and what is waiting */
  coverage?: { required: string[]; received: string[]; missing: string[] };
  pending?: { version: number; publishAt: string; approvedBy: string; approvedAt: string } | null;
}

export interface ReleasesInput {
  from?: string;
  to?: string;
  form?: string;
  status?: ReleaseStatus;
  lateFromPeriod: string | null;
}

const days = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

function checkRange(input: ReleasesInput, today: string): { from: string; to: string } {
  const from = input.from ?? `${today.slice(0, 4)}-01-01`;
  const to = input.to ?? `${Number(today.slice(0, 4)) + 1}-12-31`;
  for (const [name, v] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (!isLocalDateText(v))
      throw invalidInput(`"${name}" is not a calendar date.`, [
        { pointer: `/query/${name}`, code: 'invalid_date', message: 'YYYY-MM-DD' },
      ]);
  }
  if (from > to)
    throw invalidInput('"from" is after "to".', [
      { pointer: '/query/from', code: 'invalid_range', message: 'must not be after "to"' },
    ]);
  if (days(from, to) > 366 * 5)
    throw invalidInput('The range is longer than five years.', [
      { pointer: '/query/to', code: 'range_too_long', message: 'at most five years after "from"' },
    ]);
  return { from, to };
}

async function releasesIn(
  ctx: { db: Parameters<typeof repo.findReleases>[0]; now: Date },
  input: ReleasesInput,
  staff: boolean,
): Promise<{ from: string; to: string; releases: ReleaseView[] }> {
  const today = localDateOf(ctx.now);
  const { from, to } = checkRange(input, today);
  const { catalog } = await currentCatalog(ctx.db);
  let formId: string | undefined;
  if (input.form) {
    const f = findFormVersions(catalog, input.form)[0];
    if (!f)
      throw invalidInput(`Form "${input.form}" is unknown.`, [
        { pointer: '/query/form', code: 'form_not_found', message: 'a form code or slug of the catalogue' },
      ]);
    formId = f.id;
  }
  const rows = await repo.findReleases(ctx.db, { from, to, form: formId });
  const ids = rows.map((r) => r.id);
  const publications = await repo.findPublications(ctx.db, ids);
  const reschedules = await repo.findReschedules(ctx.db, ids);
  const countsFrom = await lateCountsFrom(ctx.db, input.lateFromPeriod, ctx.now);
  const coverage = staff ? await coverageOfStore(ctx.db, formId) : [];
  const demonstration = await areDemonstration(
    ctx.db,
    publications.map((p) => p.revision_ids),
  );
  const isDemonstration = new Map(publications.map((p, i) => [p, demonstration[i] ?? false]));
  const out: ReleaseView[] = [];
  for (const r of rows) {
    const form = catalog.forms.find((f) => f.id === r.form);
    const pubs = publications.filter((p) => p.release_id === r.id);
    const shown = pubs.filter((p) => p.published_at !== null && p.published_at <= ctx.now);
    const pending = pubs.find((p) => p.published_at === null) ?? null;
    const cov = coverage.find((c) => c.form === r.form && c.period === r.period);
    const complete = cov ? cov.missing.length === 0 : false;
    const first = shown[0]?.published_at ?? null;
    const doneOn = first ? localDateOf(first) : today;
    const late = r.period_start >= countsFrom && doneOn > r.due_date;
    const status: ReleaseStatus =
      !shown.length && (r.status === 'published' || r.status === 'revised')
        ? 'approved'
        : staff
          ? shownStatus(r.status, complete)
          : shown.length > 1
            ? 'revised'
            : r.status;
    if (input.status && status !== input.status) continue;
    const service = r.due.find((d) => d.channel === INFORMATION_SERVICE) ?? r.due[0];
    out.push({
      form: r.form,
      code: form?.code ?? r.form,
      title: form?.titles ?? { kk: r.form, ru: r.form, en: r.form },
      period: r.period,
      status,
      dueDate: r.due_date,
      due: r.due,
      act: service?.act ?? null,
      clause: service?.clause ?? null,
      plannedDate: r.planned_date,
      publishAt: pending?.publish_at.toISOString() ?? null,
      publishedAt: first?.toISOString() ?? null,
      late,
      demonstration: shown.length > 0 && isDemonstration.get(shown.at(-1)!) === true,
      lateDays: late ? days(r.due_date, doneOn) : null,
      publications: shown.map((p) => ({
        version: p.version,
        publishedAt: p.published_at!.toISOString(),
        reason: p.reason,
        imported: p.imported,
        demonstration: isDemonstration.get(p) === true,
        missing: p.missing,
        incompleteReason: p.incomplete_reason,
      })),
      reschedules: reschedules
        .filter((x) => x.release_id === r.id)
        .map((x) => ({ at: x.at.toISOString(), from: x.from_date, to: x.to_date, reason: x.reason })),
      ...(staff
        ? {
            coverage: {
              required: cov?.required ?? [],
              received: cov?.breakdowns ?? [],
              missing: cov?.missing ?? [],
            },
            pending: pending && {
              version: pending.version,
              publishAt: pending.publish_at.toISOString(),
              approvedBy: pending.approved_by,
              approvedAt: pending.approved_at.toISOString(),
            },
          }
        : {}),
    });
  }
  return { from, to, releases: out };
}

/** The advance release calendar: public (Order 25, para 15: free access). */
export const listReleases = query({
  name: 'list the release calendar',
  policy: everyone,
  run: async (ctx, input: ReleasesInput) => releasesIn(ctx, input, false),
});

/** The schedule for the staff: the calendar with what is in, what is missing, what waits. */
export const releaseSchedule = query({
  name: 'read the release schedule',
  policy: hasRole('editor', 'admin', 'auditor'),
  run: async (ctx, input: ReleasesInput) => releasesIn(ctx, input, true),
});
