import {
  CATALOG_KINDS,
  catalogKinds,
  type Catalog,
  type CatalogEntry,
  type CatalogKind,
  type EntryOrigin,
} from './catalog.kinds.js';
import type { CatalogProblem, CatalogProblemCode } from './catalog.problem.js';
import { referencesOf, type ReferenceTarget } from './catalog.references.js';
import { checkCollections, checkDatasets, checkForms, checkRegions } from './catalog.agreement.js';
import type { CheckContext } from './catalog.problem.js';

// The checks that a schema cannot express: duplicates, overlapping versions, references across
// files, and the agreement of the lists with each other. Every problem is listed.

export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

export interface CheckCatalogOptions {
  /** Where each entry was read; entries without an origin are named by their place in the catalogue. */
  readonly origins?: ReadonlyMap<object, EntryOrigin>;
  /** Ids declared in the files, even by entries that failed their schema (no cascade of unknown references). */
  readonly declaredIds?: ReadonlyMap<CatalogKind, ReadonlySet<string>>;
  readonly locate?: (file: string, pointer: string) => SourcePosition | undefined;
}

interface Versioned {
  id: string;
  validFrom: string;
  validUntil: string | null;
  act?: string;
}

/** Cross-checks a whole catalogue (every entry of which already passed its schema). */
export function checkCatalog(catalog: Catalog, options: CheckCatalogOptions = {}): CatalogProblem[] {
  const problems: CatalogProblem[] = [];

  const originOf = (kind: CatalogKind, entry: object): EntryOrigin =>
    options.origins?.get(entry) ?? {
      file: '(catalog)',
      pointer: `/${kind}/${(catalog[kind] as readonly object[]).indexOf(entry)}`,
    };
  const placeOf = (kind: CatalogKind, entry: object) => {
    const origin = originOf(kind, entry);
    return `${origin.file}#${origin.pointer}`;
  };
  const report = (
    kind: CatalogKind,
    entry: object,
    subPointer: string,
    code: CatalogProblemCode,
    message: string,
  ) => {
    const origin = originOf(kind, entry);
    const pointer = origin.pointer + subPointer;
    problems.push({ file: origin.file, pointer, ...options.locate?.(origin.file, pointer), code, message });
  };

  const idsOf = (kind: CatalogKind): Set<string> => {
    const ids = new Set<string>(options.declaredIds?.get(kind) ?? []);
    for (const entry of catalog[kind] as readonly { id: string }[]) ids.add(entry.id);
    return ids;
  };
  const knownIds = new Map<ReferenceTarget, Set<string>>(
    (
      ['acts', 'clauses', 'channels', 'forms', 'datasets', 'registers', 'organisations', 'regions'] as const
    ).map((kind) => [kind, idsOf(kind)]),
  );
  const actById = new Map(catalog.acts.map((act) => [act.id, act]));

  for (const kind of CATALOG_KINDS) {
    checkIdsAndVersions(kind);
    for (const entry of catalog[kind]) {
      checkReferences(kind, entry);
      checkStartAfterAct(kind, entry as unknown as Versioned);
    }
  }
  checkActs();
  const context: CheckContext = { catalog, report, placeOf };
  checkForms(context);
  checkDatasets(context);
  checkCollections(context);
  checkRegions(context);
  checkNumbering('forms', 'listNo');
  checkNumbering('datasets', 'listNo');
  checkNumbering('channels', 'listNo');
  checkNumbering('collections', 'row');
  return problems;

  // Entries are keyed by (id, validFrom); versions of one id must not overlap. An open-ended
  // version is closed by a later version from another act (a replacing act), not from its own.
  function checkIdsAndVersions(kind: CatalogKind): void {
    const groups = new Map<string, Versioned[]>();
    for (const entry of catalog[kind] as readonly Versioned[]) {
      const group = groups.get(entry.id) ?? [];
      group.push(entry);
      groups.set(entry.id, group);
    }
    for (const [id, group] of groups) {
      if (!catalogKinds[kind].versioned) {
        for (const duplicate of group.slice(1)) {
          report(
            kind,
            duplicate,
            '/id',
            'duplicate_id',
            `duplicate id "${id}", first at ${placeOf(kind, group[0]!)}`,
          );
        }
        continue;
      }
      for (const entry of group) {
        if (entry.validUntil !== null && entry.validUntil < entry.validFrom) {
          report(
            kind,
            entry,
            '/validUntil',
            'invalid_range',
            `validUntil ${entry.validUntil} is before validFrom ${entry.validFrom}`,
          );
        }
      }
      const sorted = [...group].sort((a, b) =>
        a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0,
      );
      for (let index = 1; index < sorted.length; index++) {
        const [earlier, later] = [sorted[index - 1]!, sorted[index]!];
        if (earlier.validFrom === later.validFrom) {
          report(
            kind,
            later,
            '/id',
            'duplicate_id',
            `duplicate id "${id}" with validFrom ${later.validFrom}, also at ${placeOf(kind, earlier)}`,
          );
        } else if (
          earlier.validUntil !== null ? earlier.validUntil >= later.validFrom : earlier.act === later.act
        ) {
          const until = earlier.validUntil ?? 'open-ended';
          report(
            kind,
            later,
            '/validFrom',
            'overlapping_validity',
            `version of "${id}" from ${later.validFrom} overlaps the version ${earlier.validFrom} to ${until} at ${placeOf(kind, earlier)}`,
          );
        }
      }
    }
  }

  function checkReferences(kind: CatalogKind, entry: CatalogEntry<CatalogKind>): void {
    for (const reference of referencesOf(kind, entry)) {
      if (!knownIds.get(reference.target)?.has(reference.id)) {
        report(
          kind,
          entry,
          reference.pointer,
          'unknown_reference',
          `unknown ${singular(reference.target)} "${reference.id}"`,
        );
        continue;
      }
      const prefix = reference.act ? actById.get(reference.act)?.clausePrefix : undefined;
      if (reference.target === 'clauses' && prefix && !reference.id.startsWith(`${prefix}.`)) {
        report(
          kind,
          entry,
          reference.pointer,
          'inconsistent',
          `clause "${reference.id}" is not a clause of act "${reference.act}" (its clauses start with "${prefix}.")`,
        );
      }
    }
  }

  function checkStartAfterAct(kind: CatalogKind, entry: Versioned): void {
    if (kind === 'acts' || entry.act === undefined) return;
    const act = actById.get(entry.act);
    if (act && entry.validFrom < act.validFrom) {
      report(
        kind,
        entry,
        '/validFrom',
        'starts_before_act',
        `starts ${entry.validFrom}, before its act "${act.id}" comes into force on ${act.validFrom}`,
      );
    }
  }

  function checkActs(): void {
    for (const act of catalog.acts) {
      if (act.repealedBy !== null && act.validUntil === null) {
        report(
          'acts',
          act,
          '/validUntil',
          'inconsistent',
          'a repealed act needs validUntil, its last day in force (marked estimated if computed)',
        );
      }
      if (act.repeals.includes(act.id))
        report('acts', act, '/repeals', 'inconsistent', 'an act cannot repeal itself');
    }
  }

  // The items of one act's list have distinct numbers.
  function checkNumbering<K extends 'forms' | 'datasets' | 'channels' | 'collections'>(
    kind: K,
    field: 'listNo' | 'row',
  ): void {
    const seen = new Map<string, { id: string; entry: object }>();
    for (const entry of catalog[kind] as readonly (Versioned & Record<string, unknown>)[]) {
      const key = `${entry.act ?? ''}#${String(entry[field])}`;
      const first = seen.get(key);
      if (first && first.id !== entry.id) {
        report(
          kind,
          entry,
          `/${field}`,
          'duplicate_number',
          `${field} ${String(entry[field])} of act "${entry.act ?? ''}" is also "${first.id}" at ${placeOf(kind, first.entry)}`,
        );
      } else if (!first) {
        seen.set(key, { id: entry.id, entry });
      }
    }
  }
}

function singular(target: ReferenceTarget): string {
  return {
    acts: 'act',
    clauses: 'clause',
    channels: 'channel',
    forms: 'form',
    datasets: 'dataset',
    registers: 'register',
    organisations: 'organisation',
    regions: 'region',
  }[target];
}
