// The catalogue between its files and the database: entries keyed by (kind, id, validFrom) with
// a content hash, and the calendar as its documents. The database is what runs; files are loaded
// into it at start and by `zanstat catalog load`.
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { canonicalJson } from '../audit/index.js';
import { buildCalendarFromFiles, readCalendarFiles, type WorkingCalendar } from '../calendar/index.js';
import { sha256 } from '../../platform/hashing.js';
import {
  CATALOG_KINDS,
  emptyCatalog,
  isCatalogKind,
  type Catalog,
  type CatalogKind,
} from './catalog.kinds.js';
import { loadCatalogDirs } from './catalog.loader.js';
import { UNVERSIONED, type StoredEntry } from './catalog.repository.js';

export const CALENDAR_KIND = 'calendar';

export interface FileProblem {
  file: string;
  pointer: string;
  message: string;
  line?: number;
  column?: number;
}

export interface ReadCatalogResult {
  entries: StoredEntry[];
  problems: FileProblem[];
}

const hashOf = (data: unknown) => sha256(canonicalJson(data));

/** Reads and validates catalogue folders (later folders add acts and versions to earlier ones). */
export async function readCatalogFolders(dirs: readonly string[]): Promise<ReadCatalogResult> {
  const problems: FileProblem[] = [];
  const entries: StoredEntry[] = [];
  const loaded = loadCatalogDirs(dirs);
  for (const p of loaded.problems) {
    problems.push({
      file: p.file,
      pointer: p.pointer,
      message: `${p.message} (${p.code})`,
      line: p.line,
      column: p.column,
    });
  }
  for (const kind of CATALOG_KINDS) {
    for (const entry of loaded.catalog[kind] as readonly Record<string, unknown>[]) {
      const origin = loaded.origins.get(entry);
      entries.push({
        kind,
        id: String(entry.id),
        validFrom: typeof entry.validFrom === 'string' ? entry.validFrom : UNVERSIONED,
        validUntil: typeof entry.validUntil === 'string' ? entry.validUntil : null,
        data: entry,
        contentHash: hashOf(entry),
        origin: 'file',
        source: origin ? `${origin.file}#${origin.pointer}` : 'catalog',
      });
    }
  }
  // The calendar: every folder's calendar/ documents, later folders replacing earlier paths.
  const documents = new Map<string, { text: string; source: string }>();
  for (const dir of dirs) {
    const calendarDir = path.join(dir, 'calendar');
    if (!fs.existsSync(calendarDir)) continue;
    for (const f of await readCalendarFiles(calendarDir))
      documents.set(f.path, { text: f.text, source: path.join(calendarDir, f.path) });
  }
  const built = buildCalendarFromFiles(
    [...documents].map(([p, d]) => ({ path: p, text: d.text })),
    (p) => documents.get(p)?.source ?? p,
  );
  if (!built.ok) problems.push(...built.problems);
  else {
    for (const [p, d] of documents) {
      const data = parseYaml(d.text) as unknown;
      entries.push({
        kind: CALENDAR_KIND,
        id: p,
        validFrom: UNVERSIONED,
        validUntil: null,
        data,
        contentHash: hashOf(data),
        origin: 'file',
        source: d.source,
      });
    }
  }
  return { entries, problems };
}

/** An admin's calendar document (next year's decree) checked together with the stored ones. */
export function checkCalendarDocument(
  stored: StoredEntry[],
  id: string,
  data: unknown,
): { entry: StoredEntry; problems: FileProblem[] } {
  const files = stored
    .filter((e) => e.kind === CALENDAR_KIND && e.id !== id)
    .map((e) => ({ path: e.id, text: JSON.stringify(e.data) }));
  files.push({ path: id, text: JSON.stringify(data) });
  const built = buildCalendarFromFiles(files);
  return {
    entry: {
      kind: CALENDAR_KIND,
      id,
      validFrom: UNVERSIONED,
      validUntil: null,
      data,
      contentHash: hashOf(data),
      origin: 'admin',
      source: 'api',
    },
    problems: built.ok ? [] : built.problems,
  };
}

export interface CatalogSnapshot {
  revision: number;
  catalog: Catalog;
  calendar: WorkingCalendar;
}

/** The running catalogue, rebuilt from the stored entries. */
export function snapshotFromEntries(revision: number, entries: StoredEntry[]): CatalogSnapshot {
  const catalog = emptyCatalog() as Record<CatalogKind, unknown[]>;
  const calendarFiles = [];
  for (const e of entries) {
    if (e.kind === CALENDAR_KIND) calendarFiles.push({ path: e.id, text: JSON.stringify(e.data) });
    else if (isCatalogKind(e.kind)) catalog[e.kind].push(e.data);
  }
  const built = buildCalendarFromFiles(calendarFiles);
  if (!built.ok)
    throw new Error(
      `the stored calendar does not build: ${built.problems.map((p) => `${p.file}${p.pointer}: ${p.message}`).join('; ')}`,
    );
  return { revision, catalog: catalog as unknown as Catalog, calendar: built.calendar };
}
