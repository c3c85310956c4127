import { Type, type Static } from '@sinclair/typebox';
import { IdSchema, TextSchema, TitlesSchema, oneOf, versioned } from './common.schema.js';

// Order 25, Instruction para 3: the ways legal statistical information is provided.
export const ChannelSchema = versioned({
  id: IdSchema,
  listNo: Type.Integer({ minimum: 1 }),
  titles: TitlesSchema,
  act: IdSchema,
  clause: IdSchema,
  seeAlso: Type.Optional(Type.Array(IdSchema)),
  address: Type.Optional(TextSchema),
  /** How a deadline on a non-working day moves (Order 25, para 13: to the next working day). */
  nonWorkingDayRule: oneOf(['next-working-day', 'none'] as const),
  nonWorkingDayClause: Type.Optional(IdSchema),
  nonWorkingDayNote: Type.Optional(TextSchema),
});
export type Channel = Static<typeof ChannelSchema>;
