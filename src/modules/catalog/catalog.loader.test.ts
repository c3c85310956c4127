import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatCatalogProblem, inUseOn, loadCatalogDir, type Catalog } from './index.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const shared = fileURLToPath(new URL('../../../../shared/', import.meta.url));
const loaded = loadCatalogDir(`${root}catalog`);
const catalog: Catalog = loaded.catalog;

/** The seed text with every whitespace removed: the printed tables wrap titles anywhere. */
const compact = (text: string) => text.replace(/\s+/g, '');
const seed25 = compact(readFileSync(`${shared}seeds/order-25-2019-instruction.kk.txt`, 'utf8'));
const seed84 = compact(readFileSync(`${shared}seeds/order-84-2019-open-data.kk.txt`, 'utf8'));

interface FormRow {
  appendix2_no: string;
  code: string;
  code_printed_in_act: string;
  slug: string;
  aliases_ru_unverified: string;
  periodicity: string;
  information_service_day: string;
  order84_item: string;
  order84_update_period: string;
  order84_deadline_day: string;
}

function readFormsCsv(): FormRow[] {
  const [header, ...lines] = readFileSync(`${shared}reference/forms.csv`, 'utf8').trim().split('\n');
  const names = header!.split(',');
  return lines.map((line) => {
    const cells = line
      .match(/("([^"]|"")*"|[^,]*)(,|$)/g)!
      .map((cell) => cell.replace(/,$/, '').replace(/^"|"$/g, ''));
    return Object.fromEntries(names.map((name, index) => [name, cells[index] ?? ''])) as unknown as FormRow;
  });
}

describe('the real catalogue', () => {
  it('loads with zero problems', () => {
    expect(loaded.problems.map(formatCatalogProblem)).toEqual([]);
  });

  it.each([
    ['2018-01-01', 0, 0, 0],
    ['2019-04-28', 0, 0, 0],
    ['2019-05-01', 26, 0, 6],
    ['2019-09-01', 26, 29, 6],
    ['2024-01-01', 26, 29, 6],
  ])('on %s uses %i forms, %i datasets, %i collections', (on, forms, datasets, collections) => {
    expect(inUseOn(catalog, catalog.forms, on)).toHaveLength(forms);
    expect(inUseOn(catalog, catalog.datasets, on)).toHaveLength(datasets);
    expect(inUseOn(catalog, catalog.collections, on)).toHaveLength(collections);
  });

  it('holds the five channels of para 3, the 20 regions and the republic', () => {
    expect(inUseOn(catalog, catalog.channels, '2019-09-01').map((channel) => channel.id)).toEqual([
      'request',
      'open-data-portal',
      'electronic-collection',
      'information-service',
      'official-website',
    ]);
    expect(inUseOn(catalog, catalog.regions, '2023-01-01')).toHaveLength(21);
    expect(inUseOn(catalog, catalog.regions, '2019-09-01')).toHaveLength(18);
  });

  it('copies clauses.yaml of shared/reference unchanged', () => {
    const reference = parse(readFileSync(`${shared}reference/clauses.yaml`, 'utf8')) as unknown;
    expect(catalog.clauses).toEqual(reference);
  });

  it('has every report of forms.csv with its identity, periods and days', () => {
    const rows = readFormsCsv();
    expect(rows).toHaveLength(26);
    for (const row of rows) {
      const form = catalog.forms.find((candidate) => candidate.slug === row.slug);
      expect(form, row.slug).toBeDefined();
      expect(form).toMatchObject({
        id: row.slug,
        code: row.code || null,
        codePrinted: row.code_printed_in_act || null,
        listNo: Number(row.appendix2_no),
        periodicity: row.periodicity,
        aliasesRu: row.aliases_ru_unverified ? [{ alias: row.aliases_ru_unverified, verified: false }] : [],
      });
      const service = form!.obligations.find((obligation) => obligation.channel === 'information-service');
      expect(service).toMatchObject({ period: row.periodicity, dueDay: Number(row.information_service_day) });
      const portal = form!.obligations.find((obligation) => obligation.channel === 'open-data-portal');
      if (row.order84_item === '') expect(portal, row.slug).toBeUndefined();
      else {
        expect(portal).toMatchObject({
          period: row.order84_update_period,
          dueDay: Number(row.order84_deadline_day),
          clause: `o84.list.item${row.order84_item}`,
        });
      }
    }
  });

  it('puts 1-ТӨ monthly on the information service and quarterly on the portal', () => {
    const form = catalog.forms.find((candidate) => candidate.code === '1-ТӨ')!;
    expect(form.obligations.map(({ channel, period, dueDay }) => [channel, period, dueDay])).toEqual([
      ['information-service', 'monthly', 12],
      ['open-data-portal', 'quarterly', 20],
    ]);
  });

  it('copies the Kazakh titles of Order 25 verbatim', () => {
    for (const form of catalog.forms) expect(seed25.includes(compact(form.titles.kk)), form.id).toBe(true);
    for (const channel of catalog.channels)
      expect(seed25.includes(compact(channel.titles.kk)), channel.id).toBe(true);
    for (const collection of catalog.collections) {
      expect(seed25.includes(compact(collection.titles.kk)), collection.id).toBe(true);
      expect(seed25.includes(compact(collection.titleKkPrinted.appendix1)), collection.id).toBe(true);
    }
    const acts = catalog.acts.filter((act) => ['o25-2019', 'law-221-2007', 'law-510-2003'].includes(act.id));
    for (const act of acts) expect(seed25.includes(compact(act.titles.kk)), act.id).toBe(true);
  });

  it('copies the Kazakh titles of Order 84 verbatim', () => {
    // The printed table wraps its columns into each other: item 28's code is printed after the
    // other cells of its row, and item 23 across them; such pieces are checked one by one.
    for (const dataset of catalog.datasets) {
      const pieces =
        dataset.listNo === 23 ? dataset.titles.kk.split(' ') : dataset.titles.kk.split(/(?<=") /);
      for (const piece of pieces)
        expect(seed84.includes(compact(piece)), `${dataset.id}: ${piece}`).toBe(true);
    }
    for (const act of catalog.acts.filter((candidate) => ['o84-2019', 'o22-2016'].includes(candidate.id))) {
      expect(seed84.includes(compact(act.titles.kk)), act.id).toBe(true);
    }
  });

  it('keeps the recipients of the lost columns of Appendix 1 as unresolved data', () => {
    const collection = catalog.collections.find((candidate) => candidate.row === 6)!;
    expect(collection.recipients.filter((recipient) => recipient.status === 'unresolved')).toHaveLength(8);
    expect(collection.recipients.find((recipient) => recipient.position === 'P2')?.count).toBe(2);
    expect(collection.obligations[0]).toMatchObject({
      period: 'quarterly',
      dueDay: 14,
      clause: 'o25.i.p13.1',
    });
  });

  it('names the capital by the date under one id', () => {
    const capital = catalog.regions.find((region) => region.id === '71')!;
    const nameOn = (on: string) =>
      capital.names.find(
        (name) => name.validFrom <= on && (name.validUntil === null || on <= name.validUntil),
      )?.en;
    expect([nameOn('2019-03-22'), nameOn('2019-03-23'), nameOn('2022-09-16'), nameOn('2022-09-17')]).toEqual([
      'Astana city',
      'Nur-Sultan city',
      'Nur-Sultan city',
      'Astana city',
    ]);
  });

  it('skips the calendar folder, which its own module reads', () => {
    expect(loaded.problems.some((problem) => problem.file.includes('/calendar/'))).toBe(false);
  });
});
