import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CalendarInputError, isWorkingDay, loadCalendarDirectory, localDate } from '../calendar/index.js';
import { loadCatalogDirs, repealNotices, type Catalog } from './index.js';
import { dueOf, listObligations, ObligationInputError, type ObligationDue } from './obligations.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = fileURLToPath(new URL('./fixtures/replacing-act', import.meta.url));

function load(dirs: string[]): Catalog {
  const loaded = loadCatalogDirs(dirs);
  expect(loaded.problems).toEqual([]);
  return loaded.catalog;
}

const catalog = load([`${root}catalog`]);
const replaced = load([`${root}catalog`, fixture]);
const calendar = await loadCalendarDirectory(`${root}catalog/calendar`, 'catalog/calendar');

const d = localDate;

/** `[channel, period, due]` of each obligation, for compact expectations. */
const brief = (obligations: readonly ObligationDue[]) =>
  obligations.map((obligation) => [obligation.channel, obligation.period, obligation.due]);

function between(from: string, to: string, filter: { item?: string; channel?: string } = {}) {
  return listObligations(catalog, calendar, { from: d(from), to: d(to), ...filter });
}

describe('dueOf: one item, one period', () => {
  // [item, period, channel, due, rolled, why]. Expected dates are read off the calendar by hand
  // (catalog/calendar, shared/reference/holidays.json), never computed by the code under test.
  it.each<[string, string, string, string, boolean, string]>([
    ['1-М', '2024-03', 'information-service', '2024-04-05', false, 'Fri 5 Apr 2024, a working day'],
    ['1-М', '2024-03', 'open-data-portal', '2024-04-22', true, 'Sat 20 Apr → Mon 22 Apr'],
    ['1-ТӨ', '2024-03', 'information-service', '2024-04-12', false, 'monthly on the service: Fri 12 Apr'],
    ['1-ТӨ', '2024-Q1', 'open-data-portal', '2024-04-22', true, 'quarterly on the portal: Sat 20 Apr → Mon'],
    ['1-М', '2020-06', 'information-service', '2020-07-07', true, 'Sun 5 Jul, Mon 6 Jul Capital Day'],
    [
      'ЖКО-1',
      '2023-04',
      'information-service',
      '2023-05-10',
      true,
      'Sun 7 May Defender Day, Mon 8 its observed day off, Tue 9 Victory Day',
    ],
    [
      'ЖКО-1',
      '2022-02',
      'information-service',
      '2022-03-09',
      true,
      'Mon 7 Mar day off transferred from Sat 5 Mar (decree 713), Tue 8 Mar',
    ],
    [
      '1-М',
      '2024-12',
      'information-service',
      '2025-01-05',
      false,
      'Sun 5 Jan 2025 is a working Sunday (decree 436)',
    ],
    ['1-М', '2019-04', 'information-service', '2019-05-06', true, 'Sun 5 May 2019 → Mon 6 May'],
    [
      '1-М',
      '2019-08',
      'open-data-portal',
      '2019-09-20',
      false,
      'first month with Order 84 in force: Fri 20 Sep',
    ],
    [
      'crime-and-law-enforcement-results',
      '2019-Q3',
      'electronic-collection',
      '2019-10-14',
      false,
      'Mon 14 Oct',
    ],
    ['court-work', '2023-Q3', 'electronic-collection', '2023-10-16', true, 'Sat 14 Oct → Mon 16 Oct'],
    ['court-work', '2024-Q2', 'electronic-collection', '2024-07-15', true, 'Sun 14 Jul → Mon 15 Jul'],
    [
      'prosecution-bodies-structure',
      '2024-Q2',
      'open-data-portal',
      '2024-07-22',
      true,
      'Sat 20 Jul → Mon 22',
    ],
  ])('%s %s on the %s is due %s (rolled: %s) — %s', (item, period, channel, due, rolled) => {
    const [obligation, ...rest] = dueOf(catalog, calendar, item, period, channel);
    expect(rest).toEqual([]);
    expect(obligation).toMatchObject({ period, channel, due, rolled });
    expect(isWorkingDay(calendar, d(due)).working).toBe(true);
    if (!rolled) expect(obligation?.nominal).toBe(due);
    else expect(isWorkingDay(calendar, obligation!.nominal).working).toBe(false);
  });

  it('gives every channel of 1-М for 2024-03, with the legal basis of each', () => {
    expect(dueOf(catalog, calendar, '1-М', '2024-03')).toEqual([
      {
        item: '1-М',
        itemKind: 'form',
        itemId: '1-m',
        period: '2024-03',
        periodicity: 'monthly',
        channel: 'information-service',
        nominal: '2024-04-05',
        due: '2024-04-05',
        rolled: false,
        provisional: false,
        act: 'o25-2019',
        clause: 'o25.i.app2.item1',
        title: {
          kk: 'Тіркелген қылмыстық құқық бұзушылықтар туралы',
          ru: 'О зарегистрированных уголовных правонарушениях',
          en: 'On registered criminal offences',
        },
      },
      expect.objectContaining({
        channel: 'open-data-portal',
        nominal: '2024-04-20',
        due: '2024-04-22',
        act: 'o84-2019',
        clause: 'o84.list.item3',
        dataset: 'registered-criminal-offences',
      }),
    ]);
  });

  it('still lists 2024 from the repealed acts, whose notices the answer can carry', () => {
    // Order 25 was repealed in 2021 and Order 84 in 2021; no replacing act is loaded, so their
    // lists stay in use, and the caller says so with the repeal notices of the acts used.
    const obligations = dueOf(catalog, calendar, '1-М', '2024-03');
    expect(obligations.map((obligation) => obligation.act)).toEqual(['o25-2019', 'o84-2019']);
    const notices = repealNotices(catalog, obligations, '2024-04-01');
    expect(
      notices.map((notice) => [notice.act, notice.repealedBy?.number, notice.replacementLoaded]),
    ).toEqual([
      ['o25-2019', '1', false],
      ['o84-2019', '159', false],
    ]);
  });

  it.each([
    ['1-М', '2019-03', 'March ends before Order 25 came into force (2019-04-29)'],
    ['1-М', '2018-Q1', 'a quarter long before the acts: nothing to mismatch'],
    ['crime-and-law-enforcement-results', '2019-Q1', 'collections start with Order 25 as well'],
    ['prosecution-bodies-structure', '2019-Q2', 'Order 84 came into force on 2019-08-16'],
  ])('%s %s is nothing: %s', (item, period) => {
    expect(dueOf(catalog, calendar, item, period)).toEqual([]);
  });

  it('uses the portal only from Order 84 (in force 2019-08-16)', () => {
    expect(brief(dueOf(catalog, calendar, '1-М', '2019-07'))).toEqual([
      ['information-service', '2019-07', '2019-08-05'],
    ]);
    expect(brief(dueOf(catalog, calendar, '1-М', '2019-08'))).toEqual([
      ['information-service', '2019-08', '2019-09-05'],
      ['open-data-portal', '2019-08', '2019-09-20'],
    ]);
  });

  it('marks due dates in a year with no decree loaded as provisional', () => {
    expect(dueOf(catalog, calendar, '1-М', '2024-03')[0]?.provisional).toBe(false);
    expect(dueOf(catalog, calendar, '1-М', '2026-12', 'information-service')[0]).toMatchObject({
      due: '2027-01-05',
      provisional: true,
    });
  });

  it.each([
    ['1-М', '1-М'],
    ['1-m', '1-М'],
    ['1-M', '1-М'], // the slug in any case
    ['1-м', '1-М'], // the code in another case
    ['1–М', '1-М'], // an en dash
    ['1-to', '1-ТӨ'],
    ['1-ОЛ', '1-ТӨ'], // the Russian alias
    ['ДТП-1', 'ЖКО-1'],
    ['prosecutor-supervision', 'prosecutor-supervision'], // the act gives it no code
    ['Іесеп', '1'], // the code as printed, with its typo
  ])('finds the form %s as %s', (query, item) => {
    const period = item === '1-М' || item === '1-ТӨ' || item === 'ЖКО-1' ? '2024-03' : '2024-Q1';
    const obligations = dueOf(catalog, calendar, query, period);
    expect(obligations.length).toBeGreaterThan(0);
    for (const obligation of obligations) expect(obligation.item).toBe(item);
  });

  it('selects a form portal obligation by the id of the dataset made from it', () => {
    expect(dueOf(catalog, calendar, 'registered-criminal-offences', '2024-03')).toEqual([
      expect.objectContaining({ item: '1-М', channel: 'open-data-portal', due: '2024-04-22' }),
    ]);
  });
});

describe('dueOf: bad input', () => {
  it.each([
    ['1-М', '2024-Q1', undefined, 'monthly'],
    ['1-Н', '2024-03', undefined, 'quarterly'],
    ['1-ТӨ', '2024-03', 'open-data-portal', 'quarterly'],
    ['1-ТӨ', '2024-Q1', 'information-service', 'monthly'],
    ['court-work', '2024', undefined, 'quarterly'],
  ])('%s %s (%s) is a period_mismatch naming %s', (item, period, channel, expected) => {
    const error = catching(() => dueOf(catalog, calendar, item, period, channel));
    expect(error).toBeInstanceOf(ObligationInputError);
    expect(error).toMatchObject({ code: 'period_mismatch', parameter: 'period' });
    expect((error as Error).message).toContain(expected);
  });

  it('gives 1-ТӨ the channel whose periodicity fits, with no channel named', () => {
    expect(brief(dueOf(catalog, calendar, '1-ТӨ', '2024-03'))).toEqual([
      ['information-service', '2024-03', '2024-04-12'],
    ]);
    expect(brief(dueOf(catalog, calendar, '1-ТӨ', '2024-Q1'))).toEqual([
      ['open-data-portal', '2024-Q1', '2024-04-22'],
    ]);
  });

  it.each(['2024-13', '2024-Q5', '2024-H3', '24-03', '2024-3'])('leaves %s to parsePeriod', (period) => {
    const error = catching(() => dueOf(catalog, calendar, '1-М', period));
    expect(error).toBeInstanceOf(CalendarInputError);
    expect(error).toMatchObject({ code: 'invalid_period' });
  });

  it.each([
    ['1-H', 'item'], // Latin H: look-alike letters are never folded into the Cyrillic Н
    ['no-such-report', 'item'],
    ['', 'item'],
  ])('rejects the unknown item %j', (item, parameter) => {
    expect(catching(() => dueOf(catalog, calendar, item, '2024-03'))).toMatchObject({
      name: 'ObligationInputError',
      code: 'unknown_item',
      parameter,
    });
  });

  it('rejects an unknown channel', () => {
    expect(catching(() => dueOf(catalog, calendar, '1-М', '2024-03', 'fax'))).toMatchObject({
      code: 'unknown_channel',
      parameter: 'channel',
    });
  });
});

describe('listObligations', () => {
  it('lists everything due in April 2024, once each, sorted by due then item', () => {
    const obligations = between('2024-04-01', '2024-04-30');
    const count = (channel: string) => obligations.filter((o) => o.channel === channel).length;
    // 26 reports of Appendix 2 (6 monthly for March, 20 quarterly for Q1); the 23 reports that
    // have an Order 84 dataset plus the structure of the prosecution bodies on the portal; the 6
    // collections for Q1.
    expect([count('information-service'), count('open-data-portal'), count('electronic-collection')]).toEqual(
      [26, 24, 6],
    );
    expect(obligations).toHaveLength(56);
    const keys = obligations.map((o) => `${o.itemKind}|${o.itemId}|${o.period}|${o.channel}`);
    expect(new Set(keys).size).toBe(keys.length);
    const order = obligations.map((o) => [o.due, o.item]);
    expect(order).toEqual(
      [...order].sort(([dueA, itemA], [dueB, itemB]) =>
        dueA! < dueB! ? -1 : dueA! > dueB! ? 1 : itemA! < itemB! ? -1 : itemA! > itemB! ? 1 : 0,
      ),
    );
    expect(obligations[0]).toMatchObject({ item: '1-І', due: '2024-04-05' });
  });

  it('puts each periodic dataset of Order 84 on the portal once: from its report or by itself', () => {
    // The datasets made from a report come through the report's portal obligation; the others
    // (registers, the structure) by themselves, and only when updated by period.
    const portal = between('2024-04-01', '2024-04-30', { channel: 'open-data-portal' });
    const datasets = portal.map((o) => (o.itemKind === 'dataset' ? o.itemId : o.dataset)).sort();
    const periodic = catalog.datasets
      .filter((dataset) => dataset.dueDay !== null)
      .map((dataset) => dataset.id)
      .sort();
    expect(datasets).toEqual(periodic);
    expect(portal.filter((o) => o.itemKind === 'dataset').map((o) => o.item)).toEqual([
      'prosecution-bodies-structure',
    ]);
  });

  const collectionsOfQ3 = [
    'corruption-crimes-and-offences',
    'court-work',
    'crime-and-law-enforcement-results',
    'criminal-prosecution-results',
    'drug-related-offences',
    'prosecutorial-supervision-state',
  ];
  it.each([
    ['2019-01-01', '2019-05-05', [], 'before Order 25 came into force (2019-04-29) nothing is due'],
    ['2019-05-06', '2019-05-06', ['1-І', '1-М'], 'day 5 for April 2019: Sun 5 May → Mon 6 May'],
    // Mon 14 Oct: the collections of Q3, and the day-12 reports (1-Н for Q3, 1-ТӨ for September)
    // rolled from Sat 12 Oct.
    ['2019-10-14', '2019-10-14', ['1-Н', '1-ТӨ', ...collectionsOfQ3], 'Mon 14 Oct 2019'],
    ['2024-10-14', '2024-10-14', ['1-Н', '1-ТӨ', ...collectionsOfQ3], 'Mon 14 Oct 2024'],
  ])('%s..%s lists %j: %s', (from, to, items) => {
    expect(between(from, to).map((o) => o.item)).toEqual(items);
  });

  it('lists the collections of 2019-Q3 due on 14 October 2019', () => {
    const collections = between('2019-10-01', '2019-10-31', { channel: 'electronic-collection' });
    expect(collections.map((o) => [o.itemKind, o.period, o.due, o.clause])).toEqual(
      Array(6).fill(['collection', '2019-Q3', '2019-10-14', 'o25.i.p13.1']),
    );
  });

  it('takes a due date that rolls into the range, and leaves one that rolls out of it', () => {
    // 1-М for 2020-06: nominal Sun 5 Jul 2020, due Tue 7 Jul (Mon 6 Jul Capital Day).
    expect(
      brief(between('2020-07-06', '2020-07-07', { item: '1-m', channel: 'information-service' })),
    ).toEqual([['information-service', '2020-06', '2020-07-07']]);
    expect(between('2020-07-05', '2020-07-06', { item: '1-m' })).toEqual([]);
  });

  it('filters by item (code, slug, alias, dataset, collection) and channel', () => {
    expect(brief(between('2024-04-01', '2024-05-31', { item: '1-ОЛ' }))).toEqual([
      ['information-service', '2024-03', '2024-04-12'],
      ['open-data-portal', '2024-Q1', '2024-04-22'],
      ['information-service', '2024-04', '2024-05-13'], // Sun 12 May → Mon 13
    ]);
    expect(between('2024-04-01', '2024-04-30', { item: 'court-work' }).map((o) => o.item)).toEqual([
      'court-work',
    ]);
    expect(
      between('2024-01-01', '2024-12-31', { item: 'prosecution-bodies-structure' }).map((o) => o.period),
    ).toEqual(['2023-Q4', '2024-Q1', '2024-Q2', '2024-Q3']);
    expect(brief(between('2024-04-01', '2024-04-30', { item: '1-m', channel: 'open-data-portal' }))).toEqual([
      ['open-data-portal', '2024-03', '2024-04-22'],
    ]);
  });

  it('answers a ten-year range, and marks the provisional years', () => {
    const obligations = between('2019-01-01', '2029-01-01', { item: '1-М', channel: 'information-service' });
    // April 2019 to November 2028: the report of December 2028 is due in January 2029, after the 1st.
    expect(obligations).toHaveLength(12 * 9 + 8);
    expect(obligations[0]?.period).toBe('2019-04');
    expect(obligations.at(-1)?.period).toBe('2028-11');
    expect(obligations.filter((o) => o.due < '2026-01-01').every((o) => !o.provisional)).toBe(true);
    expect(obligations.filter((o) => o.due >= '2027-01-01').every((o) => o.provisional)).toBe(true);
  });

  it.each([
    ['2024-05-01', '2024-04-30', 'invalid_range', 'from'],
    ['2019-01-01', '2029-01-02', 'range_too_long', 'to'],
    ['2020-02-29', '2030-03-01', 'range_too_long', 'to'],
  ])('rejects %s..%s with %s naming %s', (from, to, code, parameter) => {
    const error = catching(() => between(from, to));
    expect(error).toBeInstanceOf(ObligationInputError);
    expect(error).toMatchObject({ code, parameter });
  });

  it('accepts exactly ten years, 29 February to 28 February included', () => {
    expect(() => between('2020-02-29', '2030-02-28', { item: 'court-work' })).not.toThrow();
  });

  it.each([
    [{ item: 'no-such-report' }, 'unknown_item', 'item'],
    [{ item: '1-H' }, 'unknown_item', 'item'],
    [{ channel: 'fax' }, 'unknown_channel', 'channel'],
  ])('rejects %j', (filter, code, parameter) => {
    expect(catching(() => between('2024-01-01', '2024-12-31', filter))).toMatchObject({ code, parameter });
  });
});

describe('a replacing act loaded from a folder changes the obligations from its date', () => {
  // fixtures/replacing-act: a made-up order in force from 2021-01-25 that repeals Order 25 and
  // keeps three reports (1-М by day 8, 3-К quarterly by day 10, a new yearly 9-Х) and one
  // collection (by the 15th).
  const replacedDue = (item: string, period: string, channel?: string) =>
    brief(dueOf(replaced, calendar, item, period, channel));

  it.each([
    ['2020-12', '2021-01-05', 'o25-2019', 'the day after the period (1 Jan 2021) is before the new act'],
    [
      '2021-01',
      '2021-02-08',
      'o1-2021-made-up',
      'the day after (1 Feb 2021) is under the new act: day 8, Mon',
    ],
  ])('1-М %s is due %s under %s: %s', (period, due, act) => {
    expect(dueOf(replaced, calendar, '1-М', period, 'information-service')).toEqual([
      expect.objectContaining({ due, act }),
    ]);
  });

  it('is unchanged without the fixture', () => {
    expect(brief(dueOf(catalog, calendar, '1-М', '2021-01', 'information-service'))).toEqual([
      ['information-service', '2021-01', '2021-02-05'],
    ]);
  });

  it('drops the reports and collections the new act does not keep, and adds its new ones', () => {
    expect(replacedDue('1-Н', '2020-Q4')).toEqual([
      ['information-service', '2020-Q4', '2021-01-12'],
      ['open-data-portal', '2020-Q4', '2021-01-20'],
    ]);
    expect(replacedDue('1-Н', '2021-Q1')).toEqual([]);
    expect(replacedDue('9-ХХ', '2021')).toEqual([['information-service', '2021', '2022-01-17']]); // Sat 15 Jan → Mon 17
    expect(() => dueOf(replaced, calendar, '3-К', '2021-01')).toThrow(ObligationInputError); // now quarterly
    expect(replacedDue('3-К', '2021-Q1')).toEqual([['information-service', '2021-Q1', '2021-04-12']]); // Sat 10 Apr
    const collections = listObligations(replaced, calendar, {
      from: d('2021-04-01'),
      to: d('2021-04-30'),
      channel: 'electronic-collection',
    });
    expect(collections.map((o) => [o.item, o.due, o.act])).toEqual([
      ['crime-and-law-enforcement-results', '2021-04-15', 'o1-2021-made-up'],
    ]);
  });

  it('rejects an item that only the fixture defines when the fixture is not loaded', () => {
    expect(catching(() => dueOf(catalog, calendar, '9-Х', '2021'))).toMatchObject({ code: 'unknown_item' });
  });
});

function catching(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error, none was thrown');
}
