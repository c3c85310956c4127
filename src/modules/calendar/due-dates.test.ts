import { describe, expect, it } from 'vitest';
import { dueDate, termEnd } from './due-dates.js';
import { APPENDIX_2_FORMS } from './fixtures/appendix-2-forms.js';
import { loadCatalogCalendar } from './fixtures/load-catalog-calendar.js';
import { addDays, localDate } from './local-date.js';
import { formatPeriod, parsePeriod, type Periodicity, periodsBetween } from './periods.js';
import { isWorkingDay } from './working-days.js';

const calendar = await loadCatalogCalendar();
const formByCode = new Map(APPENDIX_2_FORMS.map((form) => [form.code, form]));

function formDueDate(code: string, period: string): ReturnType<typeof dueDate> {
  const form = formByCode.get(code);
  if (!form) throw new Error(`no form ${code} in the test's Appendix 2 table`);
  const parsed = parsePeriod(period);
  if (parsed.periodicity !== form.periodicity)
    throw new Error(`${code} is ${form.periodicity}, not ${period}`);
  return dueDate(calendar, { dueDay: form.dueDay }, parsed);
}

describe('due dates of the Appendix 2 reports, written by hand from the calendar', () => {
  // [form, period, due date] — why, in the comment. Expected dates are read off the calendar
  // (shared/reference/holidays.json and the decrees), never computed by the code under test.
  it.each([
    // --- day 5 (1-М, 1-І) ---
    ['1-М', '2020-06', '2020-07-07'], // Sun 5 Jul, Mon 6 Jul Capital Day
    ['1-М', '2021-06', '2021-07-07'], // Mon 5 Jul day off bought by working Sat 3 Jul (decree 930), Tue 6 Jul Capital Day
    ['1-І', '2025-06', '2025-07-08'], // Sat 5, Sun 6 Jul Capital Day, Mon 7 its observed day
    ['1-М', '2019-09', '2019-10-07'], // Sat 5 Oct → Mon
    ['1-І', '2019-04', '2019-05-06'], // Sun 5 May; the working Sat 4 May comes before the nominal day
    ['1-М', '2020-12', '2021-01-05'], // control: Tue 5 Jan works (1–2 Jan Fri–Sat, observed Mon 4 Jan)
    ['1-М', '2021-12', '2022-01-05'], // control: Wed 5 Jan works (observed 3 and 4 Jan)
    ['1-М', '2024-12', '2025-01-05'], // Sun 5 Jan 2025 is a working Sunday (decree 436): due that Sunday
    ['1-І', '2019-12', '2020-01-05'], // Sun 5 Jan 2020 is a working Sunday (decree 820): due that Sunday
    // --- day 7 (ЖКО-1) ---
    ['ЖКО-1', '2020-04', '2020-05-11'], // 7 May holiday, 8 May bought day off, 9–10 weekend; Mon 11 May observed but made working
    ['ЖКО-1', '2021-04', '2021-05-11'], // Fri 7 Defender, Sat 8, Sun 9 Victory Day, Mon 10 observed
    ['ЖКО-1', '2022-04', '2022-05-11'], // Sat 7 Defender, Sun 8, Mon 9 Victory, Tue 10 observed for 7 May (chain)
    ['ЖКО-1', '2023-04', '2023-05-10'], // Sun 7 Defender, Mon 8 observed, Tue 9 Victory Day
    ['ЖКО-1', '2024-04', '2024-05-10'], // Tue 7 Defender, Wed 8 bought by working Sat 4 May, Thu 9 Victory
    ['ЖКО-1', '2025-04', '2025-05-08'], // Wed 7 May Defender Day
    ['ЖКО-1', '2019-12', '2020-01-08'], // Tue 7 Jan Orthodox Christmas
    ['ЖКО-1', '2020-12', '2021-01-08'], // Thu 7 Jan Orthodox Christmas
    ['ЖКО-1', '2021-12', '2022-01-10'], // Fri 7 Jan Christmas, then the weekend
    ['ЖКО-1', '2022-12', '2023-01-09'], // Sat 7 Jan Christmas never moves: Mon 9 works
    ['ЖКО-1', '2023-12', '2024-01-08'], // Sun 7 Jan Christmas never moves: Mon 8 works
    ['ЖКО-1', '2020-02', '2020-03-10'], // Sat 7, Sun 8 March, Mon 9 its observed day
    ['ЖКО-1', '2021-02', '2021-03-09'], // Sun 7, Mon 8 March
    ['ЖКО-1', '2022-02', '2022-03-09'], // Mon 7 bought by working Sat 5 March (decree 713), Tue 8 March
    ['ЖКО-1', '2019-06', '2019-07-09'], // Sun 7, Mon 8 observed for Capital Day on Sat 6 Jul
    ['ЖКО-1', '2024-06', '2024-07-09'], // Sun 7, Mon 8 observed for Capital Day on Sat 6 Jul
    ['ЖКО-1', '2025-06', '2025-07-08'], // Mon 7 observed for Capital Day on Sun 6 Jul
    ['ЖКО-1', '2023-06', '2023-07-10'], // Fri 7 Jul bought by working Sat 1 Jul (decree 326), then the weekend
    // --- day 9 (3-К monthly; 2, 7, 7-К, 4, 1-ЭТ quarterly) ---
    ['3-К', '2019-04', '2019-05-13'], // Thu 9 Victory, Fri 10 bought by working Sat 4 May (decree 888), weekend
    ['3-К', '2020-02', '2020-03-10'], // Mon 9 March observed for Sun 8 March
    ['3-К', '2020-04', '2020-05-11'], // Sat 9 Victory, Sun 10; Mon 11 observed but made working by decree 820
    ['3-К', '2021-04', '2021-05-11'], // Sun 9 Victory, Mon 10 observed
    ['3-К', '2022-04', '2022-05-11'], // Mon 9 Victory, Tue 10 observed for Sat 7 May
    ['3-К', '2024-04', '2024-05-10'], // Thu 9 Victory Day
    ['3-К', '2025-02', '2025-03-11'], // Sun 9, Mon 10 observed for Sat 8 March
    ['3-К', '2025-04', '2025-05-12'], // Fri 9 Victory, then the weekend
    ['2', '2022-Q2', '2022-07-11'], // Sat 9 Jul Kurban Ait never moves: Mon 11 works
    ['4', '2020-Q4', '2021-01-11'], // Sat 9 Jan
    ['1-ЭТ', '2023-Q2', '2023-07-10'], // Sun 9 Jul
    ['7-К', '2021-Q3', '2021-10-11'], // Sat 9 Oct
    // --- day 10 (1-Е monthly; 1-П, 1, 6, 10 … quarterly) ---
    ['1-Е', '2019-04', '2019-05-13'], // Fri 10 May bought by working Sat 4 May (decree 888), then weekend
    ['1-Е', '2019-07', '2019-08-12'], // Sat 10, Sun 11 Aug Kurban Ait never moves: Mon 12 works
    ['1-Е', '2020-04', '2020-05-11'], // Sun 10 May; Mon 11 May made working by decree 820
    ['1-Е', '2021-04', '2021-05-11'], // Mon 10 May observed for Victory Day on Sun 9
    ['1-Е', '2022-04', '2022-05-11'], // Tue 10 May observed for Defender Day (chained past 9 May)
    ['1-Е', '2025-02', '2025-03-11'], // Mon 10 March observed for Sat 8 March
    ['1-Е', '2025-12', '2026-01-12'], // Sat 10 Jan 2026, in the provisional year
    ['1-П', '2021-Q2', '2021-07-12'], // Sat 10 Jul
    ['1', '2025-Q4', '2026-01-12'], // Sat 10 Jan 2026 (provisional year)
    ['prosecutor-supervision', '2020-Q3', '2020-10-12'], // Sat 10 Oct
    ['6Қа', '2022-Q1', '2022-04-11'], // Sun 10 Apr
    // --- day 8 (ТМД-3, ТМД-1) ---
    ['ТМД-3', '2019-Q2', '2019-07-09'], // Mon 8 Jul observed for Capital Day on Sat 6 Jul
    ['ТМД-1', '2024-Q2', '2024-07-09'], // Mon 8 Jul observed for Capital Day on Sat 6 Jul
    ['ТМД-1', '2021-Q4', '2022-01-10'], // Sat 8 Jan
    ['ТМД-3', '2023-Q2', '2023-07-10'], // Sat 8 Jul (after the bought Fri 7 Jul)
    ['ТМД-1', '2019-Q4', '2020-01-08'], // control: Wed 8 Jan works
    // --- day 12 (1-ТӨ monthly; 1-Н quarterly) ---
    ['1-ТӨ', '2019-12', '2020-01-13'], // Sun 12 Jan, across the year end
    ['1-ТӨ', '2020-11', '2020-12-14'], // Sat 12 Dec
    ['1-Н', '2019-Q3', '2019-10-14'], // Sat 12 Oct
    ['1-Н', '2024-Q4', '2025-01-13'], // Sun 12 Jan
    // --- day 20 (1-ӘІ) ---
    ['1-ӘІ', '2021-Q2', '2021-07-21'], // Tue 20 Jul Kurban Ait (a weekday religious holiday)
    ['1-ӘІ', '2019-Q1', '2019-04-22'], // Sat 20 Apr
    ['1-ӘІ', '2024-Q4', '2025-01-20'], // control: Mon 20 Jan works
  ])('%s for %s is due %s', (code, period, expected) => {
    expect(formDueDate(code, period).due).toBe(expected);
  });
});

describe('other deadlines of the form "day D of the following month"', () => {
  // [due day, period, due date] — why
  it.each([
    [14, '2023-Q4', '2024-01-15'], // collections (Order 25 para 12–13): Sun 14 Jan
    [14, '2023-Q3', '2023-10-16'], // collections: Sat 14 Oct
    [14, '2019-Q4', '2020-01-14'], // collections: Tue 14 Jan works
    [14, '2019-11', '2019-12-18'], // Sat 14, Sun 15, 16–17 Dec Independence Day (2002–2021)
    [14, '2024-11', '2024-12-17'], // Sat 14, Sun 15, Mon 16 Independence Day; 17 Dec no longer a holiday
    [20, '2021-02', '2021-03-25'], // open data (Order 84): Sat 20, Sun 21 Nauryz, 22–23, Wed 24 observed
    [20, '2022-02', '2022-03-24'], // open data: Sun 20, Nauryz Mon 21 – Wed 23
    [31, '2024-01', '2024-02-29'], // a day past the month's end means its last day
    [31, '2023-01', '2023-02-28'],
  ])('day %i after %s is due %s', (dueDay, period, expected) => {
    expect(dueDate(calendar, { dueDay }, parsePeriod(period)).due).toBe(expected);
  });

  it('reports the nominal day, whether it rolled, why, and whether the year is provisional', () => {
    const result = formDueDate('ЖКО-1', '2020-04');
    expect([result.nominal, result.due, result.rolled, result.provisional]).toEqual([
      '2020-05-07',
      '2020-05-11',
      true,
      false,
    ]);
    expect(result.nominalStatus.reason).toMatchObject({ kind: 'holiday' });
    expect(formDueDate('1-Е', '2025-12').provisional).toBe(true);
    expect(formDueDate('1-М', '2024-02').rolled).toBe(false);
  });

  it.each([0, 32, 1.5])('refuses due day %s', (dueDay) => {
    expect(() => dueDate(calendar, { dueDay }, parsePeriod('2024-01'))).toThrow(
      expect.objectContaining({ code: 'invalid_term' }),
    );
  });
});

describe('every Appendix 2 report, every period of 2019–2025', () => {
  const periods = (periodicity: Periodicity) =>
    periodsBetween(localDate('2019-01-01'), localDate('2025-12-31'), periodicity);

  it.each(APPENDIX_2_FORMS.map((form) => [form.code, form] as const))(
    '%s: each due date is the first working day on or after day D of the next month',
    (_code, form) => {
      for (const period of periods(form.periodicity)) {
        const { nominal, due } = dueDate(calendar, { dueDay: form.dueDay }, period);
        const where = `${form.code} ${formatPeriod(period)}`;
        expect(Number(nominal.slice(8)), where).toBe(form.dueDay);
        expect(due >= nominal, where).toBe(true);
        expect(isWorkingDay(calendar, due).working, where).toBe(true);
        for (let day = nominal; day < due; day = addDays(day, 1)) {
          expect(isWorkingDay(calendar, day).working, `${where}: ${day}`).toBe(false);
        }
      }
    },
  );
});

describe('terms of days counted from an event (requests)', () => {
  // [from, count, unit, last day] — why
  it.each([
    ['2024-01-02', 15, 'calendar-days', '2024-01-17'], // Wed 17 Jan works
    ['2024-03-06', 15, 'calendar-days', '2024-03-26'], // Thu 21 Mar Nauryz … Mon 25 observed
    ['2019-11-17', 30, 'calendar-days', '2019-12-18'], // Tue 17 Dec Independence Day (2002–2021)
    ['2020-04-10', 30, 'calendar-days', '2020-05-11'], // Sun 10 May; Mon 11 made working
    ['2020-03-16', 15, 'working-days', '2020-04-09'], // Nauryz 21–25 March 2020 not counted
    ['2020-05-06', 3, 'working-days', '2020-05-13'], // 7–10 May off; 11 (made working), 12, 13
    ['2019-12-30', 2, 'working-days', '2020-01-05'], // 31 Dec, then the working Sunday 5 Jan
  ] as const)('%s + %i %s ends %s', (from, count, unit, expected) => {
    expect(termEnd(calendar, localDate(from), { count, unit }).due).toBe(expected);
  });

  it.each([0, -1, 2.5])('refuses a term of %s days', (count) => {
    expect(() => termEnd(calendar, localDate('2024-01-01'), { count, unit: 'working-days' })).toThrow(
      expect.objectContaining({ code: 'invalid_term' }),
    );
  });
});
