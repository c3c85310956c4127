import type { Catalog, CatalogKind } from './catalog.kinds.js';
/** What can be wrong in a catalogue file. Stable codes: tests and tools rely on them. */
export type CatalogProblemCode =
  | 'unreadable_file'
  | 'yaml_syntax'
  | 'empty_file'
  | 'unknown_kind'
  | 'unknown_key'
  | 'missing_key'
  | 'wrong_type'
  | 'invalid_value'
  | 'duplicate_id'
  | 'duplicate_code'
  | 'duplicate_number'
  | 'overlapping_validity'
  | 'invalid_range'
  | 'starts_before_act'
  | 'unknown_reference'
  | 'inconsistent';

/**
 * One problem of the catalogue, addressed to its place: the file, the JSON pointer inside it
 * (`/forms/3/dueDay`) and, when known, the line and column (1-based).
 */
export interface CatalogProblem {
  readonly file: string;
  readonly pointer: string;
  readonly line?: number;
  readonly column?: number;
  readonly code: CatalogProblemCode;
  readonly message: string;
}

/** `catalog/forms/crime.yaml:12:7 /forms/3/dueDay: expected an integer (wrong_type)` */
export function formatCatalogProblem(problem: CatalogProblem): string {
  const place =
    problem.line === undefined ? problem.file : `${problem.file}:${problem.line}:${problem.column ?? 1}`;
  return `${place} ${problem.pointer || '/'}: ${problem.message} (${problem.code})`;
}

/** Escapes one segment of a JSON pointer (RFC 6901). */
export function pointerSegment(segment: string | number): string {
  return String(segment).replaceAll('~', '~0').replaceAll('/', '~1');
}

export function splitPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** What the checks of the lists' agreement need: the catalogue and a way to report at an entry. */
export interface CheckContext {
  readonly catalog: Catalog;
  report(
    kind: CatalogKind,
    entry: object,
    subPointer: string,
    code: CatalogProblemCode,
    message: string,
  ): void;
  placeOf(kind: CatalogKind, entry: object): string;
}
