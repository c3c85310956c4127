// The collections' API shapes: the schedule per collection and quarter (typed in the OpenAPI).
import { Type, type Static } from '@sinclair/typebox';
import { DeliverySchema, DeliveryStateSchema } from '../outbox/index.js';

const Time = Type.String({ format: 'date-time' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const RecipientViewSchema = Type.Object(
  {
    recipient: Type.String({
      description:
        'an organisation id; for the eight cells of Appendix 1 whose headers the published text lost, a placeholder id (appendix1-unresolved-p1 … p8)',
    }),
    status: Type.Union([Type.Literal('resolved'), Type.Literal('unresolved')]),
    placeholder: Nullable(
      Type.String({
        description: 'the placeholder of Appendix 1 an administrator resolved to this organisation',
      }),
    ),
    resolvedFrom: Nullable(Type.String({ format: 'date', description: 'the day the resolution holds from' })),
    copies: Type.Integer({ minimum: 1, description: 'the number in the cell of Appendix 1, read as copies' }),
    deliveryId: Nullable(Type.Integer()),
    key: Nullable(Type.String()),
    adapter: Nullable(Type.Union([Type.Literal('edms'), Type.Literal('file-drop'), Type.Literal('webhook')])),
    state: Nullable(DeliveryStateSchema),
    officialUse: Nullable(Type.Boolean({ description: 'the copy carries the official-use parts' })),
    deliveredAt: Nullable(Time),
    acknowledgedAt: Nullable(Time),
    firstDeliveredOn: Nullable(
      Type.String({ format: 'date', description: 'the first day a version reached it' }),
    ),
    undeliverable: Type.Boolean({ description: 'no adapter reaches it (or it is an unresolved cell)' }),
    late: Type.Boolean({ description: 'not delivered by the due day (or delivered after it)' }),
  },
  { additionalProperties: false },
);
export type RecipientView = Static<typeof RecipientViewSchema>;

export const CollectionQuarterSchema = Type.Object(
  {
    collection: Type.String(),
    row: Type.Integer({ description: 'the row of Appendix 1' }),
    titles: Type.Object({ kk: Type.String(), ru: Type.String(), en: Type.String() }),
    quarter: Type.String({ pattern: '^[0-9]{4}-Q[1-4]$' }),
    dueOn: Nullable(
      Type.String({ format: 'date', description: 'the 14th after the quarter, or the next working day' }),
    ),
    clause: Nullable(Type.String()),
    built: Type.Boolean(),
    builds: Type.Array(
      Type.Object({
        version: Type.Integer(),
        builtAt: Time,
        builtBy: Type.String(),
        reason: Nullable(Type.String()),
      }),
    ),
    inputs: Type.Array(
      Type.Object({
        form: Type.String(),
        code: Nullable(Type.String()),
        period: Type.String(),
        published: Type.Boolean(),
      }),
    ),
    problems: Type.Array(Type.String()),
    recipients: Type.Array(RecipientViewSchema),
    onTime: Type.Boolean({ description: 'every resolved recipient had a copy by the due day' }),
    late: Type.Integer({ minimum: 0 }),
    undeliverable: Type.Integer({ minimum: 0 }),
    unresolved: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);
export type CollectionQuarterView = Static<typeof CollectionQuarterSchema>;

export const ScheduleSchema = Type.Object(
  { quarters: Type.Array(Type.String()), collections: Type.Array(CollectionQuarterSchema) },
  { additionalProperties: false },
);

export const BuildOutcomeSchema = Type.Object(
  {
    collection: Type.String(),
    quarter: Type.String(),
    built: Type.Boolean(),
    version: Type.Integer(),
    reason: Nullable(Type.String()),
    deliveries: Type.Integer(),
  },
  { additionalProperties: false },
);

export const OwnCopiesSchema = Type.Object(
  {
    copies: Type.Array(
      Type.Object(
        { ...DeliverySchema.properties, documents: Type.Array(Type.String()) },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

const Titles = Type.Object({ kk: Type.String(), ru: Type.String(), en: Type.String() });

export const ResolutionSchema = Type.Object(
  {
    placeholder: Type.String(),
    organisation: Type.String(),
    validFrom: Type.String({ format: 'date' }),
    source: Type.String(),
    resolvedBy: Type.String(),
    resolvedAt: Time,
  },
  { additionalProperties: false },
);

export const ResolutionBodySchema = Type.Object(
  {
    organisation: Type.String({
      minLength: 1,
      maxLength: 80,
      description: 'an organisation id of the catalogue',
    }),
    validFrom: Type.String({
      maxLength: 10,
      description: 'YYYY-MM-DD: the collections address it from this day',
    }),
    source: Type.String({
      minLength: 1,
      maxLength: 2000,
      description: 'where the resolution comes from (the official text, a letter of the body)',
    }),
  },
  { additionalProperties: false },
);

export const PlaceholdersSchema = Type.Object(
  {
    placeholders: Type.Array(
      Type.Object(
        {
          placeholder: Type.String(),
          position: Nullable(Type.String()),
          titles: Titles,
          note: Nullable(Type.String()),
          current: Nullable(
            Type.Object(
              {
                organisation: Type.String(),
                titles: Nullable(Titles),
                validFrom: Type.String({ format: 'date' }),
              },
              { additionalProperties: false },
            ),
          ),
          history: Type.Array(Type.Omit(ResolutionSchema, ['placeholder'])),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
