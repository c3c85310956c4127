// A region's name on a day, from its dated names (regions.yaml): "город Нур-Султан" in 2020,
// "город Астана" from 17.09.2022. What a person reads instead of a KATO code.
import type { Catalog } from './catalog.kinds.js';

/** The names of a region (or of the republic, `00`) on a day; null for a code the catalogue lacks. */
export function regionNameOn(
  catalog: Pick<Catalog, 'regions'>,
  id: string,
  on: string,
): { kk: string; ru: string; en: string } | null {
  const versions = catalog.regions.filter((r) => r.id === id);
  const names = versions.flatMap((r) => r.names);
  const name =
    names.find((n) => n.validFrom <= on && (n.validUntil === null || on <= n.validUntil)) ??
    // A day outside every name (a code read after the region ended): its last name.
    [...names].sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1)).at(-1);
  return name ? { kk: name.kk, ru: name.ru, en: name.en } : null;
}
