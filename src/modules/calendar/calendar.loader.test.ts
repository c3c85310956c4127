import { describe, expect, it } from 'vitest';
import { CalendarLoadError } from './calendar.errors.js';
import { loadCalendarDirectory, readCalendarFiles } from './calendar.files.js';
import { buildCalendarFromFiles } from './calendar.loader.js';
import { fixtureDirectory } from './fixtures/load-catalog-calendar.js';
import { localDate } from './local-date.js';
import { describeDayReason } from './working-calendar.js';
import { isWorkingDay } from './working-days.js';

async function problemsOf(fixture: string): Promise<[string, string, string][]> {
  const result = buildCalendarFromFiles(await readCalendarFiles(fixtureDirectory(fixture)));
  if (result.ok) throw new Error(`fixture ${fixture} loaded without problems`);
  return result.problems.map((problem) => [problem.file, problem.pointer, problem.message]);
}

describe('the calendar loader reports every problem with its file and JSON pointer', () => {
  it('wrong types, unknown keys, missing keys', async () => {
    expect(await problemsOf('bad-types')).toEqual([
      ['holidays.yaml', '/holidays/0/colour', 'unknown key'],
      ['holidays.yaml', '/holidays/0/id', '"New Year" does not match a kebab-case id'],
      ['holidays.yaml', '/holidays/0/name/en', 'required key is missing'],
      [
        'holidays.yaml',
        '/holidays/0/category',
        'must be one of "state", "national", "religious", got "festive"',
      ],
      ['holidays.yaml', '/holidays/0/movesIfOnWeekend', 'expected boolean, got "yes"'],
      ['holidays.yaml', '/holidays/0/dates/0/monthDay', '"13-01" does not match a month and day MM-DD'],
      ['holidays.yaml', '/holidays/0/dates/0/years/0/from', 'expected integer, got "2000"'],
      ['holidays.yaml', '/holidays/0/confidence', 'must be one of "high", "medium", "low", got "certain"'],
      ['kurban-ait.yaml', '/source', 'required key is missing'],
      ['kurban-ait.yaml', '/holiday', 'expected \'kurban-ait\', got "eid"'],
      ['kurban-ait.yaml', '/dates/0/date', '"2023-06-28T00:00:00Z" does not match a date YYYY-MM-DD'],
      ['transfers/2024.yaml', '/status', 'must be one of "decreed", "provisional", got "final"'],
      ['transfers/2024.yaml', '/decrees/0/number', 'expected string, got 7'],
      ['transfers/2024.yaml', '/decrees/0/date', '"yesterday" does not match a date YYYY-MM-DD'],
      ['transfers/2024.yaml', '/transfers/0/decree', 'required key is missing'],
    ]);
  });

  it('rules the schema cannot express: real dates, duplicates, overlaps, references, transfers', async () => {
    expect(await problemsOf('bad-rules')).toEqual([
      ['holidays.yaml', '/holidays/0/dates/1/monthDay', '01-01 is listed twice'],
      ['holidays.yaml', '/holidays/0/dates/2/monthDay', '02-29 is not a date of every year'],
      ['holidays.yaml', '/holidays/0/dates/2/years/0', "'until' 2005 is before 'from' 2010"],
      ['holidays.yaml', '/holidays/0/dates/3/years', 'year ranges overlap: from 2000 and from 2010'],
      ['holidays.yaml', '/holidays/1/id', "duplicate holiday id 'new-year'"],
      [
        'holidays.yaml',
        '/holidays/1',
        "a holiday has either 'dates' (fixed) or 'movable', exactly one of them",
      ],
      ['holidays.yaml', '/holidays/2/movesIfOnWeekend', 'a religious holiday never moves to a working day'],
      ['kurban-ait.yaml', '/dates/0/date', "day 30 in '2023-02-30' does not exist: 2023-02 has 28 days"],
      ['kurban-ait.yaml', '/dates/1/date', '2023-06-28 is not in year 2024'],
      ['kurban-ait.yaml', '/dates/2/year', 'year 2024 is listed twice'],
      ['transfers/2024.yaml', '/year', 'year 2023 does not match the file name 2024.yaml'],
      ['transfers/2024.yaml', '/transfers/0/decree', "decree '8' is not listed in /decrees"],
      ['transfers/2024.yaml', '/transfers/0/workingDay', '2024-05-04 is not in 2023'],
      ['transfers/2024.yaml', '/transfers/0/dayOff', '2024-05-08 is not in 2023'],
      ['transfers/2024.yaml', '/transfers/1/workingDay', '2024-05-04 is not in 2023'],
      ['transfers/2024.yaml', '/transfers/1/workingDay', '2024-05-04 is in two transfers'],
      ['transfers/2024.yaml', '/transfers/1/dayOff', '2025-05-09 is not in 2023'],
      ['transfers/2026.yaml', '/decrees', "a 'decreed' year names at least one decree"],
      ['transfers/2025.yaml', '/transfers/0/workingDay', '2025-01-08 is already a working day'],
      ['transfers/2025.yaml', '/transfers/0/dayOff', '2025-01-04 is already a day off'],
      [
        'transfers/2025.yaml',
        '/transfers/1/workingDay',
        '2025-01-01 is a holiday and cannot be made working',
      ],
      ['transfers/2025.yaml', '/transfers/1/dayOff', '2025-01-02 is already a day off'],
    ]);
  });

  it('missing and unexpected files', async () => {
    expect(await problemsOf('missing-files')).toEqual([
      [
        'transfers/notes.txt',
        '',
        'unexpected file: expected holidays.yaml, kurban-ait.yaml or transfers/<year>.yaml',
      ],
      ['holidays.yaml', '', 'file is missing'],
      ['kurban-ait.yaml', '', 'file is missing'],
      [
        'transfers/2024.yaml',
        '/status',
        "a 'provisional' year has no decree and no transfers; write 'decreed'",
      ],
      ['transfers/2024.yaml', '/transfers/0/decree', "decree '1' is not listed in /decrees"],
    ]);
  });

  it('YAML that does not parse, with its line and column', async () => {
    expect(await problemsOf('bad-yaml')).toEqual([
      ['holidays.yaml', '', 'YAML: Map keys must be unique at line 3, column 5'],
    ]);
    // A syntax error is given in memory: as a file it would stop the formatter of the repository.
    const result = buildCalendarFromFiles([
      { path: 'holidays.yaml', text: 'holidays:\n  - { id: new-year\n' },
      { path: 'kurban-ait.yaml', text: 'holiday: kurban-ait\ndates: []\nsource: test\n' },
    ]);
    expect(result.ok ? [] : result.problems).toEqual([
      {
        file: 'holidays.yaml',
        pointer: '',
        message: expect.stringMatching(/^YAML: .* at line 3, column 1$/),
      },
    ]);
  });

  it('throws one CalendarLoadError naming the folder, the file and the pointer', async () => {
    const loading = loadCalendarDirectory(fixtureDirectory('missing-files'), 'catalog/calendar');
    await expect(loading).rejects.toBeInstanceOf(CalendarLoadError);
    await expect(loading).rejects.toThrow(
      "catalog/calendar/transfers/2024.yaml at /transfers/0/decree: decree '1' is not listed in /decrees",
    );
  });
});

describe('a minimal made-up calendar loads and computes', () => {
  it.each([
    ['2023-01-01', false, 'holiday: New Year'],
    [
      '2023-01-02',
      true,
      'working day by decree No. 1 (2022): observed day off for New Year moved to 2023-01-06',
    ],
    ['2023-01-06', false, 'day off transferred from 2023-01-02 by decree No. 1 (2022)'],
    ['2023-06-28', false, 'holiday: Kurban Ait'],
    ['2024-01-01', false, 'holiday: New Year'],
  ])('%s → working %s, %s', async (date, working, reason) => {
    const calendar = await loadCalendarDirectory(fixtureDirectory('minimal'));
    const status = isWorkingDay(calendar, localDate(date));
    expect([status.working, describeDayReason(status), status.provisional]).toEqual([
      working,
      reason,
      !date.startsWith('2023'),
    ]);
  });
});
