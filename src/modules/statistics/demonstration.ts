// Demonstration data for the forms with no real published figures: on an empty store, the last
// periods up to the end of 2024 of every provisional form, every region, made by the generator
// and stored with origin `synthetic` — said so in every answer that shows them.
import { formatPeriod, parsePeriod, periodEnd, periodsBetween, localDate } from '../calendar/index.js';
import { currentCatalog, inForceOn } from '../catalog/index.js';
import { systemActor, type Deps } from '../../platform/usecase.js';
import * as repo from './statistics.structures.repository.js';
import { submitFigures } from './statistics.service.js';
import { generateSynthetic } from './synthetic.js';
import { periodHasFigures } from './official-figures.js';

export async function loadDemonstrationFigures(
  deps: Deps,
  opts: { until?: string; periods?: number } = {},
  progress: (message: string) => void = () => undefined,
): Promise<{ submissions: number; revisions: number }> {
  const until = localDate(opts.until ?? '2024-12-31');
  const count = opts.periods ?? 4;
  const { catalog } = await currentCatalog(deps.db);
  const structures = (await repo.findStructures(deps.db)).filter((s) => s.structure.provisional);
  let submissions = 0;
  let revisions = 0;
  for (const s of structures) {
    const form = catalog.forms.find((f) => f.id === s.form);
    if (!form) continue;
    const periodicity = parsePeriod(s.validFromPeriod).periodicity;
    const all = periodsBetween(localDate('2019-01-01'), until, periodicity).filter(
      (p) => periodEnd(p) <= until,
    );
    for (const period of all.slice(-count)) {
      const periodText = formatPeriod(period);
      if (periodText < s.validFromPeriod || (await periodHasFigures(deps.db, s.form, periodText))) continue;
      const regions = inForceOn(catalog.regions, periodEnd(period)).filter(
        (r) => r.id !== s.structure.breakdown.total,
      );
      const parts = regions.map((r) => ({
        breakdown: r.id,
        breakdownRef: 'demonstration',
        values: generateSynthetic(
          s.structure,
          `${s.form}|${periodText}|${r.id}`,
          60 + 40 * (Number(r.id) % 5),
        ),
      }));
      const res = await submitFigures(deps, systemActor('demonstration'), {
        form: s.form,
        period: periodText,
        channel: 'import',
        origin: 'synthetic',
        parts,
      });
      submissions++;
      revisions += res.revisions.length;
      progress(`${res.code} ${periodText}: ${res.revisions.length} synthetic revisions`);
    }
  }
  return { submissions, revisions };
}
