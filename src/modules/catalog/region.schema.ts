import { Type, type Static } from '@sinclair/typebox';
import {
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

export const RegionSchema = versioned({
  /** The 2-digit prefix of the KATO code; the republic is `00`. */
  id: RegionIdSchema,
  kind: oneOf(['republic', 'oblast', 'city'] as const),
  names: Type.Array(RegionNameSchema, { minItems: 1 }),
  formerCodes: Type.Optional(
    Type.Array(Type.Object({ code: RegionIdSchema, validUntil: IsoDateSchema }, strict), { minItems: 1 }),
  ),
  history: Type.Optional(Type.Array(Type.Object({ date: IsoDateSchema, note: TextSchema }, strict))),
});
export type Region = Static<typeof RegionSchema>;
