import { describe, expect, it } from 'vitest';
import { loadCatalogCalendar } from './fixtures/load-catalog-calendar.js';
import { localDate } from './local-date.js';
import { describeDayReason } from './working-calendar.js';
import {
  addCalendarDays,
  addWorkingDays,
  calendarYear,
  endOfTerm,
  isWorkingDay,
  nextWorkingDay,
  previousWorkingDay,
} from './working-days.js';

const calendar = await loadCatalogCalendar();
const d = localDate;

describe('isWorkingDay gives the status and its reason', () => {
  // [date, working, reason as describeDayReason writes it]
  it.each([
    // ordinary weeks
    ['2024-03-06', true, 'working day'],
    ['2024-03-02', false, 'weekend (Sat)'],
    ['2024-03-03', false, 'weekend (Sun)'],
    // holidays on weekdays
    ['2024-03-08', false, "holiday: International Women's Day"],
    ['2023-10-25', false, 'holiday: Republic Day'], // restored as a day off from 2022
    ['2021-10-25', true, 'working day'], // not a holiday 2009–2021
    ['2021-12-01', false, 'holiday: First President Day'],
    ['2022-12-01', true, 'working day'], // removed from 2022
    ['2021-12-17', false, 'holiday: Independence Day'],
    ['2022-12-16', false, 'holiday: Independence Day'],
    ['2023-12-18', false, 'observed day off for Independence Day (2023-12-16)'], // 16 Dec on Sat
    ['2022-12-19', true, 'working day'], // 17 Dec no longer a holiday in 2022
    // a holiday on a weekend moves its day off to the next working day
    ['2019-07-06', false, 'holiday: Capital Day'],
    ['2019-07-08', false, 'observed day off for Capital Day (2019-07-06)'],
    ['2025-08-30', false, 'holiday: Constitution Day'],
    ['2025-09-01', false, 'observed day off for Constitution Day (2025-08-30)'],
    ['2025-10-27', false, 'observed day off for Republic Day (2025-10-25)'],
    // chains: Nauryz 21–23 March on Sat–Mon (2020) gives Tue and Wed
    ['2020-03-21', false, 'holiday: Nauryz'],
    ['2020-03-23', false, 'holiday: Nauryz'],
    ['2020-03-24', false, 'observed day off for Nauryz (2020-03-21)'],
    ['2020-03-25', false, 'observed day off for Nauryz (2020-03-22)'],
    ['2020-03-26', true, 'working day'],
    // Nauryz on Fri–Sun (2025): the Saturday and the Sunday give Monday and Tuesday
    ['2025-03-24', false, 'observed day off for Nauryz (2025-03-22)'],
    ['2025-03-25', false, 'observed day off for Nauryz (2025-03-23)'],
    // Nauryz on Thu–Sat (2019, 2024): one observed day on Monday
    ['2019-03-25', false, 'observed day off for Nauryz (2019-03-23)'],
    ['2024-03-25', false, 'observed day off for Nauryz (2024-03-23)'],
    ['2024-03-26', true, 'working day'],
    // 7 May on Sat (2022) skips Victory Day on Mon 9 May and lands on Tue 10 May
    ['2022-05-09', false, 'holiday: Victory Day'],
    ['2022-05-10', false, 'observed day off for Defender of the Fatherland Day (2022-05-07)'],
    ['2023-05-08', false, 'observed day off for Defender of the Fatherland Day (2023-05-07)'],
    // 1–2 January on Sat–Sun (2022) give Mon 3 and Tue 4; on Sun–Mon (2023) only Tue 3
    ['2022-01-03', false, 'observed day off for New Year (2022-01-01)'],
    ['2022-01-04', false, 'observed day off for New Year (2022-01-02)'],
    ['2023-01-03', false, 'observed day off for New Year (2023-01-01)'],
    ['2023-01-04', true, 'working day'],
    // religious holidays never move
    ['2023-01-07', false, 'holiday: Orthodox Christmas'],
    ['2023-01-09', true, 'working day'],
    ['2024-01-08', true, 'working day'], // 7 Jan 2024 was a Sunday
    ['2022-07-09', false, 'holiday: Kurban Ait (first day)'],
    ['2022-07-11', true, 'working day'],
    ['2024-06-17', true, 'working day'], // Kurban Ait on Sun 16 June 2024
    ['2019-08-12', true, 'working day'], // Kurban Ait on Sun 11 Aug 2019
    ['2021-07-20', false, 'holiday: Kurban Ait (first day)'],
    // transfers by decree make a Saturday or Sunday working and buy a day off
    ['2019-05-04', true, 'working Saturday by decree No. 888 (2018) (day off moved to 2019-05-10)'],
    ['2019-05-10', false, 'day off transferred from 2019-05-04 by decree No. 888 (2018)'],
    ['2020-01-05', true, 'working Sunday by decree No. 820 (2019) (day off moved to 2020-01-03)'],
    ['2022-03-05', true, 'working Saturday by decree No. 713 of 2021-10-06 (day off moved to 2022-03-07)'],
    ['2022-10-22', true, 'working Saturday by decree No. 796 (2022) (day off moved to 2022-10-24)'],
    ['2022-10-24', false, 'day off transferred from 2022-10-22 by decree No. 796 (2022)'],
    ['2023-07-01', true, 'working Saturday by decree No. 326 (2023) (day off moved to 2023-07-07)'],
    ['2025-01-05', true, 'working Sunday by decree No. 436 (2024) (day off moved to 2025-01-03)'],
    // an observed day off that the decree makes working: 9 May 2020 was a Saturday
    [
      '2020-05-11',
      true,
      'working day by decree No. 820 (2019): observed day off for Victory Day moved to 2020-05-08',
    ],
    ['2020-05-08', false, 'day off transferred from 2020-05-11 by decree No. 820 (2019)'],
    // the provisional year 2026: holidays alone
    ['2026-05-11', false, 'observed day off for Victory Day (2026-05-09)'],
    ['2026-08-31', true, 'working day'], // Constitution Day not a day off in 2026 (unverified)
  ] as const)('%s → working %s, %s', (date, working, reason) => {
    const status = isWorkingDay(calendar, d(date));
    expect([status.working, describeDayReason(status)]).toEqual([working, reason]);
  });
});

describe('each year matches the independent research list (shared/reference/holidays.json)', () => {
  // Copied from the `computed` lists of the research (python-holidays), not from this code:
  // [year, non-working Monday–Friday dates, working Saturdays/Sundays]
  it.each([
    [
      2019,
      '01-01 01-02 01-07 03-08 03-21 03-22 03-25 05-01 05-07 05-09 05-10 07-08 08-30 12-02 12-16 12-17',
      '05-04',
    ],
    [
      2020,
      '01-01 01-02 01-03 01-07 03-09 03-23 03-24 03-25 05-01 05-07 05-08 07-06 07-31 08-31 12-01 12-16 12-17 12-18',
      '01-05 12-20',
    ],
    [
      2021,
      '01-01 01-04 01-07 03-08 03-22 03-23 03-24 05-03 05-07 05-10 07-05 07-06 07-20 08-30 12-01 12-16 12-17',
      '07-03',
    ],
    [
      2022,
      '01-03 01-04 01-07 03-07 03-08 03-21 03-22 03-23 05-02 05-09 05-10 07-06 08-29 08-30 10-24 10-25 12-16',
      '03-05 08-27 10-22',
    ],
    [
      2023,
      '01-02 01-03 03-08 03-21 03-22 03-23 05-01 05-08 05-09 06-28 07-06 07-07 08-30 10-25 12-18',
      '07-01',
    ],
    [2024, '01-01 01-02 03-08 03-21 03-22 03-25 05-01 05-07 05-08 05-09 07-08 08-30 10-25 12-16', '05-04'],
    [
      2025,
      '01-01 01-02 01-03 01-07 03-10 03-21 03-24 03-25 05-01 05-07 05-09 06-06 07-07 09-01 10-27 12-16',
      '01-05',
    ],
    [2026, '01-01 01-02 01-07 03-09 03-23 03-24 03-25 05-01 05-07 05-11 05-27 07-06 10-26 12-16', ''],
  ])('%i', (year, weekdaysOff, workingWeekendDays) => {
    const days = calendarYear(calendar, year).days;
    const weekend = (weekday: string): boolean => weekday === 'Sat' || weekday === 'Sun';
    const offOnWeekdays = days
      .filter((day) => !weekend(day.weekday) && !day.working)
      .map((day) => day.date.slice(5));
    const workingOnWeekends = days
      .filter((day) => weekend(day.weekday) && day.working)
      .map((day) => day.date.slice(5));
    expect(offOnWeekdays.join(' ')).toBe(weekdaysOff);
    expect(workingOnWeekends.join(' ')).toBe(workingWeekendDays);
  });
});

describe('calendarYear', () => {
  it.each([
    // [year, provisional, working days, days in the year]
    [2019, false, 246, 365],
    [2020, false, 246, 366],
    [2024, false, 249, 366],
    [2025, false, 246, 365],
    [2026, true, 247, 365], // no decree for 2026 and Kurban Ait 2026 is an estimate
    [2018, true, 247, 365], // before the loaded decrees (its real transfers are not loaded) and no Kurban Ait 2018
  ])('%i: provisional %s, %i working days of %i', (year, provisional, workingDays, length) => {
    const result = calendarYear(calendar, year);
    expect([result.provisional, result.workingDays, result.days.length]).toEqual([
      provisional,
      workingDays,
      length,
    ]);
  });

  it('says why a year is provisional', () => {
    expect(calendarYear(calendar, 2026).notes).toEqual([
      'no transfer decree known for 2026: computed from the holidays alone',
      'Kurban Ait (first day): 2026-05-27 is an estimate, not yet announced',
    ]);
    expect(calendarYear(calendar, 2030).notes).toEqual([
      'no transfer decree loaded for 2030: the year is computed from the holidays alone',
      'Kurban Ait (first day): no date loaded for 2030, so it is counted as an ordinary day',
    ]);
    expect(isWorkingDay(calendar, d('2030-01-03')).provisional).toBe(true);
    expect(isWorkingDay(calendar, d('2025-12-31')).provisional).toBe(false);
  });

  it('refuses an impossible year', () => {
    expect(() => calendarYear(calendar, 20245)).toThrow(/outside 1900–2200/);
  });
});

describe('nextWorkingDay, previousWorkingDay, endOfTerm', () => {
  // [from, next working day, previous working day, end of a term ending on `from`]
  it.each([
    ['2024-03-06', '2024-03-07', '2024-03-05', '2024-03-06'], // a plain Wednesday
    ['2024-03-01', '2024-03-04', '2024-02-29', '2024-03-01'], // Friday → Monday; leap day before
    ['2020-03-20', '2020-03-26', '2020-03-19', '2020-03-20'], // Nauryz chain Sat 21 – Wed 25
    ['2020-03-21', '2020-03-26', '2020-03-20', '2020-03-26'],
    ['2019-12-31', '2020-01-05', '2019-12-30', '2019-12-31'], // year end: 1–3 Jan off, Sun 5 Jan working
    ['2020-01-04', '2020-01-05', '2019-12-31', '2020-01-05'], // a Saturday whose Sunday works
    ['2021-12-31', '2022-01-05', '2021-12-30', '2021-12-31'], // 1–2 Jan on a weekend, 3–4 observed
    ['2022-12-31', '2023-01-04', '2022-12-30', '2023-01-04'], // Sat; 1 Jan Sun, 2 Jan, 3 Jan observed
    ['2020-05-07', '2020-05-11', '2020-05-06', '2020-05-11'], // 7, 8, 9, 10 May off; 11 May made working
    ['2019-05-05', '2019-05-06', '2019-05-04', '2019-05-06'], // the working Saturday 4 May 2019 precedes
    ['2022-07-09', '2022-07-11', '2022-07-08', '2022-07-11'], // Kurban Ait on Sat does not move
    ['2025-12-31', '2026-01-05', '2025-12-30', '2025-12-31'], // into the provisional 2026
  ])('%s → next %s, previous %s, term ends %s', (from, next, previous, termEnd) => {
    expect([
      nextWorkingDay(calendar, d(from)),
      previousWorkingDay(calendar, d(from)),
      endOfTerm(calendar, d(from)),
    ]).toEqual([next, previous, termEnd]);
  });
});

describe('addWorkingDays and addCalendarDays', () => {
  // [from, working days to add, result]
  it.each([
    ['2024-03-06', 0, '2024-03-06'],
    ['2024-03-09', 0, '2024-03-09'], // zero moves nothing, even from a Saturday
    ['2024-03-06', 1, '2024-03-07'],
    ['2024-03-07', 1, '2024-03-11'], // Fri 8 March holiday and the weekend skipped
    ['2024-03-20', 3, '2024-03-28'], // Nauryz 21–23 + observed Mon 25: 26, 27, 28
    ['2024-03-28', -3, '2024-03-20'],
    ['2019-12-30', 2, '2020-01-05'], // 31 Dec, then the working Sunday 5 Jan 2020
    ['2020-05-06', 1, '2020-05-11'],
    ['2024-01-01', 15, '2024-01-23'], // the 15 working days of APPK art. 76 from New Year
  ])('%s + %i working days = %s', (from, days, expected) => {
    expect(addWorkingDays(calendar, d(from), days)).toBe(expected);
  });

  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2024-01-01', 366, '2025-01-01'],
  ])('%s + %i calendar days = %s', (from, days, expected) => {
    expect(addCalendarDays(d(from), days)).toBe(expected);
  });

  it('refuses a fractional count', () => {
    expect(() => addWorkingDays(calendar, d('2024-01-01'), 1.5)).toThrow(/whole number/);
    expect(() => addCalendarDays(d('2024-01-01'), Number.NaN)).toThrow(/whole number/);
  });
});
