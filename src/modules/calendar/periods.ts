import { CalendarInputError } from './calendar.errors.js';
import { addDays, lastDayOfMonth, type LocalDate, localDateOf, yearMonthDayOf } from './local-date.js';

// Reporting periods as the API writes them (DESIGN.md, "Contracts"): `2024-03` a month,
// `2024-Q1` a quarter, `2024-H1` a half-year, `2024` a year. For a form cumulative from January,
// `2024-03` means January to March; that reading belongs to the statistics module, here a period
// is only its own span of dates.

export type Periodicity = 'monthly' | 'quarterly' | 'half-yearly' | 'yearly';

export const PERIODICITIES: readonly Periodicity[] = ['monthly', 'quarterly', 'half-yearly', 'yearly'];

export type Period =
  | { periodicity: 'monthly'; year: number; month: number }
  | { periodicity: 'quarterly'; year: number; quarter: number }
  | { periodicity: 'half-yearly'; year: number; half: number }
  | { periodicity: 'yearly'; year: number };

const PERIOD_PATTERN = /^(\d{4})(?:-(?:(\d{2})|Q(\d+)|H(\d+)))?$/;
const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

function invalidPeriod(message: string): CalendarInputError {
  return new CalendarInputError('invalid_period', message);
}

/** Parses `2024-03`, `2024-Q1`, `2024-H1` or `2024`; throws `invalid_period` naming the problem. */
export function parsePeriod(text: string): Period {
  const match = PERIOD_PATTERN.exec(text);
  if (!match) {
    throw invalidPeriod(
      `'${text}' is not a period: write YYYY-MM (month), YYYY-Qn (quarter), YYYY-Hn (half-year) or YYYY`,
    );
  }
  const year = Number(match[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw invalidPeriod(`year ${year} in '${text}' is outside ${MIN_YEAR}–${MAX_YEAR}`);
  }
  const [, , month, quarter, half] = match;
  if (month !== undefined) {
    const value = Number(month);
    if (value < 1 || value > 12) throw invalidPeriod(`month ${month} in '${text}' is not between 01 and 12`);
    return { periodicity: 'monthly', year, month: value };
  }
  if (quarter !== undefined) {
    const value = Number(quarter);
    if (quarter.length !== 1 || value < 1 || value > 4) {
      throw invalidPeriod(`quarter ${quarter} in '${text}' is not between 1 and 4`);
    }
    return { periodicity: 'quarterly', year, quarter: value };
  }
  if (half !== undefined) {
    const value = Number(half);
    if (half.length !== 1 || value < 1 || value > 2) {
      throw invalidPeriod(`half-year ${half} in '${text}' is not 1 or 2`);
    }
    return { periodicity: 'half-yearly', year, half: value };
  }
  return { periodicity: 'yearly', year };
}

export function formatPeriod(period: Period): string {
  switch (period.periodicity) {
    case 'monthly':
      return `${period.year}-${String(period.month).padStart(2, '0')}`;
    case 'quarterly':
      return `${period.year}-Q${period.quarter}`;
    case 'half-yearly':
      return `${period.year}-H${period.half}`;
    case 'yearly':
      return String(period.year);
  }
}

/** Months of the year in one period of this periodicity. */
function monthsPerPeriod(periodicity: Periodicity): number {
  return { monthly: 1, quarterly: 3, 'half-yearly': 6, yearly: 12 }[periodicity];
}

/** The period's position within its year, counted from 1. */
function indexInYear(period: Period): number {
  switch (period.periodicity) {
    case 'monthly':
      return period.month;
    case 'quarterly':
      return period.quarter;
    case 'half-yearly':
      return period.half;
    case 'yearly':
      return 1;
  }
}

function periodOf(periodicity: Periodicity, year: number, index: number): Period {
  switch (periodicity) {
    case 'monthly':
      return { periodicity, year, month: index };
    case 'quarterly':
      return { periodicity, year, quarter: index };
    case 'half-yearly':
      return { periodicity, year, half: index };
    case 'yearly':
      return { periodicity, year };
  }
}

export function periodStart(period: Period): LocalDate {
  const firstMonth = (indexInYear(period) - 1) * monthsPerPeriod(period.periodicity) + 1;
  return localDateOf(period.year, firstMonth, 1);
}

/** The last day of the period (31 March for `2024-Q1`). */
export function periodEnd(period: Period): LocalDate {
  const lastMonth = indexInYear(period) * monthsPerPeriod(period.periodicity);
  return lastDayOfMonth(period.year, lastMonth);
}

export function periodContaining(date: LocalDate, periodicity: Periodicity): Period {
  const { year, month } = yearMonthDayOf(date);
  return periodOf(periodicity, year, Math.floor((month - 1) / monthsPerPeriod(periodicity)) + 1);
}

export function nextPeriod(period: Period): Period {
  return periodContaining(addDays(periodEnd(period), 1), period.periodicity);
}

/** Every period of `periodicity` that has at least one day in `from`..`to` (inclusive), in order. */
export function periodsBetween(from: LocalDate, to: LocalDate, periodicity: Periodicity): Period[] {
  if (from > to) throw new CalendarInputError('invalid_range', `'from' ${from} is after 'to' ${to}`);
  const periods: Period[] = [];
  for (
    let period = periodContaining(from, periodicity);
    periodStart(period) <= to;
    period = nextPeriod(period)
  ) {
    periods.push(period);
  }
  return periods;
}
