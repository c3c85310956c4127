import { CalendarInputError } from './calendar.errors.js';
import { addDays, type LocalDate, monthsLater } from './local-date.js';
import { type Period, periodEnd } from './periods.js';
import { dayStatusOf, type DayStatus, type WorkingCalendar } from './working-calendar.js';
import { addWorkingDays, endOfTerm } from './working-days.js';

/**
 * "Day D of the month after the reporting period" — the deadline form of Order 25 para 12–13
 * (collections: the 14th) and Appendix 2 to para 14 (each report's placement day: "есепті
 * мерзімнен кейінгі айдың N күніне"), and of Order 84 (open data: the 20th).
 */
export interface MonthlyDeadlineRule {
  /** Day of the month, 1–31; a day past the month's end means its last day. */
  dueDay: number;
  /** Months after the month in which the period ends; the acts say "the following month" (1). */
  monthsAfterPeriodEnd?: number;
}

export interface DueDate {
  /** The day the act names, before the non-working-day rule. */
  nominal: LocalDate;
  /** The deadline: `nominal`, or the next working day when `nominal` is not a working day. */
  due: LocalDate;
  rolled: boolean;
  /** Why the nominal day is (not) a working day. */
  nominalStatus: DayStatus;
  /** The due date's year has no decree loaded: the date may still move. */
  provisional: boolean;
}

function checkWholeNumber(value: number, what: string, min: number, max: number): void {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new CalendarInputError(
      'invalid_term',
      `${what} must be a whole number from ${min} to ${max}, got ${value}`,
    );
  }
}

function rollToWorkingDay(calendar: WorkingCalendar, nominal: LocalDate): DueDate {
  // Order 25, para 13: a term that ends on a non-working day (a day off or a holiday) ends on
  // the next working day after it.
  const due = endOfTerm(calendar, nominal);
  const nominalStatus = dayStatusOf(calendar, nominal);
  return {
    nominal,
    due,
    rolled: due !== nominal,
    nominalStatus,
    provisional: dayStatusOf(calendar, due).provisional,
  };
}

/** The deadline of an obligation for `period` under a "day D of the next month" rule. */
export function dueDate(calendar: WorkingCalendar, rule: MonthlyDeadlineRule, period: Period): DueDate {
  checkWholeNumber(rule.dueDay, 'the due day', 1, 31);
  const monthsAfter = rule.monthsAfterPeriodEnd ?? 1;
  checkWholeNumber(monthsAfter, 'the months after the period', 0, 12);
  const nominal = monthsLater(periodEnd(period), monthsAfter, rule.dueDay);
  return rollToWorkingDay(calendar, nominal);
}

/**
 * A term counted in days from an event (a request's registration): N calendar days, or N
 * working days. Counting starts on the day after the event.
 */
export interface DayCountTerm {
  count: number;
  unit: 'calendar-days' | 'working-days';
}

/**
 * The last day of a term that starts with the event on `from`. Calendar days: `from` + N,
 * moved to the next working day if it is not one (Order 25, para 13; the same rule as the
 * general law on terms). Working days: the N-th working day after `from` (Administrative
 * Procedural Code of 2020, art. 76 counts appeals' terms in working days), always a working day.
 */
export function termEnd(calendar: WorkingCalendar, from: LocalDate, term: DayCountTerm): DueDate {
  checkWholeNumber(term.count, 'the term', 1, 3660);
  if (term.unit === 'calendar-days') return rollToWorkingDay(calendar, addDays(from, term.count));
  const due = addWorkingDays(calendar, from, term.count);
  return {
    nominal: due,
    due,
    rolled: false,
    nominalStatus: dayStatusOf(calendar, due),
    provisional: dayStatusOf(calendar, due).provisional,
  };
}
