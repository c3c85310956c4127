import { Type, type Static } from '@sinclair/typebox';
import { IdSchema, TextSchema, oneOf, versioned } from './common.schema.js';
import { RuleBasisSchema } from './request-rules.schema.js';

/**
 * Who may receive restricted-access figures "for official use" (Order 25, para 2, item 10): a
 * right of named organisations, effective-dated, with its basis. Read by requests (what an
 * answer may hold) and by collections (which copies carry official-use sections). A body named
 * only by free text holds no right; individuals and legal entities never do.
 */
export const AccessRightSchema = versioned({
  id: IdSchema,
  right: oneOf(['official-use'] as const),
  organisations: Type.Array(IdSchema, { minItems: 1 }),
  act: IdSchema,
  clause: IdSchema,
  seeAlso: Type.Optional(Type.Array(IdSchema)),
  basis: RuleBasisSchema,
  reasoning: TextSchema,
});
export type AccessRight = Static<typeof AccessRightSchema>;
