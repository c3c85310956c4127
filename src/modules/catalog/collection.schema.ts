import { Type, type Static } from '@sinclair/typebox';
import { IdSchema, TextSchema, TitlesSchema, oneOf, strict, versioned } from './common.schema.js';
import { ObligationSchema } from './form.schema.js';

export const RecipientStatusSchema = oneOf(['resolved', 'unresolved'] as const);

/** A cell of Appendix 1: a recipient and the number in its cell (presumably copies). */
export const CollectionRecipientSchema = Type.Object(
  {
    recipient: IdSchema,
    count: Type.Integer({ minimum: 1 }),
    status: RecipientStatusSchema,
    /** Column of Appendix 1 where its header survives (13-21). */
    column: Type.Optional(Type.Integer({ minimum: 1 })),
    /** Position among the cells whose column header was lost (P1-P8). */
    position: Type.Optional(Type.String({ pattern: '^P[0-9]+$' })),
  },
  strict,
);
export type CollectionRecipient = Static<typeof CollectionRecipientSchema>;

// Order 25, Instruction paras 11-13 and Appendix 1: electronic collections sent to state bodies.
export const CollectionSchema = versioned({
  id: IdSchema,
  /** Row of Appendix 1. */
  row: Type.Integer({ minimum: 1 }),
  titles: TitlesSchema,
  /** The two wordings of the Order, verbatim: the row of Appendix 1 and the item of para 12 (if any). */
  titleKkPrinted: Type.Object(
    { appendix1: TextSchema, para12: Type.Union([TextSchema, Type.Null()]) },
    strict,
  ),
  para12Clause: Type.Union([IdSchema, Type.Null()]),
  act: IdSchema,
  clause: IdSchema,
  obligations: Type.Array(ObligationSchema, { minItems: 1 }),
  recipients: Type.Array(CollectionRecipientSchema, { minItems: 1 }),
});
export type Collection = Static<typeof CollectionSchema>;
