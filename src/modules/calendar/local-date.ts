import { CalendarInputError } from './calendar.errors.js';

/**
 * A civil date of Kazakhstan (Asia/Almaty) written `YYYY-MM-DD`. The acts count terms in whole
 * local days, so a date never carries a time or a zone: arithmetic is done on day numbers
 * (days since 1970-01-01 in the proleptic Gregorian calendar), never through JS `Date`.
 */
export type LocalDate = string & { readonly __brand: 'LocalDate' };

export type Weekday = 'Mon' | 'Tue' | 'Wed' | 'Thu' | 'Fri' | 'Sat' | 'Sun';

const WEEKDAYS: readonly Weekday[] = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Explains why `text` is not a real `YYYY-MM-DD` date, or returns undefined when it is one. */
export function describeInvalidLocalDate(text: string): string | undefined {
  const match = LOCAL_DATE_PATTERN.exec(text);
  if (!match) return `'${text}' is not a date in the form YYYY-MM-DD`;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1900 || year > 2200) return `year ${year} in '${text}' is outside 1900–2200`;
  if (month < 1 || month > 12) return `month ${match[2]} in '${text}' is not between 01 and 12`;
  const lastDay = daysInMonth(year, month);
  if (day < 1 || day > lastDay) {
    return `day ${match[3]} in '${text}' does not exist: ${year}-${match[2]} has ${lastDay} days`;
  }
  return undefined;
}

/** Checks and brands a `YYYY-MM-DD` string; throws `invalid_date` naming the problem. */
export function localDate(text: string): LocalDate {
  const problem = describeInvalidLocalDate(text);
  if (problem !== undefined) throw new CalendarInputError('invalid_date', problem);
  return text as LocalDate;
}

export function localDateOf(year: number, month: number, day: number): LocalDate {
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return localDate(text);
}

/**
 * The day `day` (by default the same day of the month as `from`) of the month `months` after
 * `from`'s month, or that month's last day where it is shorter ("2 months" from 31 December
 * ends on the last day of February).
 */
export function monthsLater(from: LocalDate, months: number, day = yearMonthDayOf(from).day): LocalDate {
  const { year, month } = yearMonthDayOf(from);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return localDateOf(y, m, Math.min(day, daysInMonth(y, m)));
}

export function yearMonthDayOf(date: LocalDate): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

export function yearOf(date: LocalDate): number {
  return Number(date.slice(0, 4));
}

// Days-from-civil and civil-from-days after H. Hinnant's public-domain algorithms: exact for
// every Gregorian date and free of time zones.
export function dayNumberOf(date: LocalDate): number {
  const { year, month, day } = yearMonthDayOf(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function localDateFromDayNumber(dayNumber: number): LocalDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return localDateOf(year, month, day);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return localDateFromDayNumber(dayNumberOf(date) + days);
}

/** 1970-01-01 was a Thursday. */
export function weekdayOf(date: LocalDate): Weekday {
  const index = (((dayNumberOf(date) + 3) % 7) + 7) % 7;
  return WEEKDAYS[index] as Weekday;
}

/** Saturday and Sunday: the weekly rest days of the five-day working week that state bodies work. */
export function isWeekend(date: LocalDate): boolean {
  const weekday = weekdayOf(date);
  return weekday === 'Sat' || weekday === 'Sun';
}

export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function lastDayOfMonth(year: number, month: number): LocalDate {
  return localDateOf(year, month, daysInMonth(year, month));
}
