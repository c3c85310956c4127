import { Kind, type TSchema } from '@sinclair/typebox';
import { ValueErrorType, type ValueError } from '@sinclair/typebox/errors';
import { Value } from '@sinclair/typebox/value';
import type { CatalogProblemCode } from './catalog.problem.js';

// Turns TypeBox's validation errors into problems a person can act on: every error (not only
// the first), one per place, with the key that was expected, the type, and what was found.

export interface SchemaProblem {
  readonly pointer: string;
  readonly code: CatalogProblemCode;
  readonly message: string;
}

/** Every problem of `value` against `schema`, pointers prefixed with `basePointer`. */
export function findSchemaProblems(schema: TSchema, value: unknown, basePointer = ''): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  collect(schema, value, basePointer);
  return problems;

  function collect(current: TSchema, currentValue: unknown, prefix: string): void {
    for (const error of Value.Errors(current, currentValue)) {
      const pointer = prefix + error.path;
      if (seen.has(pointer)) continue;
      if (error.type === ValueErrorType.Union) {
        const choice = chooseUnionMember(error.schema, error.value);
        if (choice.member) {
          collect(choice.member, error.value, pointer);
          seen.add(pointer);
          continue;
        }
        if (choice.discriminator) {
          const at = `${pointer}/${choice.discriminator.key}`;
          seen.add(pointer);
          seen.add(at);
          problems.push({
            pointer: at,
            code: 'invalid_value',
            message: `expected one of ${choice.discriminator.allowed.join(', ')}, got ${describeValue(choice.discriminator.found)}`,
          });
          continue;
        }
      }
      seen.add(pointer);
      problems.push({ pointer, ...describeError(error, schemaOfParent(current, currentValue, error.path)) });
    }
  }
}

type JsonType = 'null' | 'array' | 'object' | 'string' | 'number' | 'boolean' | 'undefined';

function jsonTypeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean' || type === 'object') return type;
  return 'undefined';
}

function acceptsType(schema: TSchema, type: JsonType): boolean {
  switch (schema[Kind]) {
    case 'Literal':
      return jsonTypeOf(schema['const']) === type;
    case 'Null':
      return type === 'null';
    case 'String':
      return type === 'string';
    case 'Integer':
    case 'Number':
      return type === 'number';
    case 'Boolean':
      return type === 'boolean';
    case 'Array':
      return type === 'array';
    case 'Object':
    case 'Record':
      return type === 'object';
    case 'Union':
      return (schema['anyOf'] as TSchema[]).some((member) => acceptsType(member, type));
    default:
      return false;
  }
}

interface UnionChoice {
  member?: TSchema;
  discriminator?: { key: string; allowed: string[]; found: unknown };
}

/**
 * The member of a union the value was meant for: the only one of its JSON type (a date where
 * `date | null` is expected), or, among objects, the one named by their `kind` literal.
 */
function chooseUnionMember(union: TSchema, value: unknown): UnionChoice {
  const members = (union['anyOf'] as TSchema[] | undefined) ?? [];
  const candidates = members.filter((member) => acceptsType(member, jsonTypeOf(value)));
  if (candidates.length === 1) return { member: candidates[0] };
  if (candidates.length > 1 && jsonTypeOf(value) === 'object') {
    const kinds = candidates.map((member) => member['properties']?.['kind']?.['const'] as unknown);
    if (kinds.every((kind): kind is string => typeof kind === 'string')) {
      const found = (value as Record<string, unknown>)['kind'];
      const index = kinds.findIndex((kind) => kind === found);
      if (index >= 0) return { member: candidates[index] };
      return { discriminator: { key: 'kind', allowed: kinds, found } };
    }
  }
  return {};
}

/** The object schema that holds the property an error points at (for the list of allowed keys). */
function schemaOfParent(schema: TSchema, value: unknown, path: string): TSchema | undefined {
  const segments = path.split('/').slice(1, -1);
  let current: TSchema | undefined = schema;
  let currentValue = value;
  for (const segment of segments) {
    if (current === undefined) return undefined;
    if (current[Kind] === 'Union') current = chooseUnionMember(current, currentValue).member;
    if (current === undefined) return undefined;
    if (current[Kind] === 'Array') current = current['items'] as TSchema;
    else if (current[Kind] === 'Object')
      current = (current['properties'] as Record<string, TSchema>)[segment];
    else return undefined;
    currentValue = (currentValue as Record<string, unknown> | undefined)?.[segment];
  }
  if (current?.[Kind] === 'Union') current = chooseUnionMember(current, currentValue).member;
  return current;
}

function describeError(error: ValueError, parent: TSchema | undefined): Omit<SchemaProblem, 'pointer'> {
  const key = error.path.split('/').pop() ?? '';
  switch (error.type) {
    case ValueErrorType.ObjectAdditionalProperties: {
      const allowed = Object.keys((parent?.['properties'] as Record<string, unknown> | undefined) ?? {});
      const near = closest(key, allowed);
      const hint = near
        ? ` (did you mean "${near}"?)`
        : allowed.length
          ? `; allowed: ${allowed.join(', ')}`
          : '';
      return { code: 'unknown_key', message: `unknown key "${key}"${hint}` };
    }
    case ValueErrorType.ObjectRequiredProperty:
      return { code: 'missing_key', message: `missing key "${key}" (${describeSchema(error.schema)})` };
    case ValueErrorType.StringFormat:
      return {
        code: 'invalid_value',
        message: `expected ${describeSchema(error.schema)} that exists, got ${describeValue(error.value)}`,
      };
    case ValueErrorType.StringPattern:
      return {
        code: 'invalid_value',
        message: `expected ${describeSchema(error.schema)}, got ${describeValue(error.value)}`,
      };
    case ValueErrorType.StringMinLength:
      return { code: 'invalid_value', message: 'must not be empty' };
    case ValueErrorType.IntegerMinimum:
    case ValueErrorType.NumberMinimum:
      return {
        code: 'invalid_value',
        message: `expected at least ${String(error.schema['minimum'])}, got ${describeValue(error.value)}`,
      };
    case ValueErrorType.IntegerMaximum:
    case ValueErrorType.NumberMaximum:
      return {
        code: 'invalid_value',
        message: `expected at most ${String(error.schema['maximum'])}, got ${describeValue(error.value)}`,
      };
    case ValueErrorType.ArrayMinItems:
      return {
        code: 'invalid_value',
        message: `expected at least ${String(error.schema['minItems'])} item(s)`,
      };
    case ValueErrorType.Literal:
    case ValueErrorType.Union: {
      const sameType = acceptsType(error.schema, jsonTypeOf(error.value));
      const message = `expected ${describeSchema(error.schema)}, got ${describeValue(error.value)}`;
      return { code: sameType ? 'invalid_value' : 'wrong_type', message };
    }
    case ValueErrorType.String:
    case ValueErrorType.Integer:
    case ValueErrorType.Number:
    case ValueErrorType.Boolean:
    case ValueErrorType.Array:
    case ValueErrorType.Object:
    case ValueErrorType.Null: {
      const quote =
        error.type === ValueErrorType.String && typeof error.value === 'number'
          ? `; write it in quotes: '${String(error.value)}'`
          : '';
      return {
        code: 'wrong_type',
        message: `expected ${describeSchema(error.schema)}, got ${describeValue(error.value)}${quote}`,
      };
    }
    default:
      return { code: 'invalid_value', message: error.message };
  }
}

function describeSchema(schema: TSchema): string {
  if (typeof schema['description'] === 'string') return schema['description'];
  switch (schema[Kind]) {
    case 'Literal':
      return JSON.stringify(schema['const']);
    case 'Null':
      return 'null';
    case 'String':
      return typeof schema['pattern'] === 'string' ? `a text matching ${schema['pattern']}` : 'a text';
    case 'Integer':
      return 'an integer';
    case 'Number':
      return 'a number';
    case 'Boolean':
      return 'true or false';
    case 'Array':
      return 'a list';
    case 'Object':
    case 'Record':
      return 'a mapping';
    case 'Union': {
      const members = schema['anyOf'] as TSchema[];
      if (members.every((member) => member[Kind] === 'Literal')) {
        return `one of ${members.map((member) => String(member['const'])).join(', ')}`;
      }
      return members.map(describeSchema).join(' or ');
    }
    default:
      return 'a value of another type';
  }
}

function describeValue(value: unknown): string {
  switch (jsonTypeOf(value)) {
    case 'null':
      return 'null';
    case 'undefined':
      return 'nothing';
    case 'array':
      return 'a list';
    case 'object':
      return 'a mapping';
    case 'string': {
      const text = value as string;
      return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
    }
    default:
      return `${typeof value} ${String(value)}`;
  }
}

/** The allowed key nearest to a misspelt one, if it is close (edit distance at most 2). */
function closest(key: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length]!;
}
