// The outbox over HTTP: the staff's list of deliveries and the re-send (editors and the
// administrator), and the receipts route where a recipient's system acknowledges a delivery with
// a signed message (docs/outbox.md).
import { Type, type Static } from '@sinclair/typebox';
import { unauthenticated } from '../../platform/errors/index.js';
import { metaOf, parseJsonStrictly, schemas, type HttpApp } from '../../platform/http/index.js';
import { systemActor, type Deps } from '../../platform/usecase.js';
import {
  DeliveryListSchema,
  DeliverySchema,
  DeliveryStateSchema,
  ReceiptAnswerSchema,
  ReceiptBodySchema,
} from './outbox.schemas.js';
import { acknowledgeDelivery, listDeliveries, resendDelivery } from './outbox.service.js';
import type { OutboxSettings } from './outbox.settings.js';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verify } from './outbox.signature.js';
import { recipientOfKey, type DeliveryState } from './outbox.repository.js';
import { signingKeysFor } from './outbox.keyring.js';

const { actorSecurity, problems } = schemas;
const tags = ['outbox'];

export function registerOutboxRoutes(app: HttpApp, deps: Deps, settings: OutboxSettings): void {
  app.get(
    '/api/v1/staff/outbox',
    {
      schema: {
        tags,
        summary:
          'Every delivery the system sends (collections, replies), newest first, with its state and tries',
        security: actorSecurity,
        querystring: Type.Object(
          {
            state: Type.Optional(DeliveryStateSchema),
            kind: Type.Optional(Type.String({ maxLength: 40 })),
            recipient: Type.Optional(Type.String({ maxLength: 80 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
            offset: Type.Optional(Type.Integer({ minimum: 0 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: DeliveryListSchema, ...problems(401, 403, 422) },
      },
    },
    async (req) =>
      listDeliveries(deps, req.actor, { ...req.query, state: req.query.state as DeliveryState | undefined }),
  );

  app.post(
    '/api/v1/staff/outbox/:id/resend',
    {
      schema: {
        tags,
        summary:
          'Send a delivery again (dead-lettered, undeliverable, or asked for again), with the same key',
        security: actorSecurity,
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        body: Type.Object(
          { reason: Type.String({ minLength: 1, maxLength: 2000 }) },
          { additionalProperties: false },
        ),
        response: { 200: DeliverySchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) =>
      resendDelivery(deps, req.actor, { id: req.params.id, reason: req.body.reason, settings }, metaOf(req)),
  );

  // The receipt is verified over the exact bytes received: this scope keeps the raw body.
  const raw = new WeakMap<object, string>();
  void app.register(async (scope) => {
    parseJsonStrictly(scope, (req, body) => raw.set(req, body));
    scope.post(
      '/api/v1/outbox/receipts',
      {
        schema: {
          tags,
          summary: `A recipient acknowledges a delivery: JSON signed with HMAC-SHA256 over "<timestamp>.<body>" (headers ${SIGNATURE_HEADER}: v1=<hex>, ${TIMESTAMP_HEADER}: <Unix seconds>)`,
          headers: Type.Object({
            [SIGNATURE_HEADER]: Type.Optional(Type.String({ maxLength: 200 })),
            [TIMESTAMP_HEADER]: Type.Optional(Type.String({ maxLength: 20 })),
          }),
          body: ReceiptBodySchema,
          response: { 200: ReceiptAnswerSchema, ...problems(400, 401, 404, 422) },
        },
      },
      async (req) => {
        // The keys of the delivery's recipient (both during a rotation's overlap); a key we never
        // sent is checked against the shared key alone, so that its absence is not told unsigned.
        const now = deps.clock.now();
        const { key: deliveryKey } = req.body as Static<typeof ReceiptBodySchema>;
        const recipient = await recipientOfKey(deps.db, deliveryKey);
        const secrets = recipient
          ? signingKeysFor(settings.keyring, settings.signingSecret, recipient, now)
          : settings.signingSecret
            ? [settings.signingSecret]
            : [];
        const ok =
          secrets.length > 0 &&
          verify(
            secrets,
            now,
            req.headers[TIMESTAMP_HEADER] as string | undefined,
            req.headers[SIGNATURE_HEADER] as string | undefined,
            raw.get(req) ?? '',
          );
        if (!ok)
          throw unauthenticated(
            "The receipt is not signed with the recipient's outbox key, or its timestamp is too far from now.",
            'invalid_signature',
          );
        const { key, ...rest } = req.body as Static<typeof ReceiptBodySchema>;
        const result = await acknowledgeDelivery(
          deps,
          systemActor('outbox.receipts'),
          { key, receipt: rest },
          metaOf(req),
        );
        return result;
      },
    );
  });
}
