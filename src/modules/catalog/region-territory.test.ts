import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCatalogDir, territoryChangesBetween } from './index.js';

const { catalog } = loadCatalogDir(fileURLToPath(new URL('../../../catalog', import.meta.url)));

describe('whether a region compares across two periods (regions.yaml, territoryChanged)', () => {
  // region, first day of the earlier period, last day of the later one → the day its territory changed
  it.each([
    ['10', '2021-01-01', '2022-12-31', '2022-06-08'], // Abai: formed from East Kazakhstan
    ['33', '2021-01-01', '2022-12-31', '2022-06-08'], // Zhetisu: formed from Almaty Region
    ['62', '2021-01-01', '2022-12-31', '2022-06-08'], // Ulytau: formed from Karaganda
    ['19', '2021-01-01', '2022-12-31', '2022-06-08'], // Almaty Region: Zhetisu cut from it
    ['35', '2021-10-01', '2022-12-31', '2022-06-08'], // Karaganda: Ulytau cut from it
    ['63', '2021-12-01', '2022-12-31', '2022-06-08'], // East Kazakhstan: Abai cut from it
    ['19', '2022-01-01', '2023-12-31', '2022-06-08'], // 2023 against January–December 2022
    ['19', '2022-01-01', '2022-06-08', '2022-06-08'], // the later period ends on the day
    ['19', '2022-01-01', '2022-06-07', null], // both periods before the reform
    ['19', '2022-06-08', '2023-12-31', null], // the earlier period starts on the day: after it
    ['19', '2023-01-01', '2024-12-31', null], // both after
    ['11', '2021-01-01', '2022-12-31', null], // Akmola: untouched
    ['71', '2019-01-01', '2022-12-31', null], // the capital renamed twice, its territory kept
    ['61', '2017-01-01', '2018-12-31', null], // 2018: renamed, not flagged in the catalogue
    ['00', '2021-01-01', '2022-12-31', null], // the republic
    ['99', '2021-01-01', '2022-12-31', null], // a code the catalogue lacks
  ] as const)('%s from %s to %s: territory changed on %s', (region, from, to, changed) => {
    const changes = territoryChangesBetween(catalog, region, from, to);
    expect(changes.map((c) => c.date)).toEqual(changed ? [changed] : []);
    for (const c of changes) {
      // the basis: the Presidential decree of 3 May 2022, cited in the three languages
      expect(c.basis).toMatchObject({
        kind: 'presidential-decree',
        signed: '2022-05-03',
        inForce: '2022-06-08',
      });
      expect(c.basis!.titles.ru).toContain('Указ Президента Республики Казахстан от 3 мая 2022 года');
      expect(c.basis!.titles.kk).toContain('Жарлығы');
      expect(c.basis!.titles.en).toContain('Decree of the President');
    }
  });
});
