import { DomainError, invalidInput } from '../../platform/errors/index.js';
import type { Queryable } from '../../platform/db/index.js';
import { anyOf, command, everyone, hasRole, isSystem, query } from '../../platform/usecase.js';
import * as repo from './catalog.repository.js';
import {
  checkCalendarDocument,
  readCatalogFolders,
  snapshotFromEntries,
  type CatalogSnapshot,
  type FileProblem,
} from './catalog.store.js';

const mayLoadFolders = isSystem; // paths on the server's disk: the CLI and the start only
const mayAmendCatalog = anyOf(hasRole('admin'), isSystem);

const catalogInvalid = (problems: FileProblem[], what: string) =>
  new DomainError(
    'invalid_input',
    'catalog_invalid',
    `${what}: ${problems.length} problem${problems.length === 1 ? '' : 's'}.`,
    problems.map((p) => ({ pointer: `${p.file}#${p.pointer}`, code: 'catalog_problem', message: p.message })),
  );

/**
 * Loads catalogue folders into the database (issue: regulation as data). Files never overwrite
 * what an admin added through the API; unchanged entries are left alone; nothing is deleted.
 */
export const loadCatalogFolders = command({
  name: 'load catalogue folders',
  policy: mayLoadFolders,
  run: async (ctx, input: { dirs: string[] }) => {
    const read = await readCatalogFolders(input.dirs);
    if (read.problems.length)
      throw catalogInvalid(read.problems, `The catalogue in ${input.dirs.join(', ')} is not valid`);
    const revision = await repo.lockCatalogState(ctx.trx);
    const stored = new Map(
      (await repo.findEntries(ctx.trx)).map((e) => [`${e.kind}|${e.id}|${e.validFrom}`, e]),
    );
    const counts = { added: 0, changed: 0, unchanged: 0, keptAdmin: 0 };
    const touched: string[] = [];
    for (const e of read.entries) {
      const key = `${e.kind}|${e.id}|${e.validFrom}`;
      const old = stored.get(key);
      if (old?.origin === 'admin') counts.keptAdmin++;
      else if (old?.contentHash === e.contentHash) counts.unchanged++;
      else {
        await repo.upsertEntry(ctx.trx, e, ctx.now);
        counts[old ? 'changed' : 'added']++;
        touched.push(key);
      }
    }
    if (touched.length === 0) {
      ctx.changedNothing();
      return { ...counts, revision };
    }
    // Organisations are rows of their own table too (accounts and tokens belong to one).
    const latest = new Map<string, Record<string, unknown>>();
    for (const e of read.entries) {
      if (e.kind !== 'organisations') continue;
      const prev = latest.get(e.id);
      if (!prev || String(prev.validFrom) < e.validFrom) latest.set(e.id, e.data as Record<string, unknown>);
    }
    await repo.upsertOrganisations(
      ctx.trx,
      [...latest.values()].map((o) => ({
        id: String(o.id),
        kind: String(o.kind),
        names: o.titles as { kk: string; ru: string; en: string },
        parentId: typeof o.parent === 'string' ? o.parent : null,
        validFrom: typeof o.validFrom === 'string' ? o.validFrom : null,
        validUntil: typeof o.validUntil === 'string' ? o.validUntil : null,
      })),
      ctx.now,
    );
    await repo.bumpRevision(ctx.trx, revision + 1);
    await ctx.record({
      action: 'catalog.entries.loaded',
      objectType: 'catalog',
      objectId: null,
      summary: {
        dirs: input.dirs,
        ...counts,
        entries: touched.slice(0, 100),
        more: Math.max(0, touched.length - 100),
      },
    });
    return { ...counts, revision: revision + 1 };
  },
});

/** Checks catalogue folders without loading them: every problem, with file and path. */
export async function checkCatalogFolders(dirs: string[]): Promise<FileProblem[]> {
  return (await readCatalogFolders(dirs)).problems;
}

const TRANSFERS_DOCUMENT = /^transfers\/(\d{4})\.yaml$/;

/** An admin stores a year's transfers of days off (the government's decree) as data. */
export const putCalendarTransfers = command({
  name: 'store a year of transfers of days off',
  policy: mayAmendCatalog,
  run: async (ctx, input: { year: number; document: unknown }) => {
    const id = `transfers/${input.year}.yaml`;
    if (!TRANSFERS_DOCUMENT.test(id))
      throw invalidInput('The year must have four digits.', [
        { pointer: '/params/year', code: 'invalid_year', message: 'must have four digits' },
      ]);
    const revision = await repo.lockCatalogState(ctx.trx);
    const { entry, problems } = checkCalendarDocument(await repo.findEntries(ctx.trx), id, input.document);
    if (problems.length) {
      throw invalidInput(
        `The transfers of ${input.year} are not valid.`,
        problems.map((p) => ({ pointer: `/body${p.pointer}`, code: 'calendar_problem', message: p.message })),
      );
    }
    await repo.upsertEntry(ctx.trx, entry, ctx.now);
    await repo.bumpRevision(ctx.trx, revision + 1);
    await ctx.record({
      action: 'catalog.calendarTransfers.stored',
      objectType: 'calendar',
      objectId: id,
      summary: { year: input.year },
    });
    return { id, revision: revision + 1 };
  },
});

const snapshots = new Map<string, CatalogSnapshot>();

/**
 * The catalogue in use, cached per database until its revision changes (any instance may change
 * it). Keyed by the database's name, not the connection object, so that a transaction hits the
 * cache its pool filled.
 */
export async function currentCatalog(db: Queryable): Promise<CatalogSnapshot> {
  const { revision, database } = await repo.readRevisionOfDatabase(db);
  const cached = snapshots.get(database);
  if (cached && cached.revision === revision) return cached;
  const snapshot = snapshotFromEntries(revision, await repo.findEntries(db));
  // What a transaction read may yet be rolled back (a catalogue load that fails): only committed
  // state, read outside a transaction, is kept.
  if (!db.isTransaction) snapshots.set(database, snapshot);
  return snapshot;
}

/** The public reads of the catalogue take the snapshot in use. */
export const readCatalog = query({
  name: 'read the catalogue',
  policy: everyone,
  run: async ({ db }) => currentCatalog(db),
});
