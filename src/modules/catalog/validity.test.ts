import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  actStatusOn,
  findForm,
  formatCatalogProblem,
  inForceOn,
  inUseOn,
  loadCatalogDir,
  loadCatalogDirs,
  obligationsInUseOn,
  repealNotices,
} from './index.js';

const root = fileURLToPath(new URL('../../../catalog', import.meta.url));
const replacingAct = fileURLToPath(new URL('./fixtures/replacing-act', import.meta.url));

describe('inForceOn', () => {
  const versions = [
    { id: 'a', validFrom: '2020-01-01', validUntil: null, tag: 'a1' },
    { id: 'a', validFrom: '2021-01-01', validUntil: '2021-12-31', tag: 'a2' },
    { id: 'b', validFrom: '2020-06-01', validUntil: '2020-06-30', tag: 'b1' },
  ];
  it.each([
    ['2019-12-31', []],
    ['2020-01-01', ['a1']],
    ['2020-06-30', ['a1', 'b1']],
    ['2020-07-01', ['a1']],
    ['2020-12-31', ['a1']],
    ['2021-01-01', ['a2']],
    ['2021-12-31', ['a2']],
    ['2022-01-01', []],
  ])('on %s gives %j', (on, tags) => {
    expect(inForceOn(versions, on).map((entry) => entry.tag)).toEqual(tags);
  });
});

describe('the base catalogue over time', () => {
  const { catalog } = loadCatalogDir(root);

  it.each([
    ['2019-09-01', []],
    ['2021-01-17', []],
    ['2021-01-18', ['o25-2019']],
    ['2021-12-20', ['o25-2019', 'o84-2019']],
    ['2024-01-01', ['o25-2019', 'o84-2019']],
  ])('on %s marks the lists of the repealed acts %j', (on, acts) => {
    const forms = inUseOn(catalog, catalog.forms, on);
    expect(repealNotices(catalog, forms, on).map((notice) => notice.act)).toEqual(acts);
  });

  it('says which act was repealed, by what and when, and that no replacement is loaded', () => {
    const on = '2024-01-01';
    const [notice] = repealNotices(catalog, inUseOn(catalog, catalog.collections, on), on);
    expect(notice).toMatchObject({
      act: 'o25-2019',
      number: '25',
      repealedBy: { number: '1', date: '2021-01-08' },
      lastDayInForce: '2021-01-17',
      lastDayEstimated: true,
      replacementLoaded: false,
    });
    expect(actStatusOn(catalog, 'o25-2019', on)).toBe('repealed-not-replaced');
  });

  it('applies the open-data obligation only once Order 84 is in force', () => {
    const form = findForm(catalog, '1-ТӨ', '2019-06-01')!;
    expect(obligationsInUseOn(catalog, form, '2019-06-01').map((obligation) => obligation.channel)).toEqual([
      'information-service',
    ]);
    expect(obligationsInUseOn(catalog, form, '2019-09-01').map((obligation) => obligation.channel)).toEqual([
      'information-service',
      'open-data-portal',
    ]);
  });
});

describe('a replacing act loaded from its own folder', () => {
  const { catalog, problems } = loadCatalogDirs([root, replacingAct]);

  it('loads with the base catalogue with zero problems', () => {
    expect(problems.map(formatCatalogProblem)).toEqual([]);
  });

  it.each([
    ['2021-01-24', 26, 6, 5],
    ['2021-01-25', 3, 1, 3],
    ['2024-01-01', 3, 1, 3],
  ])('on %s the lists hold %i forms, %i collections, %i channels', (on, forms, collections, channels) => {
    expect(inUseOn(catalog, catalog.forms, on)).toHaveLength(forms);
    expect(inUseOn(catalog, catalog.collections, on)).toHaveLength(collections);
    expect(inUseOn(catalog, catalog.channels, on)).toHaveLength(channels);
  });

  it('changes a report from its date', () => {
    const dueDay = (on: string) =>
      findForm(catalog, '1-М', on)?.obligations.find(
        (obligation) => obligation.channel === 'information-service',
      )?.dueDay;
    expect([dueDay('2021-01-24'), dueDay('2021-01-25')]).toEqual([5, 8]);
    expect(findForm(catalog, '1-Н', '2021-01-25')).toBeUndefined();
    expect(findForm(catalog, '9-ХХ', '2021-01-25')?.id).toBe('made-up-9');
  });

  it('leaves the datasets of Order 84, which it does not repeal', () => {
    expect(inUseOn(catalog, catalog.datasets, '2021-06-01')).toHaveLength(29);
  });

  it.each([
    ['2021-01-20', ['o25-2019']],
    ['2021-02-01', []],
    ['2022-01-01', ['o84-2019']],
  ])('on %s marks %j as repealed with no replacement', (on, acts) => {
    const forms = inUseOn(catalog, catalog.forms, on);
    expect(repealNotices(catalog, forms, on).map((notice) => notice.act)).toEqual(acts);
  });

  it('tells the status of the replaced act', () => {
    expect(actStatusOn(catalog, 'o25-2019', '2021-01-24')).toBe('repealed-not-replaced');
    expect(actStatusOn(catalog, 'o25-2019', '2021-01-25')).toBe('replaced');
    expect(actStatusOn(catalog, 'o1-2021-made-up', '2021-01-01')).toBe('not-yet-in-force');
  });
});
