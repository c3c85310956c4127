import { Type, type Static } from '@sinclair/typebox';
import {
  ConfidenceSchema,
  IdSchema,
  LegalBasisSchema,
  TextSchema,
  TitlesSchema,
  oneOf,
  strict,
  versioned,
} from './common.schema.js';

// Order 25, Instruction paras 4-9: the rules for requests, read by the requests capability.

/** Who sends a request: a state body, a prosecution body, an individual or a legal entity. */
export const APPLICANT_KINDS = ['state-body', 'prosecution-body', 'individual', 'legal-entity'] as const;
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];
export const ApplicantKindsSchema = Type.Array(oneOf(APPLICANT_KINDS), { minItems: 1 });

/** What the decision on a request is when a rule is not met. */
export const REQUEST_OUTCOMES = ['left-without-consideration', 'not-accepted', 'incomplete'] as const;

/**
 * `act`: the rule is written in the act; `inferred`: the act implies it without naming it (the
 * outcome `not-accepted` or `incomplete` is not a word of the act), with the reasoning given.
 */
export const RuleBasisSchema = oneOf(['act', 'inferred'] as const);

/** Fields every request rule carries: where it is written and how sure we are of it. */
const ruleProperties = {
  id: IdSchema,
  titles: TitlesSchema,
  act: IdSchema,
  clause: IdSchema,
  seeAlso: Type.Optional(Type.Array(IdSchema)),
  legalBasis: Type.Optional(LegalBasisSchema),
  confidence: ConfidenceSchema,
  basis: Type.Optional(RuleBasisSchema),
  reasoning: Type.Optional(TextSchema),
};

// Paras 4, 5 and 2(10): free of charge, within the indicators that exist, restricted information.
export const RequestPrincipleSchema = versioned({ ...ruleProperties });
export type RequestPrinciple = Static<typeof RequestPrincipleSchema>;

// Para 7 (and 2(9), 6): the channels a request is received through, and who may use each.
export const RequestReceiptChannelSchema = versioned({ ...ruleProperties, requesters: ApplicantKindsSchema });
export type RequestReceiptChannel = Static<typeof RequestReceiptChannelSchema>;

/** Words that mark a request for copies, per language: regular expressions (Unicode, no case). */
export const PatternsSchema = Type.Object(
  {
    kk: Type.Optional(Type.Array(TextSchema, { minItems: 1 })),
    ru: Type.Optional(Type.Array(TextSchema, { minItems: 1 })),
    en: Type.Optional(Type.Array(TextSchema, { minItems: 1 })),
  },
  strict,
);

export const SIGNATORY_ROLES = ['head', 'acting-head', 'authorised-official', 'other'] as const;

// Para 6: who may sign a state body's request.
export const RequestSignatorySchema = versioned({
  ...ruleProperties,
  requesters: ApplicantKindsSchema,
  allowed: Type.Array(oneOf(['head', 'acting-head', 'authorised-official'] as const), { minItems: 1 }),
  /** the ground of the decision when the signatory is not one of `allowed` */
  ground: IdSchema,
  /**
   * A signed request's signer position (the certificate's title) read as a role of para 6: the
   * first entry whose words match decides; no match is `other`.
   */
  positions: Type.Optional(
    Type.Array(
      Type.Object(
        { role: oneOf(['head', 'acting-head', 'authorised-official'] as const), words: PatternsSchema },
        strict,
      ),
      { minItems: 1 },
    ),
  ),
});
export type RequestSignatory = Static<typeof RequestSignatorySchema>;

// Para 8: what a request must name.
export const RequestContentRequirementSchema = versioned({
  ...ruleProperties,
  field: oneOf(['unit', 'information', 'period'] as const),
  values: Type.Optional(Type.Array(IdSchema, { minItems: 1 })),
});
export type RequestContentRequirement = Static<typeof RequestContentRequirementSchema>;

// Paras 7 and 9: the grounds to leave a request without consideration, and the grounds (inferred)
// not to accept one.
export const RequestGroundSchema = versioned({
  ...ruleProperties,
  outcome: oneOf(REQUEST_OUTCOMES),
  /** channel ids outside the receipt channels that this ground covers */
  channels: Type.Optional(Type.Array(IdSchema, { minItems: 1 })),
  /** this ground covers every channel that is neither a receipt channel nor listed by another ground */
  anyOtherChannel: Type.Optional(Type.Boolean()),
  /** the kinds of document a request may ask copies of (the structured field `copiesOf`) */
  documentKinds: Type.Optional(Type.Array(IdSchema, { minItems: 1 })),
  /** a copy word and a document word in the request's text mark a request for copies */
  copyWords: Type.Optional(PatternsSchema),
  documentWords: Type.Optional(PatternsSchema),
  /** words that alone mark it (screenshots) */
  markerWords: Type.Optional(PatternsSchema),
});
export type RequestGround = Static<typeof RequestGroundSchema>;

// Para 6 (Law 221, arts. 7-8; the Administrative Procedural-Process Code, art. 76, after it):
// terms of consideration, extension and forwarding.
export const RequestTermSchema = versioned({
  ...ruleProperties,
  termKind: oneOf(['consideration', 'extension', 'extension-notice', 'forwarding'] as const),
  /** the applicants the term applies to */
  requesters: ApplicantKindsSchema,
  /** a term of N days (of `dayKind`) or of N months */
  days: Type.Optional(Type.Integer({ minimum: 1 })),
  months: Type.Optional(Type.Integer({ minimum: 1 })),
  dayKind: oneOf(['calendar', 'working'] as const),
  counting: TextSchema,
});
export type RequestTerm = Static<typeof RequestTermSchema>;
