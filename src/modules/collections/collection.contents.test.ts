// The contents of the six collections as the catalogue states them, against the real catalogue and
// form structures: every form and section named exists, and each form gives one period a quarter.
import { describe, expect, it } from 'vitest';
import { builtInCatalogDir, loadCatalogDir } from '../catalog/index.js';
import { builtInStructuresDir, loadStructuresDir } from '../statistics/index.js';
import {
  collectionsForQuarter,
  periodForQuarter,
  planCollection,
  parseQuarter,
} from './collection.contents.js';

const { catalog } = loadCatalogDir(builtInCatalogDir);
const { structures } = loadStructuresDir(builtInStructuresDir);

describe('the contents of the collections (Order 25, para 12, Appendix 1)', () => {
  it('holds the six collections of Appendix 1, each with its contents and reasoning', () => {
    const collections = collectionsForQuarter(catalog, '2024-Q1');
    expect(collections.map((c) => c.row)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const c of collections) {
      expect(c.contents?.length, c.id).toBeGreaterThan(0);
      for (const content of c.contents ?? []) {
        if (content.basis === 'inferred') expect(content.reasoning, `${c.id} ${content.form}`).toBeTruthy();
      }
    }
  });

  it.each(['2019-Q2', '2024-Q1', '2024-Q4'])('every form and section named exists for %s', (quarter) => {
    for (const collection of collectionsForQuarter(catalog, quarter)) {
      const plan = planCollection(catalog, collection, quarter);
      expect(plan.problems, collection.id).toEqual([]);
      for (const input of plan.inputs) {
        const versions = structures.filter((s) => s.structure.form === input.form.id);
        expect(versions.length, `${collection.id}: structure of ${input.form.id}`).toBeGreaterThan(0);
        const sections = input.content.sections;
        if (sections === 'all') continue;
        for (const section of sections)
          expect(
            versions.some((v) => v.structure.sections.some((s) => s.id === section)),
            `${collection.id}: ${input.form.id} ${section}`,
          ).toBe(true);
      }
    }
  });

  it.each([
    // periodicity, cumulative, quarter → period
    ['quarterly', false, '2024-Q2', '2024-Q2'],
    ['quarterly', true, '2024-Q3', '2024-Q3'],
    ['monthly', true, '2024-Q1', '2024-03'],
    ['monthly', true, '2024-Q4', '2024-12'],
    ['monthly', false, '2024-Q1', null],
    ['yearly', false, '2024-Q1', null],
  ] as const)(
    'a %s form (cumulative %s) gives for %s the period %s',
    (periodicity, cumulative, quarter, period) => {
      expect(periodForQuarter({ periodicity, cumulative }, parseQuarter(quarter)!)).toBe(period);
    },
  );

  it('reads the collection of 1-М from January to the quarter end', () => {
    const crime = collectionsForQuarter(catalog, '2024-Q2').find((c) => c.row === 1)!;
    const plan = planCollection(catalog, crime, '2024-Q2');
    expect(plan.inputs.find((i) => i.form.id === '1-m')?.period).toBe('2024-06');
    expect(plan.inputs.find((i) => i.form.id === '10')?.period).toBe('2024-Q2');
  });

  it('is not a quarter: a month or nonsense', () => {
    expect(parseQuarter('2024-03')).toBeNull();
    expect(parseQuarter('2024-Q5')).toBeNull();
    expect(parseQuarter('x')).toBeNull();
  });
});
