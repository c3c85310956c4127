// The shapes the requests API answers with, published in the OpenAPI and used by the serializer.
import { Type } from '@sinclair/typebox';
import { schemas } from '../../platform/http/index.js';
import { RequestBodySchema } from './request.input.js';

const Titles = Type.Object({ kk: Type.String(), ru: Type.String(), en: Type.String() });
const LegalBasis = Type.Object({ act: Type.String(), article: Type.String() });

export const GroundSchema = Type.Object({
  id: Type.String({ description: 'the rule of catalog/request-rules.yaml that decided' }),
  clause: Type.String({ description: 'the clause of the act, e.g. o25.i.p7.3' }),
  act: Type.String(),
  basis: Type.Union([Type.Literal('act'), Type.Literal('inferred')], {
    description: 'inferred: the act implies the rule without naming the outcome (see reasoning)',
  }),
  titles: Titles,
  legalBasis: Type.Optional(LegalBasis),
  reasoning: Type.Optional(Type.String()),
});

const Shortfall = Type.Object({
  what: Type.String(),
  reason: Type.String({
    description:
      'not-published, not-in-form, finer-than-form, region-not-published, partial-coverage, official-use, secret',
  }),
  detail: Type.String(),
});

export const FindingSchema = Type.Object({
  index: Type.Integer({ description: 'the position of the indicator in the request' }),
  form: Type.String(),
  section: Type.String(),
  rows: Type.Array(Type.String()),
  graphs: Type.Array(Type.Integer()),
  regions: Type.Array(Type.String()),
  periods: Type.Array(
    Type.Object({ period: Type.String(), derivedFrom: Type.Optional(Type.Array(Type.String())) }),
  ),
  status: Type.Union(['published', 'available', 'partial', 'not-available'].map((s) => Type.Literal(s))),
  links: Type.Array(Type.String()),
  withheld: Type.Array(Shortfall),
  notAvailable: Type.Array(Shortfall),
  demonstration: Type.Boolean({ description: 'the published figures are synthetic demonstration data' }),
});

export const DecisionSchema = Type.Object({
  outcome: Type.Union(
    ['accepted', 'left-without-consideration', 'not-accepted', 'incomplete'].map((s) => Type.Literal(s)),
  ),
  ground: GroundSchema,
  rulesOn: Type.String({ description: 'the day whose rules decided (the registration date)' }),
  checks: Type.Array(
    Type.Object({
      check: Type.Union(
        ['channel', 'signatory', 'content', 'copies-of-documents', 'publicly-available'].map((s) =>
          Type.Literal(s),
        ),
      ),
      met: Type.Boolean(),
    }),
  ),
  missing: Type.Optional(Type.Array(Type.String())),
  channelsForApplicant: Type.Optional(Type.Array(Type.String())),
  copies: Type.Optional(
    Type.Object({
      by: Type.Union([Type.Literal('field'), Type.Literal('text')]),
      words: Type.Array(Type.String()),
    }),
  ),
  links: Type.Optional(Type.Array(Type.String())),
  fee: Type.Optional(Type.Literal(0, { description: 'Order 25, para 4: free of charge' })),
  answer: Type.Optional(
    Type.Object({
      kind: Type.Union(
        ['table-from-indicators', 'partial', 'indicator-not-available'].map((s) => Type.Literal(s)),
      ),
      indicators: Type.Array(FindingSchema),
      officialUse: Type.Boolean({
        description: "the applicant's organisation holds the right to official-use figures",
      }),
    }),
  ),
});

export const TermSchema = Type.Object({
  id: Type.String(),
  clause: Type.String(),
  legalBasis: Type.Optional(LegalBasis),
  basis: Type.Union([Type.Literal('act'), Type.Literal('inferred')]),
  length: Type.Object({
    days: Type.Optional(Type.Integer()),
    months: Type.Optional(Type.Integer()),
    dayKind: Type.Union([Type.Literal('calendar'), Type.Literal('working')]),
  }),
  due: Type.String({ description: 'the last day of the term, on the working-day calendar' }),
});

export const CheckResultSchema = Type.Object({
  registeredOn: Type.String(),
  decision: DecisionSchema,
  term: TermSchema,
});

export const RequestViewSchema = Type.Object({
  number: Type.String(),
  registeredOn: Type.String(),
  registeredAt: Type.String({ format: 'date-time' }),
  registeredBy: Type.String(),
  state: Type.Union([Type.Literal('open'), Type.Literal('closed')]),
  outcome: Type.String(),
  decision: DecisionSchema,
  request: RequestBodySchema,
  term: Type.Intersect([
    TermSchema,
    Type.Object({
      extendedUntil: Type.Union([Type.String(), Type.Null()]),
      endsOn: Type.String(),
      overdue: Type.Boolean(),
    }),
  ]),
  closed: Type.Union([
    Type.Object({ at: Type.String(), by: Type.String(), note: Type.String() }),
    Type.Null(),
  ]),
  history: Type.Optional(
    Type.Array(
      Type.Object({
        at: Type.String(),
        by: Type.String(),
        action: Type.String(),
        detail: schemas.JsonObject('what the step recorded'),
      }),
    ),
  ),
});

export const RequestListSchema = Type.Object({
  total: Type.Integer(),
  requests: Type.Array(RequestViewSchema),
});
