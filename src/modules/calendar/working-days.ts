import { CalendarInputError } from './calendar.errors.js';
import { addDays, localDateOf, type LocalDate } from './local-date.js';
import {
  calendarYearTable,
  type CalendarNote,
  type DayStatus,
  dayStatusOf,
  describeDayReason,
  type WorkingCalendar,
} from './working-calendar.js';

/** No stretch of non-working days in Kazakhstan comes near this; a longer one means bad data. */
const MAX_NON_WORKING_RUN = 60;

/** Whether `date` is a working day of the five-day week, and why. */
export function isWorkingDay(calendar: WorkingCalendar, date: LocalDate): DayStatus {
  return dayStatusOf(calendar, date);
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(calendar: WorkingCalendar, date: LocalDate): LocalDate {
  let candidate = addDays(date, 1);
  for (let step = 0; step < MAX_NON_WORKING_RUN; step += 1) {
    if (dayStatusOf(calendar, candidate).working) return candidate;
    candidate = addDays(candidate, 1);
  }
  throw new CalendarInputError(
    'calendar_exhausted',
    `no working day within ${MAX_NON_WORKING_RUN} days after ${date}: the calendar data is wrong`,
  );
}

/** The last working day strictly before `date`. */
export function previousWorkingDay(calendar: WorkingCalendar, date: LocalDate): LocalDate {
  let candidate = addDays(date, -1);
  for (let step = 0; step < MAX_NON_WORKING_RUN; step += 1) {
    if (dayStatusOf(calendar, candidate).working) return candidate;
    candidate = addDays(candidate, -1);
  }
  throw new CalendarInputError(
    'calendar_exhausted',
    `no working day within ${MAX_NON_WORKING_RUN} days before ${date}: the calendar data is wrong`,
  );
}

function requireInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new CalendarInputError('invalid_term', `${what} must be a whole number, got ${value}`);
  }
}

export function addCalendarDays(date: LocalDate, days: number): LocalDate {
  requireInteger(days, 'the number of calendar days');
  return addDays(date, days);
}

/**
 * Moves `days` working days from `date` (forward when positive, backward when negative); `date`
 * itself is not counted, so adding 1 to a Friday gives the next working Monday. Zero returns
 * `date` unchanged, working or not.
 */
export function addWorkingDays(calendar: WorkingCalendar, date: LocalDate, days: number): LocalDate {
  requireInteger(days, 'the number of working days');
  let result = date;
  for (let counted = 0; counted < Math.abs(days); counted += 1) {
    result = days > 0 ? nextWorkingDay(calendar, result) : previousWorkingDay(calendar, result);
  }
  return result;
}

/**
 * Order 25 of 15.04.2019, para 13, second paragraph: "if the end of a term falls on a
 * non-working day (a day off or a holiday), the last day of the term is the next working day
 * after it". A term ending on a working day ends that day.
 */
export function endOfTerm(calendar: WorkingCalendar, date: LocalDate): LocalDate {
  return dayStatusOf(calendar, date).working ? date : nextWorkingDay(calendar, date);
}

export interface CalendarYearDay extends DayStatus {
  /** The reason in one English line (`holiday: Nauryz`, `working Saturday by decree No. 888 (2018)`). */
  description: string;
}

export interface CalendarYear {
  year: number;
  /** No decree loaded for the year (or a movable holiday's date is estimated): it may change. */
  provisional: boolean;
  notes: string[];
  /** The notes as data, for words in each language. */
  noteItems: CalendarNote[];
  workingDays: number;
  nonWorkingDays: number;
  days: CalendarYearDay[];
}

/** Every date of `year` with whether it is working and why. */
export function calendarYear(calendar: WorkingCalendar, year: number): CalendarYear {
  requireInteger(year, 'the year');
  if (year < 1900 || year > 2200) {
    throw new CalendarInputError('invalid_date', `year ${year} is outside 1900–2200`);
  }
  const table = calendarYearTable(calendar, year);
  const days: CalendarYearDay[] = [];
  const lastDay = localDateOf(year, 12, 31);
  for (let date = localDateOf(year, 1, 1); date <= lastDay; date = addDays(date, 1)) {
    const status = dayStatusOf(calendar, date);
    days.push({ ...status, description: describeDayReason(status) });
  }
  const workingDays = days.filter((day) => day.working).length;
  return {
    year,
    provisional: table.provisional,
    notes: [...table.notes],
    noteItems: [...table.noteItems],
    workingDays,
    nonWorkingDays: days.length - workingDays,
    days,
  };
}
