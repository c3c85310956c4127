// The figures a collection is built from: for each form of its plan, the publication in force
// (Order 25, para 12: collections are made of published statistics), and the tables read from it
// by the same query the public API uses, with or without the official-use parts.
import { parsePeriod } from '../calendar/index.js';
import { publicationsOf, type PublishedEntry } from '../publishing/index.js';
import { readTable, structureFor, type Table } from '../statistics/index.js';
import { DomainError } from '../../platform/errors/index.js';
import type { Actor, Deps } from '../../platform/usecase.js';
import type { CollectionPlan, PlannedInput } from './collection.contents.js';

export interface InputState extends PlannedInput {
  /** the publication in force, or null: not yet published */
  publication: PublishedEntry | null;
}

/** What each input of the plan has been published as, at `at`. */
export async function inputStates(deps: Deps, plan: CollectionPlan, at: Date): Promise<InputState[]> {
  return Promise.all(
    plan.inputs.map(async (input) => ({
      ...input,
      publication: (await publicationsOf(deps.db, input.form.id, input.period, at)).at(-1) ?? null,
    })),
  );
}

export interface CollectionTable {
  input: PlannedInput;
  table: Table;
}

/**
 * Every table of the collection, read from the publications: each section the content names (or
 * all), the total alone or every breakdown value, only the row kinds it names. A section the
 * copy's reader may not see is left out, not disclosed.
 */
export async function readCollectionTables(
  deps: Deps,
  actor: Actor,
  inputs: readonly InputState[],
  officialUse: boolean,
): Promise<CollectionTable[]> {
  const out: CollectionTable[] = [];
  for (const input of inputs) {
    const publication = input.publication;
    if (!publication) continue;
    const stored = await structureFor(deps.db, input.form.id, parsePeriod(input.period));
    if (!stored) continue;
    const { content } = input;
    const sections =
      content.sections === 'all' ? stored.structure.sections.map((s) => s.id) : content.sections;
    for (const section of sections) {
      let table: Table;
      try {
        table = await readTable(deps, actor, {
          form: input.form.id,
          section,
          period: input.period,
          ...(content.breakdown === 'total' ? { breakdown: stored.structure.breakdown.total } : {}),
          revisions: async (p) => (p === input.period ? publication.revisionIds : null),
          earlierRevisions: [],
          officialUse,
        });
      } catch (err) {
        if (err instanceof DomainError && err.category === 'not_found') continue;
        throw err;
      }
      if (content.breakdown === 'total')
        table.columns = table.columns.filter((c) => c.breakdown === stored.structure.breakdown.total);
      if (content.rowKinds) {
        const kinds = new Set<string>(content.rowKinds);
        table.rows = table.rows.filter((r) => kinds.has(r.kind));
      }
      out.push({ input, table });
    }
  }
  return out;
}
