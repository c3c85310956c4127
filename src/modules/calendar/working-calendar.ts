import type {
  Confidence,
  HolidayCategory,
  LawReference,
  LocalisedName,
  TransferStatus,
  YearRange,
} from './calendar.schema.js';
import {
  addDays,
  isWeekend,
  localDate,
  type LocalDate,
  type Weekday,
  weekdayOf,
  yearOf,
} from './local-date.js';

export interface HolidayDefinition {
  id: string;
  name: LocalisedName;
  category: HolidayCategory;
  movesIfOnWeekend: boolean;
  law: LawReference;
  /** Fixed dates (`MM-DD`) with the years each applied; empty for a movable holiday. */
  dates: { monthDay: string; years: YearRange[] }[];
  /** A holiday whose date per year comes from a table (Kurban Ait). */
  movable?: { table: string; years: YearRange[] };
  source: string;
  confidence: Confidence;
  note?: string;
}

export interface MovableHolidayDate {
  year: number;
  date: LocalDate;
  confidence: Confidence;
  estimated: boolean;
  note?: string;
}

export interface Decree {
  number: string;
  year: number;
  date?: LocalDate;
  issuer: string;
  title: string;
  adiletId?: string;
  url?: string;
}

export interface DayTransfer {
  workingDay: LocalDate;
  dayOff: LocalDate;
  decree: Decree;
}

export interface TransferYear {
  year: number;
  status: TransferStatus;
  decrees: Decree[];
  transfers: DayTransfer[];
  source: string;
  confidence: Confidence;
}

/** The calendar as loaded from catalog/calendar/: plain data, no behaviour. */
export interface CalendarData {
  holidays: HolidayDefinition[];
  /** table name (`kurban-ait`) → year → date */
  movableDates: ReadonlyMap<string, ReadonlyMap<number, MovableHolidayDate>>;
  transferYears: ReadonlyMap<number, TransferYear>;
}

export interface WorkingCalendar extends CalendarData {
  /** Memo of computed years; filled lazily, invisible to callers (the functions stay pure). */
  readonly computedYears: Map<number, CalendarYearTable>;
}

export interface HolidayRef {
  id: string;
  name: LocalisedName;
}

export type DayReason =
  | { kind: 'working-day' }
  | { kind: 'weekend' }
  | { kind: 'holiday'; holidays: HolidayRef[] }
  | { kind: 'observed-day-off'; holiday: HolidayRef; holidayDate: LocalDate }
  | { kind: 'transferred-day-off'; decree: Decree; workingDay: LocalDate }
  | {
      kind: 'working-by-transfer';
      decree: Decree;
      dayOff: LocalDate;
      /** What the day would have been without the decree. */
      replaces:
        { kind: 'weekend' } | { kind: 'observed-day-off'; holiday: HolidayRef; holidayDate: LocalDate };
    };

export interface DayStatus {
  date: LocalDate;
  weekday: Weekday;
  working: boolean;
  reason: DayReason;
  /** The day's year has no decree loaded (or an estimated movable holiday): it may change. */
  provisional: boolean;
}

/** Why a year's working days may still change, as data: the portal words it in each language. */
export type CalendarNote =
  | { kind: 'no-transfers-loaded'; year: number }
  | { kind: 'no-transfers-known'; year: number }
  | { kind: 'movable-date-missing'; year: number; holiday: HolidayRef }
  | { kind: 'movable-date-estimated'; year: number; holiday: HolidayRef; date: LocalDate };

/** A note in one English line, for logs, the CLI and the API. */
export function describeCalendarNote(note: CalendarNote): string {
  switch (note.kind) {
    case 'no-transfers-loaded':
      return `no transfer decree loaded for ${note.year}: the year is computed from the holidays alone`;
    case 'no-transfers-known':
      return `no transfer decree known for ${note.year}: computed from the holidays alone`;
    case 'movable-date-missing':
      return `${note.holiday.name.en}: no date loaded for ${note.year}, so it is counted as an ordinary day`;
    case 'movable-date-estimated':
      return `${note.holiday.name.en}: ${note.date} is an estimate, not yet announced`;
  }
}

export interface CalendarYearTable {
  year: number;
  provisional: boolean;
  notes: string[];
  noteItems: CalendarNote[];
  /** Only the days that differ from an ordinary weekday or weekend. */
  specialDays: Map<LocalDate, DayReason>;
}

export function createWorkingCalendar(data: CalendarData): WorkingCalendar {
  return { ...data, computedYears: new Map() };
}

function isInForce(years: readonly YearRange[], year: number): boolean {
  return years.some((range) => range.from <= year && (range.until === undefined || year <= range.until));
}

function holidayRef(holiday: HolidayDefinition): HolidayRef {
  return { id: holiday.id, name: holiday.name };
}

/** Every holiday date of `year`, with the holidays on it (two can coincide, e.g. Kurban Ait). */
export function holidayDatesOf(data: CalendarData, year: number): Map<LocalDate, HolidayDefinition[]> {
  const result = new Map<LocalDate, HolidayDefinition[]>();
  const add = (date: LocalDate, holiday: HolidayDefinition): void => {
    const list = result.get(date) ?? [];
    list.push(holiday);
    result.set(date, list);
  };
  for (const holiday of data.holidays) {
    for (const fixed of holiday.dates) {
      // 29 February is refused by the loader, so every fixed date exists in every year.
      if (isInForce(fixed.years, year)) add(localDate(`${year}-${fixed.monthDay}`), holiday);
    }
    if (holiday.movable && isInForce(holiday.movable.years, year)) {
      const movable = data.movableDates.get(holiday.movable.table)?.get(year);
      if (movable) add(movable.date, holiday);
    }
  }
  return result;
}

/**
 * Labour Code of 23.11.2015 No. 414-V, art. 85: a holiday that falls on a day off gives a day
 * off on the next working day; religious holidays (movesIfOnWeekend false) are excepted. The
 * next day skips weekends, other holidays and days already given, so consecutive holidays chain
 * (Nauryz 21–23 March on Sat–Mon gives Tuesday and Wednesday). Government transfers are applied
 * after this rule, never before.
 */
export function observedDaysOff(
  data: CalendarData,
  year: number,
): Map<LocalDate, { holiday: HolidayRef; holidayDate: LocalDate }> {
  const holidayDates = new Map<LocalDate, HolidayDefinition[]>();
  // The neighbouring years are included: a late-December holiday can give a day in January.
  for (const y of [year - 1, year, year + 1]) {
    for (const [date, holidays] of holidayDatesOf(data, y)) holidayDates.set(date, holidays);
  }
  const observed = new Map<LocalDate, { holiday: HolidayRef; holidayDate: LocalDate }>();
  const sortedDates = [...holidayDates.keys()].sort();
  for (const date of sortedDates) {
    const moving = (holidayDates.get(date) ?? []).find((holiday) => holiday.movesIfOnWeekend);
    if (!moving || !isWeekend(date)) continue;
    let candidate = addDays(date, 1);
    while (isWeekend(candidate) || holidayDates.has(candidate) || observed.has(candidate)) {
      candidate = addDays(candidate, 1);
    }
    observed.set(candidate, { holiday: holidayRef(moving), holidayDate: date });
  }
  for (const date of [...observed.keys()]) if (yearOf(date) !== year) observed.delete(date);
  return observed;
}

function computeYearTable(data: CalendarData, year: number): CalendarYearTable {
  const specialDays = new Map<LocalDate, DayReason>();
  for (const [date, holidays] of holidayDatesOf(data, year)) {
    specialDays.set(date, { kind: 'holiday', holidays: holidays.map(holidayRef) });
  }
  const observed = observedDaysOff(data, year);
  for (const [date, origin] of observed) specialDays.set(date, { kind: 'observed-day-off', ...origin });

  const noteItems: CalendarNote[] = [];
  let provisional = false;
  const transferYear = data.transferYears.get(year);
  if (!transferYear) {
    provisional = true;
    noteItems.push({ kind: 'no-transfers-loaded', year });
  } else if (transferYear.status === 'provisional') {
    provisional = true;
    noteItems.push({ kind: 'no-transfers-known', year });
  }
  for (const transfer of transferYear?.transfers ?? []) {
    // Labour Code art. 85 para 3: the Government transfers days off; the decree overrides the
    // weekend and the observed-day rule (11 May 2020 was an observed day made working).
    const before = specialDays.get(transfer.workingDay);
    const replaces =
      before?.kind === 'observed-day-off'
        ? { kind: 'observed-day-off' as const, holiday: before.holiday, holidayDate: before.holidayDate }
        : { kind: 'weekend' as const };
    specialDays.set(transfer.workingDay, {
      kind: 'working-by-transfer',
      decree: transfer.decree,
      dayOff: transfer.dayOff,
      replaces,
    });
    specialDays.set(transfer.dayOff, {
      kind: 'transferred-day-off',
      decree: transfer.decree,
      workingDay: transfer.workingDay,
    });
  }

  for (const holiday of data.holidays) {
    if (!holiday.movable || !isInForce(holiday.movable.years, year)) continue;
    const movable = data.movableDates.get(holiday.movable.table)?.get(year);
    if (!movable) {
      provisional = true;
      noteItems.push({ kind: 'movable-date-missing', year, holiday: holidayRef(holiday) });
    } else if (movable.estimated) {
      provisional = true;
      noteItems.push({
        kind: 'movable-date-estimated',
        year,
        holiday: holidayRef(holiday),
        date: movable.date,
      });
    }
  }
  return { year, provisional, notes: noteItems.map(describeCalendarNote), noteItems, specialDays };
}

export function calendarYearTable(calendar: WorkingCalendar, year: number): CalendarYearTable {
  let table = calendar.computedYears.get(year);
  if (!table) {
    table = computeYearTable(calendar, year);
    calendar.computedYears.set(year, table);
  }
  return table;
}

export function dayStatusOf(calendar: WorkingCalendar, date: LocalDate): DayStatus {
  const table = calendarYearTable(calendar, yearOf(date));
  const special = table.specialDays.get(date);
  const reason: DayReason = special ?? (isWeekend(date) ? { kind: 'weekend' } : { kind: 'working-day' });
  const working = reason.kind === 'working-day' || reason.kind === 'working-by-transfer';
  return { date, weekday: weekdayOf(date), working, reason, provisional: table.provisional };
}

function decreeLabel(decree: Decree): string {
  return `decree No. ${decree.number}${decree.date ? ` of ${decree.date}` : ` (${decree.year})`}`;
}

/** One English line for a day's reason, for logs, the CLI and tests. */
export function describeDayReason(status: DayStatus): string {
  const { reason } = status;
  switch (reason.kind) {
    case 'working-day':
      return 'working day';
    case 'weekend':
      return `weekend (${status.weekday})`;
    case 'holiday':
      return `holiday: ${reason.holidays.map((h) => h.name.en).join(', ')}`;
    case 'observed-day-off':
      return `observed day off for ${reason.holiday.name.en} (${reason.holidayDate})`;
    case 'transferred-day-off':
      return `day off transferred from ${reason.workingDay} by ${decreeLabel(reason.decree)}`;
    case 'working-by-transfer':
      return reason.replaces.kind === 'weekend'
        ? `working ${status.weekday === 'Sat' ? 'Saturday' : 'Sunday'} by ${decreeLabel(reason.decree)} (day off moved to ${reason.dayOff})`
        : `working day by ${decreeLabel(reason.decree)}: observed day off for ${reason.replaces.holiday.name.en} moved to ${reason.dayOff}`;
  }
}
