// The terms of a request on Kazakhstan's working-day calendar, by the rules in use on the
// registration date: Law 221 (calendar days) until 30.06.2021, the Code (working days) after.
import { describe, expect, it } from 'vitest';
import { buildCalendarFromFiles, type LocalDate } from '../calendar/index.js';
import { builtInCatalogDir, loadCatalogDirs, type ApplicantKind } from '../catalog/index.js';
import { readCalendarFiles } from '../calendar/index.js';
import { considerationTerm, latestExtension } from './request.terms.js';
import { requestRulesOn } from './request.rules.js';

const { catalog } = loadCatalogDirs([builtInCatalogDir]);
const files = await readCalendarFiles(`${builtInCatalogDir}/calendar`);
const built = buildCalendarFromFiles(files);
if (!built.ok) throw new Error('the built-in calendar does not load');
const calendar = built.calendar;

describe('the term of consideration', () => {
  // registered on, applicant → term id, last day, basis
  it.each([
    // Law 221, art. 8(1): 15 calendar days; a last day off moves to the next working day.
    ['2019-06-03', 'individual', 'consideration', '2019-06-18', 'act'],
    ['2020-03-10', 'legal-entity', 'consideration', '2020-03-26', 'act'],
    ['2021-06-30', 'individual', 'consideration', '2021-07-15', 'act'],
    // The Code, art. 76: 15 working days from 01.07.2021 (Capital Day, 6 July, and Kurban Ait,
    // 20 July 2021, are not counted).
    ['2021-07-01', 'individual', 'consideration', '2021-07-26', 'act'],
    ['2024-03-15', 'legal-entity', 'consideration', '2024-04-10', 'act'],
    // State bodies: what the authority applies (inferred), calendar days then working days.
    ['2020-03-10', 'state-body', 'state-body-consideration', '2020-03-26', 'inferred'],
    ['2024-03-15', 'prosecution-body', 'state-body-consideration', '2024-04-10', 'inferred'],
  ] as [string, ApplicantKind, string, string, string][])(
    'registered %s by a %s: %s ends %s (%s)',
    (on, kind, id, due, basis) => {
      const term = considerationTerm(requestRulesOn(catalog, on), calendar, kind, on as LocalDate);
      expect(term).toMatchObject({ id, due, basis });
    },
  );

  it("extends an individual's term by 30 days after it until 2021, by up to two months from registration after", () => {
    expect(
      latestExtension(
        requestRulesOn(catalog, '2020-03-10'),
        calendar,
        'individual',
        '2020-03-10' as LocalDate,
      )?.due,
    ).toBe('2020-04-27');
    expect(
      latestExtension(
        requestRulesOn(catalog, '2024-03-15'),
        calendar,
        'individual',
        '2024-03-15' as LocalDate,
      )?.due,
    ).toBe('2024-05-15');
  });
});
