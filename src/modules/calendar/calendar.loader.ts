import type { TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { parseDocument } from 'yaml';
import type { CalendarFileProblem } from './calendar.errors.js';
import {
  HolidaysFileSchema,
  type HolidaysFile,
  KurbanAitFileSchema,
  type KurbanAitFile,
  TransfersFileSchema,
  type TransfersFile,
  type YearRange,
} from './calendar.schema.js';
import { describeInvalidLocalDate, isWeekend, type LocalDate, yearOf } from './local-date.js';
import {
  type CalendarData,
  createWorkingCalendar,
  type Decree,
  type HolidayDefinition,
  type MovableHolidayDate,
  observedDaysOff,
  holidayDatesOf,
  type TransferYear,
  type WorkingCalendar,
} from './working-calendar.js';

/** One file of catalog/calendar/, its path relative to that folder (`transfers/2020.yaml`). */
export interface CalendarSourceFile {
  path: string;
  text: string;
}

export type CalendarLoadResult =
  { ok: true; calendar: WorkingCalendar } | { ok: false; problems: CalendarFileProblem[] };

const HOLIDAYS_FILE = 'holidays.yaml';
const KURBAN_AIT_FILE = 'kurban-ait.yaml';
const TRANSFERS_FILE = /^transfers\/(\d{4})\.yaml$/;

class ProblemList {
  readonly problems: CalendarFileProblem[] = [];
  constructor(private readonly label: (path: string) => string) {}
  add(path: string, pointer: string, message: string): void {
    this.problems.push({ file: this.label(path), pointer, message });
  }
}

function describeSchemaError(error: {
  path: string;
  message: string;
  schema: TSchema;
  value: unknown;
}): string {
  const schema = error.schema as { anyOf?: { const?: unknown }[]; pattern?: string; description?: string };
  if (schema.anyOf?.every((option) => option.const !== undefined)) {
    return `must be one of ${schema.anyOf.map((option) => JSON.stringify(option.const)).join(', ')}, got ${JSON.stringify(error.value)}`;
  }
  if (error.message === 'Unexpected property') return 'unknown key';
  if (error.message === 'Expected required property') return 'required key is missing';
  if (schema.pattern && typeof error.value === 'string') {
    return `${JSON.stringify(error.value)} does not match ${schema.description ?? schema.pattern}`;
  }
  const message = error.message.charAt(0).toLowerCase() + error.message.slice(1);
  return `${message}, got ${JSON.stringify(error.value)}`;
}

/** Parses YAML and checks it against `schema`, recording every problem; undefined if any. */
function parseFile<T>(file: CalendarSourceFile, schema: TSchema, problems: ProblemList): T | undefined {
  const document = parseDocument(file.text);
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      // The first line of the message names the problem and its line and column.
      problems.add(file.path, '', `YAML: ${(error.message.split('\n')[0] ?? '').replace(/:$/, '')}`);
    }
    return undefined;
  }
  const value: unknown = document.toJS();
  let valid = true;
  const missing = new Set<string>();
  for (const error of Value.Errors(schema, value)) {
    valid = false;
    // A missing key is reported once, not again as a value of the wrong type.
    if (missing.has(error.path)) continue;
    if (error.message === 'Expected required property') missing.add(error.path);
    problems.add(file.path, error.path, describeSchemaError(error));
  }
  return valid ? (value as T) : undefined;
}

function checkDate(
  text: string,
  path: string,
  pointer: string,
  problems: ProblemList,
): LocalDate | undefined {
  const problem = describeInvalidLocalDate(text);
  if (problem) {
    problems.add(path, pointer, problem);
    return undefined;
  }
  return text as LocalDate;
}

function checkYearRanges(
  ranges: readonly YearRange[],
  path: string,
  pointer: string,
  problems: ProblemList,
): void {
  ranges.forEach((range, index) => {
    if (range.until !== undefined && range.until < range.from) {
      problems.add(path, `${pointer}/${index}`, `'until' ${range.until} is before 'from' ${range.from}`);
    }
  });
  const sorted = [...ranges].sort((a, b) => a.from - b.from);
  for (let i = 1; i < sorted.length; i += 1) {
    const previous = sorted[i - 1] as YearRange;
    const current = sorted[i] as YearRange;
    if (previous.until === undefined || previous.until >= current.from) {
      problems.add(path, pointer, `year ranges overlap: from ${previous.from} and from ${current.from}`);
    }
  }
}

function readHolidays(file: HolidaysFile, path: string, problems: ProblemList): HolidayDefinition[] {
  const seen = new Set<string>();
  return file.holidays.map((entry, index) => {
    const pointer = `/holidays/${index}`;
    if (seen.has(entry.id)) problems.add(path, `${pointer}/id`, `duplicate holiday id '${entry.id}'`);
    seen.add(entry.id);
    if ((entry.dates === undefined) === (entry.movable === undefined)) {
      problems.add(path, pointer, "a holiday has either 'dates' (fixed) or 'movable', exactly one of them");
    }
    // Labour Code art. 85: religious holidays are the exception to the weekend rule.
    if (entry.category === 'religious' && entry.movesIfOnWeekend) {
      problems.add(path, `${pointer}/movesIfOnWeekend`, 'a religious holiday never moves to a working day');
    }
    const monthDays = new Set<string>();
    (entry.dates ?? []).forEach((date, dateIndex) => {
      const datePointer = `${pointer}/dates/${dateIndex}`;
      if (monthDays.has(date.monthDay))
        problems.add(path, `${datePointer}/monthDay`, `${date.monthDay} is listed twice`);
      monthDays.add(date.monthDay);
      // 2001 is not a leap year: 02-29 and the non-existent days (04-31) are refused here.
      const problem = describeInvalidLocalDate(`2001-${date.monthDay}`);
      if (problem)
        problems.add(path, `${datePointer}/monthDay`, `${date.monthDay} is not a date of every year`);
      checkYearRanges(date.years, path, `${datePointer}/years`, problems);
    });
    if (entry.movable) checkYearRanges(entry.movable.years, path, `${pointer}/movable/years`, problems);
    return { ...entry, dates: entry.dates ?? [] };
  });
}

function readMovableDates(
  file: KurbanAitFile,
  path: string,
  problems: ProblemList,
): Map<number, MovableHolidayDate> {
  const byYear = new Map<number, MovableHolidayDate>();
  file.dates.forEach((entry, index) => {
    const pointer = `/dates/${index}`;
    const date = checkDate(entry.date, path, `${pointer}/date`, problems);
    if (byYear.has(entry.year)) problems.add(path, `${pointer}/year`, `year ${entry.year} is listed twice`);
    if (!date) return;
    if (yearOf(date) !== entry.year)
      problems.add(path, `${pointer}/date`, `${date} is not in year ${entry.year}`);
    byYear.set(entry.year, {
      year: entry.year,
      date,
      confidence: entry.confidence,
      estimated: entry.estimated ?? false,
      ...(entry.note !== undefined ? { note: entry.note } : {}),
    });
  });
  return byYear;
}

function readTransferYear(
  file: TransfersFile,
  path: string,
  fileYear: number,
  problems: ProblemList,
): TransferYear | undefined {
  if (file.year !== fileYear)
    problems.add(path, '/year', `year ${file.year} does not match the file name ${fileYear}.yaml`);
  if (file.status === 'provisional' && (file.transfers.length > 0 || file.decrees.length > 0)) {
    problems.add(path, '/status', "a 'provisional' year has no decree and no transfers; write 'decreed'");
  }
  if (file.status === 'decreed' && file.decrees.length === 0) {
    problems.add(path, '/decrees', "a 'decreed' year names at least one decree");
  }
  const decrees = new Map<string, Decree>();
  file.decrees.forEach((entry, index) => {
    if (decrees.has(entry.number))
      problems.add(path, `/decrees/${index}/number`, `decree ${entry.number} is listed twice`);
    const { date: dateText, ...rest } = entry;
    const date =
      dateText === undefined ? undefined : checkDate(dateText, path, `/decrees/${index}/date`, problems);
    decrees.set(entry.number, { ...rest, ...(date ? { date } : {}) });
  });
  const usedDates = new Set<LocalDate>();
  const transfers = file.transfers.flatMap((entry, index) => {
    const pointer = `/transfers/${index}`;
    const decree = decrees.get(entry.decree);
    if (!decree)
      problems.add(path, `${pointer}/decree`, `decree '${entry.decree}' is not listed in /decrees`);
    const days = (['workingDay', 'dayOff'] as const).map((key) => {
      const date = checkDate(entry[key], path, `${pointer}/${key}`, problems);
      if (date && yearOf(date) !== file.year)
        problems.add(path, `${pointer}/${key}`, `${date} is not in ${file.year}`);
      if (date && usedDates.has(date)) problems.add(path, `${pointer}/${key}`, `${date} is in two transfers`);
      if (date) usedDates.add(date);
      return date;
    });
    const [workingDay, dayOff] = days;
    return workingDay && dayOff && decree ? [{ workingDay, dayOff, decree }] : [];
  });
  return {
    year: file.year,
    status: file.status,
    decrees: [...decrees.values()],
    transfers,
    source: file.source,
    confidence: file.confidence,
  };
}

/**
 * A transfer swaps a non-working day for a working one (Labour Code art. 85 para 3): the day
 * made working must be a weekend or an observed day off, the new day off an ordinary weekday.
 */
function checkTransfersAgainstHolidays(
  data: CalendarData,
  paths: Map<number, string>,
  problems: ProblemList,
): void {
  for (const [year, transferYear] of data.transferYears) {
    const path = paths.get(year) ?? `transfers/${year}.yaml`;
    const holidays = holidayDatesOf(data, year);
    const observed = observedDaysOff(data, year);
    transferYear.transfers.forEach((transfer, index) => {
      const { workingDay, dayOff } = transfer;
      if (holidays.has(workingDay)) {
        problems.add(
          path,
          `/transfers/${index}/workingDay`,
          `${workingDay} is a holiday and cannot be made working`,
        );
      } else if (!isWeekend(workingDay) && !observed.has(workingDay)) {
        problems.add(path, `/transfers/${index}/workingDay`, `${workingDay} is already a working day`);
      }
      if (isWeekend(dayOff) || holidays.has(dayOff) || observed.has(dayOff)) {
        problems.add(path, `/transfers/${index}/dayOff`, `${dayOff} is already a day off`);
      }
    });
  }
}

/**
 * Builds the working calendar from the files of catalog/calendar/ — pure: the caller reads the
 * files. Every problem in every file is reported with its file and JSON pointer.
 */
export function buildCalendarFromFiles(
  files: readonly CalendarSourceFile[],
  label: (path: string) => string = (path) => path,
): CalendarLoadResult {
  const problems = new ProblemList(label);
  const byPath = new Map(files.map((file) => [file.path, file]));
  for (const file of files) {
    if (file.path !== HOLIDAYS_FILE && file.path !== KURBAN_AIT_FILE && !TRANSFERS_FILE.test(file.path)) {
      problems.add(
        file.path,
        '',
        `unexpected file: expected ${HOLIDAYS_FILE}, ${KURBAN_AIT_FILE} or transfers/<year>.yaml`,
      );
    }
  }
  let holidays: HolidayDefinition[] = [];
  let holidaysRead = false;
  const holidaysFile = byPath.get(HOLIDAYS_FILE);
  if (!holidaysFile) problems.add(HOLIDAYS_FILE, '', 'file is missing');
  else {
    const parsed = parseFile<HolidaysFile>(holidaysFile, HolidaysFileSchema, problems);
    if (parsed) holidays = readHolidays(parsed, HOLIDAYS_FILE, problems);
    holidaysRead = parsed !== undefined;
  }
  const movableDates = new Map<string, Map<number, MovableHolidayDate>>();
  const kurbanAitFile = byPath.get(KURBAN_AIT_FILE);
  if (!kurbanAitFile) problems.add(KURBAN_AIT_FILE, '', 'file is missing');
  else {
    const parsed = parseFile<KurbanAitFile>(kurbanAitFile, KurbanAitFileSchema, problems);
    if (parsed) {
      movableDates.set(parsed.holiday, readMovableDates(parsed, KURBAN_AIT_FILE, problems));
      // The table must belong to a movable holiday of holidays.yaml, and only to one.
      const owners = holidays.filter((holiday) => holiday.movable?.table === parsed.holiday);
      if (holidaysRead && owners.length !== 1) {
        problems.add(
          KURBAN_AIT_FILE,
          '/holiday',
          `'${parsed.holiday}' must be the movable table of exactly one holiday, found ${owners.length}`,
        );
      }
    }
  }
  const transferYears = new Map<number, TransferYear>();
  const transferPaths = new Map<number, string>();
  for (const file of files) {
    const match = TRANSFERS_FILE.exec(file.path);
    if (!match) continue;
    const parsed = parseFile<TransfersFile>(file, TransfersFileSchema, problems);
    const transferYear = parsed && readTransferYear(parsed, file.path, Number(match[1]), problems);
    if (transferYear && !transferYears.has(transferYear.year)) {
      transferYears.set(transferYear.year, transferYear);
      transferPaths.set(transferYear.year, file.path);
    }
  }
  const data: CalendarData = { holidays, movableDates, transferYears };
  // Checked against the holidays only when both holiday files could be read, to avoid noise.
  if (holidaysRead && movableDates.size > 0) checkTransfersAgainstHolidays(data, transferPaths, problems);
  if (problems.problems.length > 0) return { ok: false, problems: problems.problems };
  return { ok: true, calendar: createWorkingCalendar(data) };
}
