// The calendar's due-date tests use a hand copy of Appendix 2 (its module may not read the
// catalogue); this ties that copy to the catalogue, so the two cannot drift apart.
import { expect, it } from 'vitest';
import { APPENDIX_2_FORMS } from '../calendar/fixtures/appendix-2-forms.js';
import { loadCatalogDirs } from './catalog.loader.js';

it('the hand copy of Appendix 2 in the calendar tests equals the catalogue', () => {
  const { catalog, problems } = loadCatalogDirs(['catalog']);
  expect(problems).toEqual([]);
  const fromCatalog = catalog.forms
    .filter((f) => f.act === 'o25-2019')
    .sort((a, b) => a.listNo - b.listNo)
    .map((f) => {
      const o = f.obligations.find((x) => x.channel === 'information-service')!;
      return { code: f.code ?? f.id, periodicity: o.period, dueDay: o.dueDay };
    });
  expect(fromCatalog).toEqual([...APPENDIX_2_FORMS]);
});
