// Whether a region's figures for two stretches of time compare: a region whose territory changed
// between them (regions.yaml, `territoryChanged` in its history: the regions formed in 2022 and
// the ones they were cut from) covers another land before and after, so a change computed by its
// code would measure the redrawing, not the figures.
import type { Catalog } from './catalog.kinds.js';
import type { RegionChangeBasis } from './region.schema.js';

export interface TerritoryChange {
  region: string;
  /** the first day the region covers its new territory */
  date: string;
  basis: RegionChangeBasis | null;
}

/**
 * The changes of a region's territory that fall between the first day of the earlier stretch
 * (`from`) and the last day of the later one (`to`): a change on `from` itself is before both.
 * None: the figures compare. The republic and a code the catalogue lacks have none.
 */
export function territoryChangesBetween(
  catalog: Pick<Catalog, 'regions'>,
  id: string,
  from: string,
  to: string,
): TerritoryChange[] {
  const events = catalog.regions.filter((r) => r.id === id).flatMap((r) => r.history ?? []);
  const changes = events
    .filter((e) => e.territoryChanged === true && e.date > from && e.date <= to)
    .map((e) => ({ region: id, date: e.date, basis: e.basis ?? null }));
  return [...new Map(changes.map((c) => [c.date, c])).values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}
