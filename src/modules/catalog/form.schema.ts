import { Type, type Static } from '@sinclair/typebox';
import { IdSchema, PeriodSchema, TextSchema, TitlesSchema, strict, versioned } from './common.schema.js';

/**
 * A duty to provide an item by a day: "day `dueDay` of the month after the period", through a
 * channel of para 3, laid down by `act` at `clause`.
 */
export const ObligationSchema = Type.Object(
  {
    channel: IdSchema,
    period: PeriodSchema,
    dueDay: Type.Integer({ minimum: 1, maximum: 31 }),
    act: IdSchema,
    clause: IdSchema,
    /** For the open-data portal: the dataset of Order 84 made from the report. */
    dataset: Type.Optional(IdSchema),
    note: Type.Optional(TextSchema),
  },
  strict,
);
export type Obligation = Static<typeof ObligationSchema>;

export const RussianAliasSchema = Type.Object({ alias: TextSchema, verified: Type.Boolean() }, strict);

// Order 25, Appendix 2: the reports placed on the information service.
export const FormSchema = versioned({
  id: IdSchema,
  /** ASCII name for URLs and queries; matched in any case. */
  slug: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', description: 'a lower-case ASCII slug' }),
  /** The act's code, normalised (NFC, ASCII hyphen); null where the act gives no number. */
  code: Type.Union([TextSchema, Type.Null()]),
  /** The code as printed in the act, typos included. */
  codePrinted: Type.Union([TextSchema, Type.Null()]),
  codeNote: Type.Optional(TextSchema),
  aliasesRu: Type.Array(RussianAliasSchema),
  /** Number of the item in the act's list. */
  listNo: Type.Integer({ minimum: 1 }),
  titles: TitlesSchema,
  periodicity: PeriodSchema,
  /** Figures run from the start of the year (a March report covers January to March). */
  cumulative: Type.Boolean(),
  cumulativeNote: Type.Optional(TextSchema),
  act: IdSchema,
  clause: IdSchema,
  obligations: Type.Array(ObligationSchema, { minItems: 1 }),
});
export type Form = Static<typeof FormSchema>;
