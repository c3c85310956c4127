// What a publication shows the public of one section, read from its revisions alone
// (publishedSectionCoverage, for the request check), against what the table read from the same
// revisions shows (readTable): the same breakdown values, the republic complete or summed from
// part of the regions, the same missing regions, demonstration or not. Over the real figures that
// ship with zanstat (1-М by region, 3-К by agency, ТМД-1), each set whole and with regions left out.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { anonymousActor, systemActor } from '../../platform/usecase.js';
import { DomainError } from '../../platform/errors/index.js';
import { createTestApp, type TestContext } from '../../../test/support/test-app.js';
import {
  builtInStructuresDir,
  coverageOfStore,
  loadFormStructures,
  loadShippedFigures,
  publishedSectionCoverage,
  readTable,
  structureFor,
  parsePeriodAt,
} from './index.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
  await loadFormStructures(t.deps, systemActor('test'), { dir: builtInStructuresDir });
  await loadShippedFigures(t.deps);
}, 120_000);
afterAll(async () => t.close());

/** What the table read from these revisions shows the public, in the coverage's terms. */
async function fromTable(form: string, section: string, period: string, ids: readonly number[]) {
  try {
    const table = await readTable(t.deps, anonymousActor, {
      form,
      section,
      period,
      revisions: async () => ids,
    });
    const missing = table.republic && !table.republic.stored ? table.republic.missingRegions : [];
    const states = new Map<string, string>();
    for (const c of table.columns)
      states.set(c.breakdown, c.kind === 'derived' && missing.length > 0 ? 'partial' : 'complete');
    return { states, missing, demonstration: table.columns.some((c) => c.origin === 'synthetic') };
  } catch (err) {
    if (err instanceof DomainError && err.category === 'not_found') return 'hidden' as const;
    throw err;
  }
}

it('tells the same regions, republic and gaps as the table read from the same revisions', async () => {
  const sets = await coverageOfStore(t.db);
  expect(new Set(sets.map((s) => s.form))).toEqual(new Set(['1-m', 'tmd-1', '3-k']));
  let compared = 0;
  let partial = 0;
  for (const set of sets) {
    const stored = await structureFor(t.db, set.form, parsePeriodAt(set.period, '/period'));
    // the whole set; without its stored total (the republic summed); without it and two regions
    const total = set.breakdowns.includes('00') ? set.revisionIds[set.breakdowns.indexOf('00')] : undefined;
    const withoutTotal = set.revisionIds.filter((id) => id !== total);
    const variants = [set.revisionIds, withoutTotal, withoutTotal.slice(2), []];
    for (const section of stored!.structure.sections) {
      for (const ids of variants) {
        const input = { form: set.form, section: section.id, period: set.period, revisionIds: ids };
        const coverage = await publishedSectionCoverage(t.db, input);
        expect(coverage, `${set.form} ${section.id} ${set.period} (${ids.length} revisions)`).toEqual(
          await fromTable(set.form, section.id, set.period, ids),
        );
        if (coverage !== 'hidden' && [...coverage.states.values()].includes('partial')) partial++;
        compared++;
      }
    }
  }
  expect(compared).toBeGreaterThan(100);
  // the republic summed from part of the regions is met, not only the complete case
  expect(partial).toBeGreaterThan(0);
});

it('answers a section that is not there as hidden, as the table read does', async () => {
  const [set] = await coverageOfStore(t.db, '1-m');
  const input = { form: '1-m', section: 'R99', period: set!.period, revisionIds: set!.revisionIds };
  expect(await publishedSectionCoverage(t.db, input)).toBe('hidden');
  expect(await fromTable('1-m', 'R99', set!.period, set!.revisionIds)).toBe('hidden');
});
