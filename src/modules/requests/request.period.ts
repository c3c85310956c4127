// The period of a request (Order 25, para 8): a year, month, quarter, half-year, or a range A..B,
// and the periods of a form that hold it. For a form cumulative from January, a period written
// in the form's own periodicity means January to its end (DESIGN, "Contracts"); any other span of a
// cumulative form that does not start in January is the difference of two cumulative tables.
import {
  addDays,
  formatPeriod,
  parsePeriod,
  periodContaining,
  periodEnd,
  periodsBetween,
  periodStart,
  CalendarInputError,
  describeInvalidLocalDate,
  type LocalDate,
  type Period,
  type Periodicity,
} from '../calendar/index.js';
import { invalidInput } from '../../platform/errors/index.js';

export interface RequestPeriod {
  text: string;
  /** the one period written, where the request names one (not a range, not dates) */
  single: Period | null;
  start: LocalDate;
  end: LocalDate;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** One end of a range: a period (its first or last day) or a date. */
function endAt(
  text: string,
  pointer: string,
  which: 'start' | 'end',
): { day: LocalDate; period: Period | null } {
  const trimmed = text.trim();
  if (DATE.test(trimmed)) {
    const problem = describeInvalidLocalDate(trimmed);
    if (problem)
      throw invalidInput(`period: ${problem}`, [{ pointer, code: 'invalid_date', message: problem }]);
    return { day: trimmed as LocalDate, period: null };
  }
  const period = parseAt(trimmed, pointer);
  return { day: which === 'start' ? periodStart(period) : periodEnd(period), period };
}

function parseAt(text: string, pointer: string): Period {
  try {
    return parsePeriod(text.trim());
  } catch (err) {
    if (err instanceof CalendarInputError)
      throw invalidInput(`period: ${err.message}`, [{ pointer, code: err.code, message: err.message }]);
    throw err;
  }
}

/**
 * Parses `2022`, `2022-03`, `2022-Q1`, `2022-H1`, or a range `A..B` of periods or dates
 * (`2022-01-01..2022-06-30`); a problem names /period.
 */
export function parseRequestPeriod(text: string, pointer = '/period'): RequestPeriod {
  const parts = text.split('..');
  if (parts.length > 2)
    throw invalidInput(`period: '${text}' has more than one '..'`, [
      { pointer, code: 'invalid_period', message: `'${text}' is not a period or a range A..B` },
    ]);
  const from = endAt(parts[0]!, pointer, 'start');
  const to = endAt(parts.length === 2 ? parts[1]! : parts[0]!, pointer, 'end');
  const start = from.day;
  const end = to.day;
  if (end < start) {
    const message = `the range '${text}' ends (${end}) before it starts (${start})`;
    throw invalidInput(`period: ${message}`, [{ pointer, code: 'invalid_range', message }]);
  }
  const single = parts.length === 1 ? from.period : null;
  return { text: text.trim(), single, start, end };
}

export interface FormPeriod {
  period: string;
  /** a span of a cumulative form that starts after January: this period minus `minus` */
  minus?: string;
}

/** The form's periods that hold the span; null when the form cannot give it (a finer span). */
export function formPeriodsFor(
  span: RequestPeriod,
  periodicity: Periodicity,
  cumulative: boolean,
): FormPeriod[] | null {
  const periods = periodsBetween(span.start, span.end, periodicity);
  if (periodStart(periods[0]!) !== span.start || periodEnd(periods.at(-1)!) !== span.end) return null;
  if (!cumulative) return periods.map((p) => ({ period: formatPeriod(p) }));
  // One period written in the form's own periodicity: January to its end, as published.
  if (span.single?.periodicity === periodicity) return [{ period: formatPeriod(span.single) }];
  const out: FormPeriod[] = [];
  for (let year = Number(span.start.slice(0, 4)); year <= Number(span.end.slice(0, 4)); year++) {
    const segStart = (year === Number(span.start.slice(0, 4)) ? span.start : `${year}-01-01`) as LocalDate;
    const segEnd = (year === Number(span.end.slice(0, 4)) ? span.end : `${year}-12-31`) as LocalDate;
    const last = formatPeriod(periodContaining(segEnd, periodicity));
    if (segStart.endsWith('-01-01')) out.push({ period: last });
    else
      out.push({ period: last, minus: formatPeriod(periodContaining(addDays(segStart, -1), periodicity)) });
  }
  return out;
}
