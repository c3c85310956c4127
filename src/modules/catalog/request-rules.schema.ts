import { Type, type Static } from '@sinclair/typebox';
import {
  ConfidenceSchema,
  IdSchema,
  LegalBasisSchema,
  TextSchema,
  TitlesSchema,
  oneOf,
  versioned,
} from './common.schema.js';

// Order 25, Instruction paras 4-9: the rules for requests, read by the requests capability.

export const REQUESTERS = ['state-body', 'prosecution-body', 'individual-or-legal-entity'] as const;
export const RequesterSchema = oneOf(REQUESTERS);

/** Fields every request rule carries: where it is written and how sure we are of it. */
const ruleProperties = {
  id: IdSchema,
  titles: TitlesSchema,
  act: IdSchema,
  clause: IdSchema,
  seeAlso: Type.Optional(Type.Array(IdSchema)),
  legalBasis: Type.Optional(LegalBasisSchema),
  confidence: ConfidenceSchema,
};

// Paras 4, 5 and 2(10): free of charge, within the indicators that exist, restricted information.
export const RequestPrincipleSchema = versioned({ ...ruleProperties });
export type RequestPrinciple = Static<typeof RequestPrincipleSchema>;

// Para 7: the channel through which each kind of requester sends a request.
export const RequestReceiptChannelSchema = versioned({ ...ruleProperties, requester: RequesterSchema });
export type RequestReceiptChannel = Static<typeof RequestReceiptChannelSchema>;

// Para 6: who may sign a state body's request.
export const RequestSignatorySchema = versioned({
  ...ruleProperties,
  requester: RequesterSchema,
  allowed: Type.Array(oneOf(['head', 'acting-head', 'authorised-official'] as const), { minItems: 1 }),
});
export type RequestSignatory = Static<typeof RequestSignatorySchema>;

// Para 8: what a request must name.
export const RequestContentRequirementSchema = versioned({
  ...ruleProperties,
  field: oneOf(['unit', 'information', 'period'] as const),
  values: Type.Optional(Type.Array(IdSchema, { minItems: 1 })),
});
export type RequestContentRequirement = Static<typeof RequestContentRequirementSchema>;

// Paras 7 and 9: the grounds to leave a request without consideration.
export const RequestGroundSchema = versioned({ ...ruleProperties });
export type RequestGround = Static<typeof RequestGroundSchema>;

// Para 6 (Law 221, arts. 7-8): terms of consideration, extension and forwarding.
export const RequestTermSchema = versioned({
  ...ruleProperties,
  termKind: oneOf(['consideration', 'extension', 'extension-notice', 'forwarding'] as const),
  days: Type.Integer({ minimum: 1 }),
  dayKind: oneOf(['calendar', 'working'] as const),
  counting: TextSchema,
});
export type RequestTerm = Static<typeof RequestTermSchema>;
