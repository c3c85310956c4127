// The request register's use cases (Order 25, paras 4-9): check a request without registering it,
// register it with its decision, number and term, read the register, correct the structured
// fields (the decision is taken again by the rules of the registration date), extend the term with
// notice, close it, and remind staff of terms that are about to end. Every change is journaled in
// its transaction, and written as an event of the request.
import { addWorkingDays, compareLocalDates, type LocalDate } from '../calendar/index.js';
import { currentCatalog, isIsoDate } from '../catalog/index.js';
import { localDateOf } from '../../platform/clock.js';
import { conflict, invalidInput, notFound } from '../../platform/errors/index.js';
import { anyOf, command, hasRole, isSystem, query, type CommandContext } from '../../platform/usecase.js';
import { createHash, randomInt } from 'node:crypto';
import { intake } from './request.intake.js';
import type { RequestBody } from './request.input.js';
import { requestRulesOn } from './request.rules.js';
import { extensionNoticeDue, latestExtension } from './request.terms.js';
import * as repo from './requests.repository.js';
import { presentRequest, type RequestView } from './requests.presenter.js';

/** Editors handle requests; the administrator may too (the route × role matrix). */
export const staff = hasRole('editor', 'admin');

export const checkRequest = query({
  name: 'check a request',
  policy: staff,
  run: async ({ deps }, input: { body: RequestBody; baseUrl: string }) => {
    const { registeredOn, decision, term } = await intake(deps, input.body, input.baseUrl);
    return { registeredOn, decision, term };
  },
});

export type RequestAction =
  | 'requests.request.registered'
  | 'requests.letter.drafted'
  | 'requests.letter.approved'
  | 'requests.request.corrected'
  | 'requests.request.extended'
  | 'requests.request.closed'
  | 'requests.request.reminded';

/** The request's own history and the log journal, in the same transaction. */
export async function event(
  ctx: CommandContext,
  row: repo.RequestRow,
  { action, detail }: { action: RequestAction; detail: Record<string, unknown> },
) {
  await repo.insertEvent(ctx.trx, {
    request_id: row.id,
    at: ctx.now,
    actor_name: ctx.actor.name,
    action: action.split('.').at(-1)!,
    detail,
  });
  await ctx.record({
    action,
    objectType: 'request',
    objectId: row.number,
    summary: { number: row.number, ...detail },
  });
}

export const registerRequest = command({
  name: 'register a request',
  // Staff register what they receive; the signed intake registers as the system (request.signed).
  policy: anyOf(staff, isSystem),
  run: async (
    ctx,
    input: { body: RequestBody; baseUrl: string; signed?: Record<string, unknown> },
  ): Promise<RequestView & { statusCode: string }> => {
    const { registeredOn, decision, term } = await intake(ctx.deps, input.body, input.baseUrl);
    const number = await repo.nextNumber(ctx.trx, Number(registeredOn.slice(0, 4)));
    // The code the applicant is given once, to see the status by the number (kept as its hash).
    const statusCode = newStatusCode();
    const row = await repo.insertRequest(ctx.trx, {
      number,
      registered_on: registeredOn,
      registered_at: ctx.now,
      registered_by: ctx.actor.name,
      channel: input.body.channel,
      applicant_kind: input.body.applicant.kind,
      applicant_name: input.body.applicant.name,
      organisation: input.body.applicant.organisation ?? null,
      body: { ...input.body, registeredOn },
      decision,
      outcome: decision.outcome,
      ground: decision.ground.id,
      state: 'open',
      due_on: term.due,
      term,
      status_code_hash: statusCodeHash(statusCode),
    });
    await event(ctx, row, {
      action: 'requests.request.registered',
      detail: {
        channel: row.channel,
        applicantKind: row.applicant_kind,
        outcome: decision.outcome,
        ground: decision.ground.id,
        clause: decision.ground.clause,
        dueOn: term.due,
        ...(input.signed ? { signed: input.signed } : {}),
      },
    });
    return { ...presentRequest(row, [], localDateOf(ctx.now)), statusCode };
  },
});

/** Ten characters of an alphabet without look-alikes (0/O, 1/I/L). */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
function newStatusCode(): string {
  return Array.from({ length: 10 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

/** The hash a status code is kept as (the code itself is given to the applicant once). */
export const statusCodeHash = (code: string): string =>
  createHash('sha256').update(code.trim().toUpperCase()).digest('hex');

export interface ListQuery {
  state?: 'open' | 'closed';
  answered?: boolean;
  dueBefore?: string;
  overdue?: boolean;
  limit?: number;
  offset?: number;
}

export const listRequests = query({
  name: 'list requests',
  policy: staff,
  run: async ({ db, now }, input: ListQuery) => {
    if (input.dueBefore !== undefined && !isIsoDate(input.dueBefore))
      throw invalidInput(`dueBefore: '${input.dueBefore}' is not a date (YYYY-MM-DD)`, [
        { pointer: '/query/dueBefore', code: 'invalid_date', message: `'${input.dueBefore}' is not a date` },
      ]);
    const today = localDateOf(now);
    const { rows, total } = await repo.listRequests(db, {
      ...(input.state ? { state: input.state } : {}),
      ...(input.answered !== undefined ? { answered: input.answered } : {}),
      ...(input.dueBefore ? { dueBefore: input.dueBefore } : {}),
      ...(input.overdue ? { overdueOn: today } : {}),
      limit: input.limit ?? 100,
      offset: input.offset ?? 0,
    });
    return { total, requests: rows.map((r) => presentRequest(r, null, today)) };
  },
});

export async function load(db: Parameters<typeof repo.findByNumber>[0], number: string, lock = false) {
  const row = await repo.findByNumber(db, number, lock);
  if (!row) throw notFound(`Request ${number}`, 'request_not_found');
  return row;
}

export const getRequest = query({
  name: 'read a request',
  policy: staff,
  run: async ({ db, now }, input: { number: string }): Promise<RequestView> => {
    const row = await load(db, input.number);
    return presentRequest(row, await repo.findEvents(db, row.id), localDateOf(now));
  },
});

export function open(row: repo.RequestRow): void {
  if (row.state === 'closed') throw conflict(`Request ${row.number} is closed.`, 'request_closed');
}

/** The structured fields staff may correct; the applicant's kind and the channel are as received. */
export type Correction = Partial<
  Pick<RequestBody, 'signatory' | 'unit' | 'information' | 'indicators' | 'period' | 'copiesOf'>
> & { organisation?: string; reason: string };

export const correctRequest = command({
  name: 'correct a request',
  policy: staff,
  run: async (
    ctx,
    input: { number: string; correction: Correction; baseUrl: string },
  ): Promise<RequestView> => {
    const row = await load(ctx.trx, input.number, true);
    open(row);
    const { reason, organisation, ...fields } = input.correction;
    const before = row.body as RequestBody;
    const body: RequestBody = {
      ...before,
      ...fields,
      applicant: { ...before.applicant, ...(organisation !== undefined ? { organisation } : {}) },
    };
    // Taken again by the rules in use on the registration date (body.registeredOn).
    const { decision } = await intake(ctx.deps, body, input.baseUrl);
    const changed = [...Object.keys(fields), ...(organisation !== undefined ? ['organisation'] : [])];
    const updated = await repo.updateRequest(ctx.trx, row.id, {
      body,
      decision,
      outcome: decision.outcome,
      ground: decision.ground.id,
      organisation: body.applicant.organisation ?? null,
    });
    await event(ctx, updated, {
      action: 'requests.request.corrected',
      detail: {
        fields: changed,
        reason,
        outcomeBefore: row.outcome,
        outcome: decision.outcome,
        ground: decision.ground.id,
      },
    });
    return presentRequest(updated, await repo.findEvents(ctx.trx, row.id), localDateOf(ctx.now));
  },
});

export const extendRequestTerm = command({
  name: 'extend the term of a request',
  policy: staff,
  run: async (ctx, input: { number: string; until: string; reason: string }): Promise<RequestView> => {
    const row = await load(ctx.trx, input.number, true);
    open(row);
    if (!isIsoDate(input.until))
      throw invalidInput(`until: '${input.until}' is not a date (YYYY-MM-DD)`, [
        { pointer: '/body/until', code: 'invalid_date', message: `'${input.until}' is not a date` },
      ]);
    const { catalog, calendar } = await currentCatalog(ctx.trx);
    const rules = requestRulesOn(catalog, row.registered_on);
    const kind = row.applicant_kind as Parameters<typeof latestExtension>[2];
    const latest = latestExtension(rules, calendar, kind, row.registered_on as LocalDate);
    const current = row.extended_until ?? row.due_on;
    if (compareLocalDates(input.until as LocalDate, current as LocalDate) <= 0)
      throw invalidInput(`until: ${input.until} does not extend the term, which ends on ${current}`, [
        { pointer: '/body/until', code: 'not_later', message: `the term already ends on ${current}` },
      ]);
    if (!latest || compareLocalDates(input.until as LocalDate, latest.due as LocalDate) > 0)
      throw invalidInput(
        `until: the term may be extended to ${latest?.due ?? 'no later date'} at most (${latest?.legalBasis ? `${latest.legalBasis.act}, art. ${latest.legalBasis.article}` : 'no extension in use'})`,
        [{ pointer: '/body/until', code: 'too_late', message: `at most ${latest?.due ?? 'no extension'}` }],
      );
    const today = localDateOf(ctx.now) as LocalDate;
    const noticeBy = extensionNoticeDue(rules, calendar, kind, today);
    const updated = await repo.updateRequest(ctx.trx, row.id, {
      extended_until: input.until,
      reminded_at: null,
    });
    await event(ctx, updated, {
      action: 'requests.request.extended',
      detail: {
        from: current,
        until: input.until,
        reason: input.reason,
        noticeBy,
        basis: latest.legalBasis ?? null,
      },
    });
    return presentRequest(updated, await repo.findEvents(ctx.trx, row.id), today);
  },
});

export const closeRequest = command({
  name: 'close a request',
  policy: staff,
  run: async (ctx, input: { number: string; note: string }): Promise<RequestView> => {
    const row = await load(ctx.trx, input.number, true);
    open(row);
    const updated = await repo.updateRequest(ctx.trx, row.id, {
      state: 'closed',
      closed_at: ctx.now,
      closed_by: ctx.actor.name,
      closing_note: input.note,
    });
    const today = localDateOf(ctx.now);
    const termEnd = row.extended_until ?? row.due_on;
    await event(ctx, updated, {
      action: 'requests.request.closed',
      detail: { note: input.note, late: termEnd < today },
    });
    return presentRequest(updated, await repo.findEvents(ctx.trx, row.id), today);
  },
});

/** The job's reminder: open requests whose term ends within `workingDays` working days. */
export const remindOfTerms = command({
  name: 'remind of request terms',
  policy: anyOf(isSystem, hasRole('admin')),
  run: async (ctx, input: { workingDays: number }) => {
    const { calendar } = await currentCatalog(ctx.trx);
    const today = localDateOf(ctx.now) as LocalDate;
    const until = addWorkingDays(calendar, today, input.workingDays);
    const rows = await repo.findToRemind(ctx.trx, until);
    for (const row of rows) {
      await repo.updateRequest(ctx.trx, row.id, { reminded_at: ctx.now });
      await event(ctx, row, {
        action: 'requests.request.reminded',
        detail: {
          termEnds: row.extended_until ?? row.due_on,
          overdue: (row.extended_until ?? row.due_on) < today,
        },
      });
    }
    if (rows.length === 0) ctx.changedNothing();
    return { reminded: rows.length, until };
  },
});

export async function overdueRequests(db: Parameters<typeof repo.countOverdue>[0], today: string) {
  return repo.countOverdue(db, today);
}
