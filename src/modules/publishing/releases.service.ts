// The use cases of a release: approve, reschedule, publish now, revise, and the worker's
// publication at the set time (Order 25, para 14, Appendix 2: each report on the information
// service by its day). Every transition checks the lifecycle, changes the release and journals it
// in one transaction; a refused one is a 409 with the lifecycle's code.
import { coverageOf, coverageOfStore } from '../statistics/index.js';
import { instantInKazakhstan, localDateOf } from '../../platform/clock.js';
import { conflict, describedProblem, invalidInput, notFound } from '../../platform/errors/index.js';
import { command, hasRole, isSystem, type CommandContext } from '../../platform/usecase.js';
import { REFUSAL_MESSAGES, transition, type ReleaseAction } from './lifecycle.js';
import { publishedIndexOf } from './published-index.js';
import * as repo from './publishing.repository.js';
import { ensureRelease, lateCountsFrom } from './releases.announce.js';
import { isLocalDateText, resolveFormPeriod } from './releases.input.js';

const editors = hasRole('editor', 'admin');

interface ReleaseRef {
  form: string;
  period: string;
}

async function lockedRelease(ctx: CommandContext, ref: ReleaseRef) {
  const { formId, period } = await resolveFormPeriod(ctx.trx, ref.form, ref.period);
  const release = await ensureRelease(ctx.trx, ctx.now, formId, period);
  if (!release) throw notFound(`A release of ${ref.form} for ${period}`, 'release_not_found');
  const publications = await repo.findPublications(ctx.trx, [release.id]);
  const pending = publications.find((p) => p.published_at === null) ?? null;
  const published = publications.filter((p) => p.published_at !== null);
  return { release, pending, published };
}

function check(state: { status: repo.ReleaseRow['status']; pending: boolean }, action: ReleaseAction) {
  const t = transition(state, action);
  if (!t.ok) throw conflict(REFUSAL_MESSAGES[t.code], t.code);
  return t.status;
}

function requireReason(reason: string | undefined, what: string): string {
  const text = reason?.trim() ?? '';
  if (!text) throw conflict(`${what} needs its reason, which is public.`, 'reason_required');
  if (text.length > 2000)
    throw invalidInput('The reason is too long.', [
      describedProblem('/body/reason', 'too_long', { max: 2000 }),
    ]);
  return text;
}

function publishTime(release: repo.ReleaseRow, at: string | undefined, defaultTime: string): Date {
  if (at === undefined) return instantInKazakhstan(release.planned_date, defaultTime);
  const d = new Date(at);
  if (Number.isNaN(d.getTime()))
    throw invalidInput('The publication time is not a date and time.', [
      { pointer: '/body/publishAt', code: 'invalid_date_time', message: 'an ISO 8601 date and time' },
    ]);
  return d;
}

const afterPublication = (ctx: CommandContext) =>
  ctx.afterCommit(() => publishedIndexOf(ctx.deps.db).invalidate());

export interface ApproveInput extends ReleaseRef {
  /** ISO date-time; default: the announced date at the configured time */
  publishAt?: string;
  /** required when a breakdown value the form requires has no figures */
  incompleteReason?: string;
  defaultTime: string;
}

/** An editor approves the figures in for publication at a time, embargoed until then. */
export const approveRelease = command({
  name: 'approve a release',
  policy: editors,
  run: async (ctx, input: ApproveInput) => {
    const { release, pending } = await lockedRelease(ctx, input);
    const status = check({ status: release.status, pending: pending !== null }, 'approve');
    const coverage = await coverageOf(ctx.trx, release.form, release.period);
    if (!coverage.revisionIds.length)
      throw conflict(`No figures of ${release.period} have been received.`, 'nothing_received');
    const incompleteReason = input.incompleteReason?.trim() || null;
    if (coverage.missing.length && !incompleteReason)
      throw conflict(
        `Figures are missing for ${coverage.missing.join(', ')}: approving an incomplete release needs its reason.`,
        'release_incomplete',
      );
    const publishAt = publishTime(release, input.publishAt, input.defaultTime);
    await repo.insertPublication(ctx.trx, {
      release_id: release.id,
      version: 1,
      revision_ids: coverage.revisionIds,
      breakdowns: coverage.breakdowns,
      missing: coverage.missing,
      incomplete_reason: coverage.missing.length ? incompleteReason : null,
      reason: null,
      imported: false,
      approved_at: ctx.now,
      approved_by: ctx.actor.name,
      publish_at: publishAt,
    });
    await repo.setStatus(ctx.trx, release.id, status);
    await ctx.record({
      action: 'publishing.release.approved',
      objectType: 'release',
      objectId: `${release.form}/${release.period}`,
      summary: {
        publishAt: publishAt.toISOString(),
        revisions: coverage.revisionIds.length,
        missing: coverage.missing,
        incompleteReason: coverage.missing.length ? incompleteReason : null,
      },
    });
    return { form: release.form, period: release.period, status, publishAt: publishAt.toISOString() };
  },
});

export interface RescheduleInput extends ReleaseRef {
  /** the new announced date, YYYY-MM-DD */
  date: string;
  reason?: string;
  publishAt?: string;
  defaultTime: string;
}

/** Moves the announced date of a release, with a public reason; a waiting publication moves with it. */
export const rescheduleRelease = command({
  name: 'reschedule a release',
  policy: editors,
  run: async (ctx, input: RescheduleInput) => {
    if (!isLocalDateText(input.date))
      throw invalidInput('The date is not a calendar date.', [
        { pointer: '/body/date', code: 'invalid_date', message: 'YYYY-MM-DD' },
      ]);
    const reason = requireReason(input.reason, 'Rescheduling');
    const { release, pending } = await lockedRelease(ctx, input);
    check({ status: release.status, pending: pending !== null }, 'reschedule');
    await repo.insertReschedule(ctx.trx, {
      release_id: release.id,
      at: ctx.now,
      from_date: release.planned_date,
      to_date: input.date,
      reason,
      actor_name: ctx.actor.name,
    });
    await repo.setPlannedDate(ctx.trx, release.id, input.date);
    let publishAt: Date | null = null;
    if (pending) {
      publishAt = publishTime({ ...release, planned_date: input.date }, input.publishAt, input.defaultTime);
      await repo.setPendingPublishAt(ctx.trx, release.id, publishAt);
    }
    await ctx.record({
      action: 'publishing.release.rescheduled',
      objectType: 'release',
      objectId: `${release.form}/${release.period}`,
      summary: {
        from: release.planned_date,
        to: input.date,
        reason,
        publishAt: publishAt?.toISOString() ?? null,
      },
    });
    return {
      form: release.form,
      period: release.period,
      plannedDate: input.date,
      publishAt: publishAt?.toISOString() ?? null,
    };
  },
});

async function publishClaimed(ctx: CommandContext, releaseId?: number) {
  const claimed = await repo.claimDuePublications(ctx.trx, ctx.now, ctx.actor.name, releaseId);
  for (const p of claimed) {
    const status = p.version === 1 ? 'published' : 'revised';
    await repo.setStatus(ctx.trx, p.release_id, status);
    await ctx.record({
      action: 'publishing.release.published',
      objectType: 'release',
      objectId: `${p.form}/${p.period}`,
      summary: {
        version: p.version,
        publishAt: p.publish_at.toISOString(),
        revisions: p.revision_ids.length,
        reason: p.reason,
        imported: p.imported,
      },
    });
  }
  if (claimed.length) {
    await repo.bumpGeneration(ctx.trx);
    afterPublication(ctx);
  }
  return claimed;
}

/** An editor publishes an approved release (or revision) now, ahead of its time. */
export const publishReleaseNow = command({
  name: 'publish a release now',
  policy: editors,
  run: async (ctx, input: ReleaseRef) => {
    const { release, pending } = await lockedRelease(ctx, input);
    const status = check({ status: release.status, pending: pending !== null }, 'publish');
    if (pending && pending.publish_at > ctx.now) await repo.setPendingPublishAt(ctx.trx, release.id, ctx.now);
    await publishClaimed(ctx, release.id);
    return { form: release.form, period: release.period, status, publishedAt: ctx.now.toISOString() };
  },
});

export interface ReviseInput extends ReleaseRef {
  reason?: string;
  publishAt?: string;
  incompleteReason?: string;
  defaultTime: string;
}

/** An editor approves the newer revisions of a published release, with the reason shown to all. */
export const reviseRelease = command({
  name: 'revise a release',
  policy: editors,
  run: async (ctx, input: ReviseInput) => {
    const reason = requireReason(input.reason, 'A revision');
    const { release, pending, published } = await lockedRelease(ctx, input);
    check({ status: release.status, pending: pending !== null }, 'revise');
    const coverage = await coverageOf(ctx.trx, release.form, release.period);
    const last = published.at(-1)!;
    const same =
      last.revision_ids.length === coverage.revisionIds.length &&
      coverage.revisionIds.every((id) => last.revision_ids.map(Number).includes(id));
    if (same) throw conflict('No figure has been revised since the last publication.', 'nothing_to_revise');
    const incompleteReason = input.incompleteReason?.trim() || last.incomplete_reason;
    if (coverage.missing.length && !incompleteReason)
      throw conflict(`Figures are missing for ${coverage.missing.join(', ')}.`, 'release_incomplete');
    const publishAt = input.publishAt ? publishTime(release, input.publishAt, input.defaultTime) : ctx.now;
    await repo.insertPublication(ctx.trx, {
      release_id: release.id,
      version: last.version + 1,
      revision_ids: coverage.revisionIds,
      breakdowns: coverage.breakdowns,
      missing: coverage.missing,
      incomplete_reason: coverage.missing.length ? incompleteReason : null,
      reason,
      imported: false,
      approved_at: ctx.now,
      approved_by: ctx.actor.name,
      publish_at: publishAt,
    });
    await ctx.record({
      action: 'publishing.release.revised',
      objectType: 'release',
      objectId: `${release.form}/${release.period}`,
      summary: { version: last.version + 1, reason, publishAt: publishAt.toISOString() },
    });
    return {
      form: release.form,
      period: release.period,
      version: last.version + 1,
      publishAt: publishAt.toISOString(),
    };
  },
});

/** The worker: every publication whose time has come, published once whatever the instances. */
export const publishDue = command({
  name: 'publish the releases whose time has come',
  policy: isSystem,
  run: async (ctx, _input: undefined) => {
    const claimed = await publishClaimed(ctx);
    if (!claimed.length) ctx.changedNothing();
    return { published: claimed.map((p) => `${p.form}/${p.period}#${p.version}`) };
  },
});

/** The worker: releases past their due day, not published, counted from the first counted period. */
export const recordLateReleases = command({
  name: 'record the late releases',
  policy: isSystem,
  run: async (ctx, input: { lateFromPeriod: string | null }) => {
    const from = await lateCountsFrom(ctx.trx, input.lateFromPeriod, ctx.now);
    const late = await repo.findNewlyLate(ctx.trx, localDateOf(ctx.now), from);
    if (!late.length) {
      ctx.changedNothing();
      return { late: 0 };
    }
    await repo.markLateRecorded(
      ctx.trx,
      late.map((r) => r.id),
      ctx.now,
    );
    await ctx.record({
      action: 'publishing.releases.late',
      objectType: 'release',
      objectId: null,
      summary: {
        count: late.length,
        releases: late.slice(0, 200).map((r) => `${r.form}/${r.period} due ${r.due_date}`),
      },
    });
    return { late: late.length };
  },
});

/**
 * The figures that ship with zanstat (imported official ones, synthetic demonstration ones) are
 * published as they are loaded, by the system, marked imported: history is published, not late.
 */
export const publishShippedFigures = command({
  name: 'publish the figures that ship with zanstat',
  policy: isSystem,
  run: async (ctx, _input: undefined) => {
    const done: string[] = [];
    for (const c of await coverageOfStore(ctx.trx)) {
      if (c.origins.some((o) => o === 'submitted')) continue;
      const release = await ensureRelease(ctx.trx, ctx.now, c.form, c.period);
      if (!release || release.status !== 'scheduled') continue;
      await repo.insertPublication(ctx.trx, {
        release_id: release.id,
        version: 1,
        revision_ids: c.revisionIds,
        breakdowns: c.breakdowns,
        missing: c.missing,
        incomplete_reason: c.missing.length
          ? 'Imported as published: the source has no figures for these.'
          : null,
        reason: null,
        imported: true,
        approved_at: ctx.now,
        approved_by: ctx.actor.name,
        publish_at: ctx.now,
      });
      done.push(`${c.form}/${c.period}`);
    }
    if (!done.length) {
      ctx.changedNothing();
      return { published: 0 };
    }
    await publishClaimed(ctx);
    return { published: done.length };
  },
});
