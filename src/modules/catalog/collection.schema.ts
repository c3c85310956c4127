import { Type, type Static } from '@sinclair/typebox';
import { IdSchema, TextSchema, TitlesSchema, oneOf, strict, versioned } from './common.schema.js';
import { ObligationSchema } from './form.schema.js';
import { RuleBasisSchema } from './request-rules.schema.js';

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

/**
 * A form a collection holds (Order 25, para 12 names each collection by its subject; which reports
 * of Appendix 2 make it up is not written, hence `basis: inferred` with the reasoning). The period
 * taken follows from the form: a form cumulative from January gives January to the quarter's end,
 * a quarterly form the quarter.
 */
export const CollectionContentSchema = Type.Object(
  {
    form: IdSchema,
    /** every section of the form's structure in force for the period, or the ones named */
    sections: Type.Union([Type.Literal('all'), Type.Array(TextSchema, { minItems: 1 })]),
    /** `all`: the republic (or all agencies) and each region or agency; `total`: the total alone */
    breakdown: oneOf(['all', 'total'] as const),
    /** only rows of these kinds (1-М lists every article of the Criminal Code); default every row */
    rowKinds: Type.Optional(
      Type.Array(oneOf(['total', 'gravity', 'chapter', 'article', 'part', 'indicator'] as const), {
        minItems: 1,
      }),
    ),
    clause: IdSchema,
    basis: RuleBasisSchema,
    reasoning: Type.Optional(TextSchema),
  },
  strict,
);
export type CollectionContent = Static<typeof CollectionContentSchema>;

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
  /** What the collection holds; a collection without it cannot be built (the schedule says so). */
  contents: Type.Optional(Type.Array(CollectionContentSchema, { minItems: 1 })),
});
export type Collection = Static<typeof CollectionSchema>;
