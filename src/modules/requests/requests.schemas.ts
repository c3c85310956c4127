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
  answeredAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description: 'when its reply letter was approved and sent',
  }),
  statusCode: Type.Optional(
    Type.String({
      description: 'given once, at registration: the applicant sees the status by the number and this code',
    }),
  ),
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

export const LetterViewSchema = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  kind: Type.Union(
    ['answer', 'refusal', 'incomplete'].map((s) => Type.Literal(s)),
    {
      description:
        'answer: the covering letter and the tables; refusal: left without consideration or not accepted, with the ground; incomplete: what is missing (para 8)',
    },
  ),
  lang: Type.Union(['kk', 'ru', 'en'].map((s) => Type.Literal(s))),
  state: Type.Union(
    ['draft', 'superseded', 'approved'].map((s) => Type.Literal(s)),
    {
      description: 'approved: the version sent, kept as sent',
    },
  ),
  draftedAt: Type.String({ format: 'date-time' }),
  draftedBy: Type.String(),
  approvedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  approvedBy: Type.Union([Type.String(), Type.Null()]),
  paragraphs: Type.Array(Type.String(), { description: "the letter's text before its tables" }),
  tables: Type.Array(
    Type.Object({
      indicator: Type.Integer(),
      form: Type.String(),
      section: Type.String(),
      period: Type.String(),
      link: Type.String({ description: 'the published table it is cut from' }),
    }),
  ),
  delivery: Type.Union([
    Type.Object({
      key: Type.String(),
      recipient: Type.String({ description: 'the channel the request came by' }),
      state: Type.Union(
        ['pending', 'delivered', 'acknowledged', 'dead', 'undeliverable'].map((s) => Type.Literal(s)),
      ),
      attempts: Type.Integer(),
      deliveredAt: Type.Union([Type.String(), Type.Null()]),
      acknowledgedAt: Type.Union([Type.String(), Type.Null()]),
      lastError: Type.Union([Type.String(), Type.Null()]),
    }),
    Type.Null(),
  ]),
});

export const LetterListSchema = Type.Object({ letters: Type.Array(LetterViewSchema) });

export const ApplicantStatusSchema = Type.Object({
  number: Type.String(),
  status: Type.Union(['under-consideration', 'answered', 'closed'].map((s) => Type.Literal(s))),
});
