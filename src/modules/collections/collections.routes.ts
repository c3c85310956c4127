// The staff's API of the collections: the schedule (what was built, what went to whom, when,
// acknowledged, late against the 14th) and a build now; editors and the administrator. Late
// copies in /metrics.
import { Type } from '@sinclair/typebox';
import client from 'prom-client';
import { metaOf, schemas, type HttpApp } from '../../platform/http/index.js';
import type { Deps } from '../../platform/usecase.js';
import type { OutboxSettings } from '../outbox/index.js';
import { buildCollection } from './collections.build.js';
import { BuildOutcomeSchema, ScheduleSchema } from './collections.schemas.js';
import { collectionSchedule, lateCopies } from './collections.service.js';
import { downloadOwnCopy, listOwnCopies } from './collections.recipient.js';
import {
  OwnCopiesSchema,
  PlaceholdersSchema,
  ResolutionBodySchema,
  ResolutionSchema,
} from './collections.schemas.js';
import { listPlaceholders, resolveRecipient } from './collection.recipients.js';

const { actorSecurity, problems } = schemas;
const tags = ['collections'];

export function registerCollectionRoutes(
  app: HttpApp,
  deps: Deps,
  settings: OutboxSettings,
  metrics: client.Registry,
  lateFromPeriod: string | null,
): void {
  const scheduleSettings = { outbox: settings, lateFromPeriod };
  app.get(
    '/api/v1/staff/collections',
    {
      schema: {
        tags,
        summary:
          'The collections of Appendix 1 in use, per quarter: built versions, the copy of each recipient (adapter, state, when, acknowledged) and what is late against the due day',
        security: actorSecurity,
        querystring: Type.Object(
          {
            quarter: Type.Optional(
              Type.String({ maxLength: 10, description: 'YYYY-Qn; default the last four quarters' }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: ScheduleSchema, ...problems(401, 403, 422) },
      },
    },
    async (req) => collectionSchedule(deps, req.actor, { ...req.query, settings: scheduleSettings }),
  );

  app.post(
    '/api/v1/staff/collections/:collection/:quarter/build',
    {
      schema: {
        tags,
        summary: 'Build a collection for a quarter now (a new version, with its reason, when one exists)',
        security: actorSecurity,
        params: Type.Object({
          collection: Type.String({ maxLength: 80 }),
          quarter: Type.String({ pattern: '^[0-9]{4}-Q[1-4]$', maxLength: 7 }),
        }),
        body: Type.Object(
          { reason: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })) },
          { additionalProperties: false },
        ),
        response: { 200: BuildOutcomeSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) =>
      buildCollection(
        deps,
        req.actor,
        {
          collection: req.params.collection,
          quarter: req.params.quarter,
          outbox: settings,
          ...(req.body.reason ? { reason: req.body.reason } : {}),
        },
        metaOf(req),
      ),
  );

  app.get(
    '/api/v1/staff/collections/recipients',
    {
      schema: {
        tags,
        summary:
          'The placeholder recipients of Appendix 1 (cells whose column header the published text lost), each with the organisation it is resolved to and the history',
        security: actorSecurity,
        response: { 200: PlaceholdersSchema, ...problems(401, 403) },
      },
    },
    async (req) => listPlaceholders(deps, req.actor, undefined),
  );

  app.post(
    '/api/v1/staff/collections/recipients/:placeholder/resolutions',
    {
      schema: {
        tags,
        summary:
          'Resolve a placeholder recipient of Appendix 1 to an organisation of the catalogue from a day on (the administrator; journaled); builds from that day address the organisation',
        security: actorSecurity,
        params: Type.Object({ placeholder: Type.String({ maxLength: 80 }) }),
        body: ResolutionBodySchema,
        response: { 201: ResolutionSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      const out = await resolveRecipient(
        deps,
        req.actor,
        { placeholder: req.params.placeholder, ...req.body },
        metaOf(req),
      );
      return reply.status(201).send(out);
    },
  );

  app.get(
    '/api/v1/recipient/copies',
    {
      schema: {
        tags,
        summary: "The copies of the collections sent to the signed-in recipient's organisation, newest first",
        security: actorSecurity,
        response: { 200: OwnCopiesSchema, ...problems(401, 403) },
      },
    },
    async (req) => ({ copies: await listOwnCopies(deps, req.actor, undefined) }),
  );

  app.get(
    '/api/v1/recipient/copies/:id/documents/:name',
    {
      schema: {
        tags,
        summary:
          "Download a document of one of the organisation's copies (journaled; the first download acknowledges it)",
        security: actorSecurity,
        params: Type.Object({
          id: Type.Integer({ minimum: 1 }),
          name: Type.String({ minLength: 1, maxLength: 200 }),
        }),
        response: {
          200: Type.Unknown({ description: 'the XLSX or PDF file' }),
          ...problems(401, 403, 404, 422),
        },
      },
    },
    async (req, reply) => {
      const doc = await downloadOwnCopy(deps, req.actor, req.params, metaOf(req));
      return reply
        .header('content-type', doc.contentType)
        .header('content-disposition', `attachment; filename="${doc.name}"`)
        .send(doc.bytes);
    },
  );

  new client.Gauge({
    name: 'zanstat_collection_copies_late',
    help: 'Copies of the collections of the last four quarters not delivered by their due day (Order 25, para 13)',
    registers: [metrics],
    async collect() {
      this.set(await lateCopies(deps, scheduleSettings));
    },
  });
}
