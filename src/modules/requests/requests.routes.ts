// The staff's API for requests (Order 25, paras 4-9): check, register, list, read, correct,
// extend, close. Editors and the administrator; problems as RFC 9457.
import { Type } from '@sinclair/typebox';
import client from 'prom-client';
import type { Config } from '../../platform/config.js';
import { localDateOf } from '../../platform/clock.js';
import { metaOf, schemas, type HttpApp } from '../../platform/http/index.js';
import type { Deps } from '../../platform/usecase.js';
import { RequestBodySchema, IndicatorSchema } from './request.input.js';
import { CheckResultSchema, RequestListSchema, RequestViewSchema } from './requests.schemas.js';
import {
  checkRequest,
  closeRequest,
  correctRequest,
  extendRequestTerm,
  getRequest,
  listRequests,
  overdueRequests,
  registerRequest,
  type Correction,
} from './requests.service.js';

const { actorSecurity, problems } = schemas;
const tags = ['requests'];
const Number_ = Type.Object({ number: Type.String({ pattern: '^[0-9]{4}-[0-9]{5,}$', maxLength: 20 }) });
const Reason = Type.String({ minLength: 1, maxLength: 2000 });

export function registerRequestRoutes(
  app: HttpApp,
  deps: Deps,
  config: Config,
  metrics: client.Registry,
): void {
  const baseUrl = config.publicBaseUrl.replace(/\/$/, '');

  app.post(
    '/api/v1/staff/requests/check',
    {
      schema: {
        tags,
        summary: 'Decide a request by the rules of Order 25, paras 4-9, without registering it',
        security: actorSecurity,
        body: RequestBodySchema,
        response: { 200: CheckResultSchema, ...problems(400, 401, 403, 422) },
      },
    },
    async (req) => checkRequest(deps, req.actor, { body: req.body, baseUrl }),
  );

  app.post(
    '/api/v1/staff/requests',
    {
      schema: {
        tags,
        summary:
          'Register a request: the same decision as the check, with a number and the due date of its term',
        security: actorSecurity,
        body: RequestBodySchema,
        response: { 201: RequestViewSchema, ...problems(400, 401, 403, 422) },
      },
    },
    async (req, reply) => {
      const view = await registerRequest(deps, req.actor, { body: req.body, baseUrl }, metaOf(req));
      return reply.code(201).header('location', `/api/v1/staff/requests/${view.number}`).send(view);
    },
  );

  app.get(
    '/api/v1/staff/requests',
    {
      schema: {
        tags,
        summary: 'The request register, by the day its term ends',
        security: actorSecurity,
        querystring: Type.Object(
          {
            state: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('closed')])),
            dueBefore: Type.Optional(
              Type.String({ maxLength: 10, description: 'terms that end before this day' }),
            ),
            overdue: Type.Optional(Type.Boolean({ description: 'open requests whose term has ended' })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
            offset: Type.Optional(Type.Integer({ minimum: 0 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: RequestListSchema, ...problems(401, 403, 422) },
      },
    },
    async (req) => listRequests(deps, req.actor, req.query),
  );

  app.get(
    '/api/v1/staff/requests/:number',
    {
      schema: {
        tags,
        summary: 'A request with its decision, term and history',
        security: actorSecurity,
        params: Number_,
        response: { 200: RequestViewSchema, ...problems(401, 403, 404) },
      },
    },
    async (req) => getRequest(deps, req.actor, { number: req.params.number }),
  );

  app.post(
    '/api/v1/staff/requests/:number/correct',
    {
      schema: {
        tags,
        summary:
          'Correct the structured fields of a request (the decision is taken again by the rules of its registration date)',
        security: actorSecurity,
        params: Number_,
        body: Type.Object(
          {
            reason: Reason,
            organisation: Type.Optional(Type.String({ maxLength: 80 })),
            signatory: Type.Optional(RequestBodySchema.properties.signatory),
            unit: Type.Optional(RequestBodySchema.properties.unit),
            information: Type.Optional(Type.String({ maxLength: 20_000 })),
            indicators: Type.Optional(Type.Array(IndicatorSchema, { maxItems: 50 })),
            period: Type.Optional(Type.String({ maxLength: 40 })),
            copiesOf: Type.Optional(RequestBodySchema.properties.copiesOf),
          },
          { additionalProperties: false },
        ),
        response: { 200: RequestViewSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) =>
      correctRequest(
        deps,
        req.actor,
        { number: req.params.number, correction: req.body as Correction, baseUrl },
        metaOf(req),
      ),
  );

  app.post(
    '/api/v1/staff/requests/:number/extend',
    {
      schema: {
        tags,
        summary:
          'Extend the term of a request, with its reason; the applicant is to be told by the day answered',
        security: actorSecurity,
        params: Number_,
        body: Type.Object(
          {
            until: Type.String({ maxLength: 10, description: 'the new last day, YYYY-MM-DD' }),
            reason: Reason,
          },
          { additionalProperties: false },
        ),
        response: { 200: RequestViewSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) =>
      extendRequestTerm(deps, req.actor, { number: req.params.number, ...req.body }, metaOf(req)),
  );

  app.post(
    '/api/v1/staff/requests/:number/close',
    {
      schema: {
        tags,
        summary: 'Close a request, with a note of how it was answered',
        security: actorSecurity,
        params: Number_,
        body: Type.Object({ note: Reason }, { additionalProperties: false }),
        response: { 200: RequestViewSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) =>
      closeRequest(deps, req.actor, { number: req.params.number, note: req.body.note }, metaOf(req)),
  );

  // Open requests whose term has ended, for the operators' alerts (read when scraped).
  new client.Gauge({
    name: 'zanstat_requests_overdue',
    help: 'Open requests whose term (extended where it was) has ended',
    registers: [metrics],
    async collect() {
      this.set(await overdueRequests(deps.db, localDateOf(deps.clock.now())));
    },
  });
}
