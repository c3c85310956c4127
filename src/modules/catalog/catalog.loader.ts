import { readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { checkCatalog, type SourcePosition } from './catalog.checks.js';
import {
  CATALOG_KINDS,
  catalogKinds,
  emptyCatalog,
  isCatalogKind,
  type Catalog,
  type CatalogKind,
  type EntryOrigin,
} from './catalog.kinds.js';
import { pointerSegment, splitPointer, type CatalogProblem } from './catalog.problem.js';
import { findSchemaProblems } from './schema-errors.js';

/** A catalogue file's path (as it is to be named in problems) and its text. */
export interface CatalogFile {
  readonly path: string;
  readonly text: string;
}

export interface CatalogLoadResult {
  /** Every entry that passed its schema; use it only when `problems` is empty. */
  readonly catalog: Catalog;
  /** Every problem found, in file order, then the cross-file checks. */
  readonly problems: readonly CatalogProblem[];
  /** Where each entry object of `catalog` was read. */
  readonly origins: ReadonlyMap<object, EntryOrigin>;
}

export interface CatalogLoadOptions {
  /**
   * Folders directly under a loaded folder that belong to another module's loader. Default:
   * `calendar` (the working-day calendar, read by src/modules/calendar).
   */
  readonly skipFolders?: readonly string[];
}

// calendar/: the calendar module's loader; structures/: the statistics module's (form structures).
const DEFAULT_SKIP = ['calendar', 'structures'];

/** Loads every `*.yaml` / `*.yml` under `dir` (recursively) and checks the whole. */
export function loadCatalogDir(dir: string, options: CatalogLoadOptions = {}): CatalogLoadResult {
  return loadCatalogDirs([dir], options);
}

/**
 * Loads several folders as one catalogue: the base catalogue and, after it, the folder of a newer
 * act with its new versions of the lists. References may cross folders.
 */
export function loadCatalogDirs(
  dirs: readonly string[],
  options: CatalogLoadOptions = {},
): CatalogLoadResult {
  const files: CatalogFile[] = [];
  const readProblems: CatalogProblem[] = [];
  for (const dir of dirs) {
    let paths: string[];
    try {
      paths = listCatalogFiles(dir, options);
    } catch (error) {
      readProblems.push(unreadable(dir, error));
      continue;
    }
    for (const path of paths) {
      try {
        files.push({ path, text: readFileSync(path, 'utf8') });
      } catch (error) {
        readProblems.push(unreadable(path, error));
      }
    }
  }
  const result = parseCatalogFiles(files);
  return { ...result, problems: [...readProblems, ...result.problems] };
}

/** The catalogue files under `dir`, sorted, skipping the folders of other modules. */
export function listCatalogFiles(dir: string, options: CatalogLoadOptions = {}): string[] {
  const skip = new Set(options.skipFolders ?? DEFAULT_SKIP);
  const found: string[] = [];
  const walk = (folder: string, depth: number): void => {
    const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!(depth === 0 && skip.has(entry.name)) && !entry.name.startsWith('.')) walk(path, depth + 1);
      } else if (entry.isFile() && /\.ya?ml$/.test(entry.name)) {
        found.push(path);
      }
    }
  };
  walk(dir, 0);
  return found;
}

/** Parses, validates and cross-checks catalogue files given as text. Pure: reads nothing. */
export function parseCatalogFiles(files: readonly CatalogFile[]): CatalogLoadResult {
  const catalog = emptyCatalog();
  const origins = new Map<object, EntryOrigin>();
  const declaredIds = new Map<CatalogKind, Set<string>>(
    CATALOG_KINDS.map((kind) => [kind, new Set<string>()]),
  );
  const locators = new Map<string, (pointer: string) => SourcePosition | undefined>();
  const problems: CatalogProblem[] = [];

  for (const file of files) {
    const lineCounter = new LineCounter();
    const doc = parseDocument(file.text, { lineCounter, uniqueKeys: true, prettyErrors: false });
    if (doc.errors.length > 0) {
      for (const error of doc.errors) {
        const position = lineCounter.linePos(error.pos[0]);
        problems.push({
          file: file.path,
          pointer: '',
          line: position.line,
          column: position.col,
          code: 'yaml_syntax',
          message: error.message.split('\n')[0] ?? error.message,
        });
      }
      continue;
    }
    const locate = (pointer: string) => locateInDocument(doc, lineCounter, pointer);
    locators.set(file.path, locate);
    const report = (pointer: string, code: CatalogProblem['code'], message: string) =>
      problems.push({ file: file.path, pointer, ...locate(pointer), code, message });

    const addEntries = (kind: CatalogKind, list: unknown[], prefix: string): void => {
      const schema = catalogKinds[kind].schema;
      list.forEach((item, index) => {
        const pointer = `${prefix}/${index}`;
        const id = (item as { id?: unknown } | null)?.id;
        if (typeof id === 'string') declaredIds.get(kind)?.add(id);
        const found = findSchemaProblems(schema, item, pointer);
        for (const problem of found) report(problem.pointer, problem.code, problem.message);
        if (found.length === 0) {
          (catalog[kind] as unknown[]).push(item);
          origins.set(item as object, { file: file.path, pointer });
        }
      });
    };

    const root: unknown = doc.toJS({ maxAliasCount: 1000 });
    if (root === null || root === undefined) {
      report('', 'empty_file', 'the file holds no entries');
    } else if (Array.isArray(root)) {
      // A file whose root is a list holds the kind it is named after (clauses.yaml).
      const kind = basename(file.path, extname(file.path));
      if (isCatalogKind(kind)) addEntries(kind, root, '');
      else
        report(
          '',
          'unknown_kind',
          `a file whose root is a list must be named after its kind; "${kind}" is not one of ${CATALOG_KINDS.join(', ')}`,
        );
    } else if (typeof root === 'object') {
      for (const [key, list] of Object.entries(root)) {
        const pointer = `/${pointerSegment(key)}`;
        if (!isCatalogKind(key))
          report(pointer, 'unknown_kind', `unknown kind "${key}"; the kinds are ${CATALOG_KINDS.join(', ')}`);
        else if (!Array.isArray(list)) report(pointer, 'wrong_type', `expected a list of ${key}`);
        else addEntries(key, list, pointer);
      }
    } else {
      report('', 'wrong_type', 'expected a mapping from kinds (acts, forms, ...) to lists of entries');
    }
  }

  problems.push(
    ...checkCatalog(catalog, {
      origins,
      declaredIds,
      locate: (file, pointer) => locators.get(file)?.(pointer),
    }),
  );
  return { catalog, problems, origins };
}

/** Line and column (1-based) of the value a pointer names, or of its nearest existing parent. */
function locateInDocument(
  doc: Document,
  lineCounter: LineCounter,
  pointer: string,
): SourcePosition | undefined {
  let node: unknown = doc.contents;
  let anchor: unknown = node;
  for (const segment of splitPointer(pointer)) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === segment);
      if (!pair) break;
      anchor = pair.key;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)];
      if (item === undefined) break;
      anchor = item;
      node = item;
    } else {
      break;
    }
  }
  const range = (anchor as { range?: [number, number, number] } | null)?.range;
  if (!range) return undefined;
  const position = lineCounter.linePos(range[0]);
  return { line: position.line, column: position.col };
}

function unreadable(path: string, error: unknown): CatalogProblem {
  const reason = error instanceof Error ? error.message : String(error);
  return { file: path, pointer: '', code: 'unreadable_file', message: `cannot read: ${reason}` };
}
