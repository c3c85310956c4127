import { FormatRegistry, Type, type TLiteral, type TSchema, type TUnion } from '@sinclair/typebox';

// Building blocks shared by the schemas of every catalogue kind. Every object is closed
// (`additionalProperties: false`): a misspelt key is reported, never silently dropped.

export const strict = { additionalProperties: false } as const;

/** A calendar date `YYYY-MM-DD` that exists (2019-02-30 does not). Dates of the law are local dates. */
export type IsoDate = string;

export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

// TypeBox checks `format` through a process-wide registry; register `date` once, keeping one that
// another module registered first.
if (!FormatRegistry.Has('date')) FormatRegistry.Set('date', isIsoDate);

export const IsoDateSchema = Type.String({ format: 'date', description: 'a date (YYYY-MM-DD)' });
export const NullableDateSchema = Type.Union([IsoDateSchema, Type.Null()]);

/** A union of string literals, e.g. the periods `monthly | quarterly`. */
export function oneOf<const T extends readonly string[]>(values: T): TUnion<TLiteral<T[number]>[]> {
  return Type.Union(values.map((value) => Type.Literal(value))) as unknown as TUnion<TLiteral<T[number]>[]>;
}

/** Ids are lower-case ASCII words joined by `-` or `.`: `o25-2019`, `1-m`, `o25.i.app2.item1`. */
export const IdSchema = Type.String({ pattern: '^[a-z0-9]+([.-][a-z0-9]+)*$', description: 'an id' });
/** A region is its 2-digit KATO prefix; the republic is `00`. */
export const RegionIdSchema = Type.String({ pattern: '^[0-9]{2}$', description: 'a 2-digit KATO code' });
export const TextSchema = Type.String({ minLength: 1, description: 'a text' });

export const TitlesSchema = Type.Object({ kk: TextSchema, ru: TextSchema, en: TextSchema }, strict);

export const PERIODS = ['monthly', 'quarterly', 'half-yearly', 'yearly'] as const;
export const PeriodSchema = oneOf(PERIODS);

export const ConfidenceSchema = oneOf(['seed', 'found', 'recall', 'guess'] as const);

/** A reference to an article of a loaded act, e.g. Law 510, art. 9. */
export const LegalBasisSchema = Type.Object({ act: IdSchema, article: TextSchema }, strict);

/**
 * The in-force dates every entry carries. `validUntil: null` means "until a later version of the
 * entry, or an act that repeals the entry's act, is loaded". `estimated` marks dates computed
 * rather than read: `true` for all of them, or the list of the estimated fields.
 */
export const validityProperties = {
  validFrom: IsoDateSchema,
  validUntil: NullableDateSchema,
  estimated: Type.Optional(
    Type.Union([Type.Literal(true), Type.Array(oneOf(['validFrom', 'validUntil'] as const))]),
  ),
  estimatedBasis: Type.Optional(TextSchema),
  note: Type.Optional(TextSchema),
};

/** A closed object with the validity properties added. */
export function versioned<P extends Record<string, TSchema>>(properties: P) {
  return Type.Object({ ...properties, ...validityProperties }, strict);
}
