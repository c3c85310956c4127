// What the public may read, in memory: every published publication per (form, period). Reads check
// it against the injected clock (the embargo), never the database. Publications are never taken
// back, so a stale index can only show a new one late, never early; every instance notices a new
// publication within a second (a generation counter bumped by each), its own at once.
import { performance } from 'node:perf_hooks';
import { currentCatalog, type CatalogSnapshot } from '../catalog/index.js';
import type { Db } from '../../platform/db/index.js';
import * as repo from './publishing.repository.js';

export interface PublishedEntry {
  id: number;
  releaseId: number;
  version: number;
  revisionIds: readonly number[];
  reason: string | null;
  imported: boolean;
  publishAt: Date;
  publishedAt: Date;
  periodStart: string;
}

const RECHECK_MS = 1000;

export class PublishedIndex {
  private generation = -1;
  private catalogRevision = -1;
  private checkedAt = -Infinity;
  private byKey = new Map<string, PublishedEntry[]>();
  private byForm = new Map<string, Map<string, PublishedEntry[]>>();
  private loading: Promise<void> | null = null;
  private snapshot: CatalogSnapshot | null = null;
  /** called when what is public changed (a publication, a new catalogue): caches built on it drop */
  readonly listeners: (() => void)[] = [];

  constructor(private readonly db: Db) {}

  /** Forget the state, so that the next read reloads it (this instance just published). */
  invalidate(): void {
    this.checkedAt = -Infinity;
    this.generation = -1;
    // what was built on the old state drops now, not at the next read (the answer cache is not a read)
    for (const l of this.listeners) l();
  }

  async fresh(): Promise<void> {
    if (performance.now() - this.checkedAt < RECHECK_MS) return;
    this.loading ??= this.reload().finally(() => {
      this.loading = null;
    });
    await this.loading;
  }

  private async reload(): Promise<void> {
    const generation = await repo.readGeneration(this.db);
    const snapshot = await currentCatalog(this.db);
    const { revision } = snapshot;
    this.snapshot = snapshot;
    if (generation !== this.generation || revision !== this.catalogRevision) {
      const rows = await repo.findPublished(this.db);
      const byKey = new Map<string, PublishedEntry[]>();
      const byForm = new Map<string, Map<string, PublishedEntry[]>>();
      for (const r of rows) {
        const entry: PublishedEntry = {
          id: r.id,
          releaseId: r.release_id,
          version: r.version,
          revisionIds: r.revision_ids.map(Number),
          reason: r.reason,
          imported: r.imported,
          publishAt: r.publish_at,
          publishedAt: r.published_at!,
          periodStart: r.period_start,
        };
        const key = `${r.form}|${r.period}`;
        let list = byKey.get(key);
        if (!list) byKey.set(key, (list = []));
        list.push(entry);
        let periods = byForm.get(r.form);
        if (!periods) byForm.set(r.form, (periods = new Map()));
        periods.set(r.period, list);
      }
      this.byKey = byKey;
      this.byForm = byForm;
      this.generation = generation;
      this.catalogRevision = revision;
      for (const l of this.listeners) l();
    }
    this.checkedAt = performance.now();
  }

  /** The catalogue as of the last check (the same second as the publications). */
  catalog(): CatalogSnapshot {
    return this.snapshot!;
  }

  /** The publications of (form, period) public at `at`, oldest first. */
  visible(form: string, period: string, at: Date): PublishedEntry[] {
    const t = at.getTime();
    return (this.byKey.get(`${form}|${period}`) ?? []).filter(
      (e) => e.publishAt.getTime() <= t && e.publishedAt.getTime() <= t,
    );
  }

  /** The publication of (form, period) in force at `at`: the latest public one. */
  current(form: string, period: string, at: Date): PublishedEntry | null {
    return this.visible(form, period, at).at(-1) ?? null;
  }

  /** Per period of a form, the publication in force at `at`. */
  currentOfForm(form: string, at: Date): Map<string, PublishedEntry> {
    const out = new Map<string, PublishedEntry>();
    for (const period of this.byForm.get(form)?.keys() ?? []) {
      const e = this.current(form, period, at);
      if (e) out.set(period, e);
    }
    return out;
  }
}

const indexes = new WeakMap<Db, PublishedIndex>();

export function publishedIndexOf(db: Db): PublishedIndex {
  let index = indexes.get(db);
  if (!index) indexes.set(db, (index = new PublishedIndex(db)));
  return index;
}

/** The periods of a form the public reads at `at`, newest first, each with its publication. */
export async function publishedPeriodsOf(
  db: Db,
  form: string,
  at: Date,
): Promise<{ period: string; publication: PublishedEntry }[]> {
  const index = publishedIndexOf(db);
  await index.fresh();
  return [...index.currentOfForm(form, at)]
    .map(([period, publication]) => ({ period, publication }))
    .sort((a, b) => (a.publication.periodStart < b.publication.periodStart ? 1 : -1));
}

/**
 * The catalogue the published index was last checked against: a page built on publications reads
 * the catalogue of the same moment, without a database round trip per request (a new catalogue is
 * seen within a second, as a publication is).
 */
export async function publishedCatalogOf(db: Db): Promise<CatalogSnapshot> {
  const index = publishedIndexOf(db);
  await index.fresh();
  return index.catalog();
}

/** Every publication of (form, period) public at `at`, oldest first: the public history. */
export async function publicationsOf(
  db: Db,
  form: string,
  period: string,
  at: Date,
): Promise<PublishedEntry[]> {
  const index = publishedIndexOf(db);
  await index.fresh();
  return index.visible(form, period, at);
}
