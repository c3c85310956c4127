import type { Act, ActReference } from './act.schema.js';
import type { IsoDate } from './common.schema.js';
import type { Catalog } from './catalog.kinds.js';
import type { Obligation } from './form.schema.js';

// When an entry is in force, and when the system uses it. Dates are `YYYY-MM-DD` strings, which
// compare correctly as text.

export interface Validity {
  readonly validFrom: IsoDate;
  readonly validUntil: IsoDate | null;
}

export interface VersionedEntry extends Validity {
  readonly id: string;
}

/**
 * The entries in force on a day, by their own dates: for each id, the version that started last
 * on or before `on`, if it has not ended. A later version closes an open-ended earlier one.
 */
export function inForceOn<T extends VersionedEntry>(entries: readonly T[], on: IsoDate): T[] {
  const current = new Map<string, T>();
  for (const entry of entries) {
    if (entry.validFrom > on) continue;
    const best = current.get(entry.id);
    if (!best || entry.validFrom > best.validFrom) current.set(entry.id, entry);
  }
  return entries.filter(
    (entry) => current.get(entry.id) === entry && (entry.validUntil === null || on <= entry.validUntil),
  );
}

/** A loaded act that repeals `actId` and is in force on `on`, if any. */
export function replacingActOn(catalog: Catalog, actId: string, on: IsoDate): Act | undefined {
  return catalog.acts.find((act) => act.repeals.includes(actId) && act.validFrom <= on);
}

/**
 * Whether the lists and rules of an act are used on a day: it has come into force and no loaded
 * act replaces it yet. An act that was repealed with no replacement loaded stays in use (the
 * issue's rule: the list in use until a replacing act is loaded) — see `repealNotices`.
 */
export function actInUseOn(catalog: Catalog, actId: string, on: IsoDate): boolean {
  const act = catalog.acts.find((candidate) => candidate.id === actId);
  if (!act || act.validFrom > on) return false;
  return replacingActOn(catalog, actId, on) === undefined;
}

/**
 * The entries the system uses on a day: in force by their own dates, and, for an entry of an act,
 * that act in use (not replaced by a loaded act).
 */
export function inUseOn<T extends VersionedEntry & { readonly act?: string }>(
  catalog: Catalog,
  entries: readonly T[],
  on: IsoDate,
): T[] {
  return inForceOn(entries, on).filter(
    (entry) => entry.act === undefined || actInUseOn(catalog, entry.act, on),
  );
}

/** The obligations of a form or collection that apply on a day: those whose act is in use. */
export function obligationsInUseOn(
  catalog: Catalog,
  item: { readonly obligations: readonly Obligation[] },
  on: IsoDate,
) {
  return item.obligations.filter((obligation) => actInUseOn(catalog, obligation.act, on));
}

export type ActStatus = 'not-yet-in-force' | 'in-force' | 'repealed-not-replaced' | 'replaced';

/** Where an act stands on a day. */
export function actStatusOn(catalog: Catalog, actId: string, on: IsoDate): ActStatus | undefined {
  const act = catalog.acts.find((candidate) => candidate.id === actId);
  if (!act) return undefined;
  if (act.validFrom > on) return 'not-yet-in-force';
  if (replacingActOn(catalog, actId, on)) return 'replaced';
  if (act.validUntil !== null && on > act.validUntil) return 'repealed-not-replaced';
  return 'in-force';
}

/**
 * Said wherever a list is used whose act was repealed and no replacing act is loaded: which act,
 * repealed by what, its last day in force (and whether that day is computed), no replacement.
 */
export interface RepealNotice {
  readonly act: string;
  readonly number: string;
  readonly date: IsoDate;
  readonly titles: Act['titles'];
  readonly repealedBy: ActReference | null;
  readonly lastDayInForce: IsoDate;
  readonly lastDayEstimated: boolean;
  readonly replacementLoaded: false;
}

/**
 * The repeal notices for the entries used on a day (and the acts of their obligations): one per
 * act that was repealed by `on` with no loaded act replacing it.
 */
export function repealNotices(
  catalog: Catalog,
  entries: readonly { readonly act?: string; readonly obligations?: readonly Obligation[] }[],
  on: IsoDate,
): RepealNotice[] {
  const actIds = new Set<string>();
  for (const entry of entries) {
    if (entry.act !== undefined) actIds.add(entry.act);
    for (const obligation of entry.obligations ?? []) actIds.add(obligation.act);
  }
  const notices: RepealNotice[] = [];
  for (const act of catalog.acts) {
    if (!actIds.has(act.id) || act.validUntil === null) continue;
    if (actStatusOn(catalog, act.id, on) !== 'repealed-not-replaced') continue;
    notices.push({
      act: act.id,
      number: act.number,
      date: act.date,
      titles: act.titles,
      repealedBy: act.repealedBy,
      lastDayInForce: act.validUntil,
      lastDayEstimated: isEstimated(act, 'validUntil'),
      replacementLoaded: false,
    });
  }
  return notices;
}

/** Whether a date field of an entry was computed rather than read. */
export function isEstimated(
  entry: { readonly estimated?: true | readonly ('validFrom' | 'validUntil')[] },
  field: 'validFrom' | 'validUntil',
): boolean {
  if (entry.estimated === undefined) return false;
  return entry.estimated === true || entry.estimated.includes(field);
}
