import { Type, type Static } from '@sinclair/typebox';
import {
  IdSchema,
  IsoDateSchema,
  NullableDateSchema,
  TextSchema,
  TitlesSchema,
  oneOf,
  strict,
  versioned,
} from './common.schema.js';

/** An act that is not loaded (a repealing act, an earlier order), named as text. */
export const ActReferenceSchema = Type.Object(
  { number: TextSchema, date: IsoDateSchema, issuer: TitlesSchema, note: Type.Optional(TextSchema) },
  strict,
);

export const EarlierActSchema = Type.Object(
  { number: TextSchema, date: IsoDateSchema, registrationNumber: TextSchema, clause: IdSchema },
  strict,
);

export const ActSchema = versioned({
  id: IdSchema,
  kind: oneOf(['order', 'law', 'code'] as const),
  number: TextSchema,
  date: IsoDateSchema,
  issuer: TitlesSchema,
  titles: TitlesSchema,
  /** State registration with the Ministry of Justice (orders only). */
  registration: Type.Union([
    Type.Object({ number: TextSchema, date: NullableDateSchema }, strict),
    Type.Null(),
  ]),
  publishedOn: Type.Optional(NullableDateSchema),
  /** The clause that says when the act comes into force. */
  inForceClause: Type.Optional(IdSchema),
  /** The prefix of the ids of this act's clauses in clauses.yaml (`o25`): a clause cited with this act must carry it. */
  clausePrefix: Type.Optional(IdSchema),
  repealedBy: Type.Union([ActReferenceSchema, Type.Null()]),
  /** Loaded acts this act amends. */
  amends: Type.Array(IdSchema),
  /** Loaded acts this act repeals and replaces: from its validFrom their lists are no longer used. */
  repeals: Type.Array(IdSchema),
  /** Earlier acts (not loaded) this act recognises as no longer in force. */
  repealsEarlier: Type.Optional(Type.Array(EarlierActSchema)),
});
export type Act = Static<typeof ActSchema>;
export type ActReference = Static<typeof ActReferenceSchema>;

/** The traceability list: one id per clause of the acts (shared/reference/clauses.yaml). */
export const ClauseSchema = Type.Object({ id: IdSchema, gist: TextSchema }, strict);
export type Clause = Static<typeof ClauseSchema>;
