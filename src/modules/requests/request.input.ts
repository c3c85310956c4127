// A request for legal statistical information as it is checked and registered (Order 25, paras
// 2(9), 6-8): the same body for `check` and for registration. The schema checks shapes only; what
// the rules decide (a channel outside the catalogue, a missing period) is a decision, not an error.
import { Type, type Static } from '@sinclair/typebox';

const Text = (maxLength: number, description?: string) =>
  Type.String({ minLength: 1, maxLength, ...(description ? { description } : {}) });
const Id = Type.String({ pattern: '^[a-z0-9]+([.-][a-z0-9]+)*$', maxLength: 80 });

export const APPLICANT_KINDS_INPUT = [
  'state-body',
  'prosecution-body',
  'individual',
  'legal-entity',
] as const;
export const UNITS = ['crime', 'offence', 'criminal-case', 'person'] as const;
export type Unit = (typeof UNITS)[number];

export const IndicatorSchema = Type.Object(
  {
    form: Text(100, "the form's code as the act writes it (1-М), its slug (1-m) or an alias"),
    section: Type.Optional(Text(20, 'the section (R1); optional where the row codes are unique in the form')),
    rows: Type.Optional(
      Type.Array(Text(20), { minItems: 1, maxItems: 500, description: 'row codes; default: every row' }),
    ),
    graphs: Type.Optional(
      Type.Array(Type.Integer({ minimum: 1, maximum: 500 }), {
        minItems: 1,
        maxItems: 500,
        description: 'graph numbers; default: every graph',
      }),
    ),
    regions: Type.Optional(
      Type.Array(Type.String({ pattern: '^[0-9A-Za-z-]{1,20}$' }), {
        minItems: 1,
        maxItems: 40,
        description:
          'KATO region codes, 00 the republic (agency codes for a form broken down by agency); default: the republic',
      }),
    ),
  },
  { additionalProperties: false },
);
export type IndicatorInput = Static<typeof IndicatorSchema>;

export const RequestBodySchema = Type.Object(
  {
    channel: Type.String({
      minLength: 1,
      maxLength: 60,
      description:
        'how the request arrived: a receipt channel of the catalogue (unified-edms, kadagalau, written-appeal) or oral, telephone, email, messenger, social-network, other',
    }),
    applicant: Type.Object(
      {
        kind: Type.Union(APPLICANT_KINDS_INPUT.map((k) => Type.Literal(k))),
        name: Text(500, "the applicant's name as written"),
        organisation: Type.Optional(Id),
        address: Type.Optional(Text(1000, 'where the reply goes')),
      },
      { additionalProperties: false },
    ),
    signatory: Type.Optional(
      Type.Object(
        {
          role: Type.Union(
            ['head', 'acting-head', 'authorised-official', 'other'].map((r) => Type.Literal(r)),
          ),
          position: Type.Optional(Text(500, 'the position as written')),
          name: Type.Optional(Text(500)),
        },
        { additionalProperties: false },
      ),
    ),
    unit: Type.Optional(Type.Union(UNITS.map((u) => Type.Literal(u)))),
    information: Type.Optional(
      Type.String({ maxLength: 20_000, description: 'the text of the request as written' }),
    ),
    indicators: Type.Optional(Type.Array(IndicatorSchema, { maxItems: 50 })),
    period: Type.Optional(
      Type.String({
        maxLength: 40,
        description: 'a year (2022), month (2022-03), quarter (2022-Q1), half (2022-H1) or a range A..B',
      }),
    ),
    copiesOf: Type.Optional(
      Type.Array(Id, {
        maxItems: 10,
        description:
          'what the request asks copies of, where it does: information-accounting-document, document, primary-accounting-form, screenshot',
      }),
    ),
    language: Type.Optional(
      Type.Union(
        ['kk', 'ru', 'en'].map((l) => Type.Literal(l)),
        { description: "the language of the reply (the applicant's: kk or ru, en where asked); default kk" },
      ),
    ),
    registeredOn: Type.Optional(
      Type.String({ maxLength: 10, description: 'YYYY-MM-DD; default: today in Kazakhstan' }),
    ),
    attachments: Type.Optional(
      Type.Array(
        Type.Object(
          {
            name: Text(300),
            mediaType: Type.Optional(Text(200)),
            description: Type.Optional(Text(2000)),
          },
          { additionalProperties: false },
        ),
        { maxItems: 50 },
      ),
    ),
  },
  { additionalProperties: false },
);
export type RequestBody = Static<typeof RequestBodySchema>;
