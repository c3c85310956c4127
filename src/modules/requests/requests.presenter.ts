// A request as the staff's API shows it.
import type { Decision } from './request.decide.js';
import type { RequestBody } from './request.input.js';
import type { TermOf } from './request.terms.js';
import type { RequestEventRow, RequestRow } from './requests.repository.js';

export interface RequestView {
  number: string;
  registeredOn: string;
  registeredAt: string;
  registeredBy: string;
  state: 'open' | 'closed';
  outcome: Decision['outcome'];
  decision: Decision;
  request: RequestBody;
  term: TermOf & { extendedUntil: string | null; endsOn: string; overdue: boolean };
  closed: { at: string; by: string; note: string } | null;
  answeredAt: string | null;
  history?: { at: string; by: string; action: string; detail: Record<string, unknown> }[];
}

export function presentRequest(
  row: RequestRow,
  events: RequestEventRow[] | null,
  today: string,
): RequestView {
  const endsOn = row.extended_until ?? row.due_on;
  return {
    number: row.number,
    registeredOn: row.registered_on,
    registeredAt: row.registered_at.toISOString(),
    registeredBy: row.registered_by,
    state: row.state,
    outcome: row.outcome as Decision['outcome'],
    decision: row.decision as Decision,
    request: row.body as RequestBody,
    term: {
      ...(row.term as TermOf),
      extendedUntil: row.extended_until,
      endsOn,
      overdue: row.state === 'open' && endsOn < today,
    },
    closed:
      row.closed_at && row.closed_by
        ? { at: row.closed_at.toISOString(), by: row.closed_by, note: row.closing_note ?? '' }
        : null,
    answeredAt: row.answered_at?.toISOString() ?? null,
    ...(events
      ? {
          history: events.map((e) => ({
            at: e.at.toISOString(),
            by: e.actor_name,
            action: e.action,
            detail: e.detail as Record<string, unknown>,
          })),
        }
      : {}),
  };
}
