// The terms of a request on the working-day calendar: the term of consideration from the
// registration date, and the longest extension, by the rules in use on that date (Order 25, para
// 6: Law 221, arts. 7-8 until 30.06.2021; the Administrative Procedural-Process Code, art. 76,
// after; for state bodies, what the authority applies). A term of calendar days that ends on a
// non-working day ends on the next working day (para 13).
import { endOfTerm, monthsLater, termEnd, type LocalDate, type WorkingCalendar } from '../calendar/index.js';
import type { ApplicantKind, RequestTerm } from '../catalog/index.js';
import { RequestRulesMissing } from './request.decide.js';
import type { RequestRules } from './request.rules.js';

export interface TermOf {
  id: string;
  clause: string;
  legalBasis?: { act: string; article: string };
  basis: 'act' | 'inferred';
  /** "15 working days", "2 months" */
  length: { days?: number; months?: number; dayKind: 'calendar' | 'working' };
  due: string;
}

export function termFor(
  rules: RequestRules,
  kind: ApplicantKind,
  termKind: RequestTerm['termKind'],
): RequestTerm | undefined {
  // The plain term of consideration (the longer ones, with other bodies, are chosen by staff).
  return rules.terms.find(
    (t) =>
      t.termKind === termKind &&
      t.requesters.includes(kind) &&
      !(termKind === 'consideration' && t.id.endsWith('with-other-bodies')),
  );
}

/** The day a term of `term` that starts with an event on `from` ends. */
export function endOf(calendar: WorkingCalendar, from: LocalDate, term: RequestTerm): LocalDate {
  if (term.months !== undefined) {
    return endOfTerm(calendar, monthsLater(from, term.months));
  }
  if (term.days === undefined)
    throw new RequestRulesMissing(`the term "${term.id}" has neither days nor months`);
  return termEnd(calendar, from, {
    count: term.days,
    unit: term.dayKind === 'working' ? 'working-days' : 'calendar-days',
  }).due;
}

function describe(term: RequestTerm, due: LocalDate): TermOf {
  return {
    id: term.id,
    clause: term.clause,
    ...(term.legalBasis ? { legalBasis: term.legalBasis } : {}),
    basis: term.basis ?? 'act',
    length: {
      ...(term.days !== undefined ? { days: term.days } : {}),
      ...(term.months !== undefined ? { months: term.months } : {}),
      dayKind: term.dayKind,
    },
    due,
  };
}

/** The term of consideration of a request registered on `on`, for its applicant. */
export function considerationTerm(
  rules: RequestRules,
  calendar: WorkingCalendar,
  kind: ApplicantKind,
  on: LocalDate,
): TermOf {
  const term = termFor(rules, kind, 'consideration');
  if (!term) throw new RequestRulesMissing(`no term of consideration for ${kind} is in use on ${on}`);
  return describe(term, endOf(calendar, on, term));
}

/** How far a term may be extended: the longest extension from the registration date. */
export function latestExtension(
  rules: RequestRules,
  calendar: WorkingCalendar,
  kind: ApplicantKind,
  on: LocalDate,
): TermOf | null {
  const term = termFor(rules, kind, 'extension');
  if (!term) return null;
  const base = termFor(rules, kind, 'consideration');
  // Law 221 art. 8(3): up to 30 more days after the term; the Code: up to two months in all.
  const from = term.months !== undefined || !base ? on : (endOf(calendar, on, base) as LocalDate);
  return describe(term, endOf(calendar, from, term));
}

/** When the applicant must be told of an extension decided on `on`. */
export function extensionNoticeDue(
  rules: RequestRules,
  calendar: WorkingCalendar,
  kind: ApplicantKind,
  on: LocalDate,
): string | null {
  const term = termFor(rules, kind, 'extension-notice');
  return term ? endOf(calendar, on, term) : null;
}
