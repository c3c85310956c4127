// The outbox's API shapes (OpenAPI from the same TypeBox schemas).
import { Type } from '@sinclair/typebox';
import { schemas } from '../../platform/http/index.js';

const Time = Type.String({ format: 'date-time' });
const NullableTime = Type.Union([Time, Type.Null()]);

export const DeliveryStateSchema = Type.Union(
  ['pending', 'delivered', 'acknowledged', 'dead', 'undeliverable'].map((s) => Type.Literal(s)),
  {
    description:
      'pending (to be tried), delivered (the receiver took it), acknowledged (a receipt came back), dead (every try failed), undeliverable (no adapter reaches the recipient)',
  },
);

export const DeliverySchema = Type.Object(
  {
    id: Type.Integer(),
    key: Type.String({ description: 'the idempotency key sent with every try' }),
    kind: Type.String({ description: 'what produced it: collection-copy, request-reply' }),
    subjectId: Type.String(),
    recipient: Type.String({ description: 'an organisation id' }),
    copies: Type.Integer({ minimum: 1, description: "the number in the recipient's cell of Appendix 1" }),
    adapter: Type.Union([
      Type.Literal('edms'),
      Type.Literal('file-drop'),
      Type.Literal('webhook'),
      Type.Null(),
    ]),
    state: DeliveryStateSchema,
    attempts: Type.Integer({ minimum: 0 }),
    maxAttempts: Type.Integer({ minimum: 1 }),
    nextAttemptAt: NullableTime,
    lastError: Type.Union([Type.String(), Type.Null()]),
    createdAt: Time,
    deliveredAt: NullableTime,
    acknowledgedAt: NullableTime,
    receipt: schemas.JsonValue('the receipt the receiver sent back, as it sent it'),
    title: schemas.JsonValue("the document's title, as the producer gave it"),
    metadata: schemas.JsonValue("the producer's data for the adapters"),
    history: Type.Array(
      Type.Object({
        n: Type.Integer(),
        at: Time,
        adapter: Type.String(),
        outcome: Type.String(),
        detail: Type.Union([Type.String(), Type.Null()]),
      }),
    ),
  },
  { additionalProperties: false },
);

export const DeliveryListSchema = Type.Object(
  { total: Type.Integer({ minimum: 0 }), deliveries: Type.Array(DeliverySchema) },
  { additionalProperties: false },
);

export const ReceiptBodySchema = Type.Object(
  {
    key: Type.String({ minLength: 1, maxLength: 300, description: 'the idempotency key of the delivery' }),
    receivedAt: Type.Optional(Type.String({ format: 'date-time', maxLength: 40 })),
    reference: Type.Optional(
      Type.String({ maxLength: 200, description: "the recipient's registration number" }),
    ),
  },
  { additionalProperties: false },
);

export const ReceiptAnswerSchema = Type.Object(
  { key: Type.String(), state: Type.Literal('acknowledged'), acknowledgedAt: Time },
  { additionalProperties: false },
);
