// The calendar module's public surface: Kazakhstan's working days and the deadlines of the
// acts, as pure functions over the data in catalog/calendar/. See docs/calendar.md.

export { CalendarInputError, CalendarLoadError } from './calendar.errors.js';
export type { CalendarFileProblem, CalendarInputErrorCode } from './calendar.errors.js';
export {
  DayTransferSchema,
  DecreeSchema,
  HolidaySchema,
  HolidaysFileSchema,
  KurbanAitFileSchema,
  TransfersFileSchema,
} from './calendar.schema.js';
export type {
  Confidence,
  HolidayCategory,
  LocalisedName,
  TransferStatus,
  YearRange,
} from './calendar.schema.js';
export { buildCalendarFromFiles } from './calendar.loader.js';
export type { CalendarLoadResult, CalendarSourceFile } from './calendar.loader.js';
export { loadCalendarDirectory, readCalendarFiles } from './calendar.files.js';
export {
  addDays,
  compareLocalDates,
  describeInvalidLocalDate,
  isWeekend,
  localDate,
  localDateOf,
  monthsLater,
  weekdayOf,
} from './local-date.js';
export type { LocalDate, Weekday } from './local-date.js';
export { createWorkingCalendar, describeCalendarNote, describeDayReason } from './working-calendar.js';
export type {
  CalendarData,
  CalendarNote,
  DayReason,
  DayStatus,
  DayTransfer,
  Decree,
  HolidayDefinition,
  HolidayRef,
  MovableHolidayDate,
  TransferYear,
  WorkingCalendar,
} from './working-calendar.js';
export {
  addCalendarDays,
  addWorkingDays,
  calendarYear,
  endOfTerm,
  isWorkingDay,
  nextWorkingDay,
  previousWorkingDay,
} from './working-days.js';
export type { CalendarYear, CalendarYearDay } from './working-days.js';
export {
  formatPeriod,
  nextPeriod,
  parsePeriod,
  PERIODICITIES,
  periodContaining,
  periodEnd,
  periodsBetween,
  periodStart,
} from './periods.js';
export type { Period, Periodicity } from './periods.js';
export { dueDate, termEnd } from './due-dates.js';
export type { DayCountTerm, DueDate, MonthlyDeadlineRule } from './due-dates.js';
