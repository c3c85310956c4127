import { Type, type Static } from '@sinclair/typebox';
import {
  ConfidenceSchema,
  IsoDateSchema,
  NullableDateSchema,
  RegionIdSchema,
  TextSchema,
  TitlesSchema,
  oneOf,
  strict,
  versioned,
} from './common.schema.js';

/** A name of a region (and its centre) over a period; the names of one region cover it without gaps. */
export const RegionNameSchema = Type.Object(
  {
    validFrom: IsoDateSchema,
    validUntil: NullableDateSchema,
    kk: TextSchema,
    ru: TextSchema,
    en: TextSchema,
    centre: Type.Optional(TitlesSchema),
  },
  strict,
);
export type RegionName = Static<typeof RegionNameSchema>;

/** The act that changed a region's territory: cited as read, with the day it was signed and in force. */
export const RegionChangeBasisSchema = Type.Object(
  {
    kind: oneOf(['presidential-decree'] as const),
    signed: IsoDateSchema,
    inForce: IsoDateSchema,
    /** the citation in each language: "Указ Президента Республики Казахстан от 3 мая 2022 года «…»" */
    titles: TitlesSchema,
    confidence: ConfidenceSchema,
    source: Type.Optional(TextSchema),
  },
  strict,
);
export type RegionChangeBasis = Static<typeof RegionChangeBasisSchema>;

/**
 * An event in a region's life. `territoryChanged`: from `date` the region covers another
 * territory (formed, or a part taken to form another), so figures from before it do not compare
 * with figures after it; `basis` names the act.
 */
export const RegionEventSchema = Type.Object(
  {
    date: IsoDateSchema,
    note: TextSchema,
    territoryChanged: Type.Optional(Type.Boolean()),
    basis: Type.Optional(RegionChangeBasisSchema),
  },
  strict,
);
export type RegionEvent = Static<typeof RegionEventSchema>;

export const RegionSchema = versioned({
  /** The 2-digit prefix of the KATO code; the republic is `00`. */
  id: RegionIdSchema,
  kind: oneOf(['republic', 'oblast', 'city'] as const),
  names: Type.Array(RegionNameSchema, { minItems: 1 }),
  formerCodes: Type.Optional(
    Type.Array(Type.Object({ code: RegionIdSchema, validUntil: IsoDateSchema }, strict), { minItems: 1 }),
  ),
  history: Type.Optional(Type.Array(RegionEventSchema)),
});
export type Region = Static<typeof RegionSchema>;
