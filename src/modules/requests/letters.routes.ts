// The reply letters' API (Order 25, paras 4-9): draft a version, read the versions with their
// delivery states, download a version's PDF or payload, approve one (its reply enqueued into the
// outbox in the same transaction); and the applicant's status by number and code.
import { Type } from '@sinclair/typebox';
import type { Config } from '../../platform/config.js';
import { metaOf, schemas, type HttpApp } from '../../platform/http/index.js';
import type { Deps } from '../../platform/usecase.js';
import type { OutboxSettings } from '../outbox/index.js';
import { approveLetter, draftLetter, listLetters, readLetterDocument } from './letters.service.js';
import { requestStatus } from './request.status.js';
import { ApplicantStatusSchema, LetterListSchema, LetterViewSchema } from './requests.schemas.js';

const { actorSecurity, problems } = schemas;
const tags = ['requests'];
const NumberPattern = Type.String({ pattern: '^[0-9]{4}-[0-9]{5,}$', maxLength: 20 });
const Version = Type.Object({ number: NumberPattern, version: Type.Integer({ minimum: 1 }) });

export function registerLetterRoutes(app: HttpApp, deps: Deps, config: Config, outbox: OutboxSettings): void {
  const baseUrl = config.publicBaseUrl.replace(/\/$/, '');

  app.post(
    '/api/v1/staff/requests/:number/letters',
    {
      schema: {
        tags,
        summary:
          "Draft a new version of the request's reply letter from its decision (an accepted request: the published tables of its indicators)",
        security: actorSecurity,
        params: Type.Object({ number: NumberPattern }),
        body: Type.Object(
          {
            lang: Type.Optional(
              Type.Union(
                ['kk', 'ru', 'en'].map((l) => Type.Literal(l)),
                {
                  description: "default: the request's language, else kk",
                },
              ),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: LetterViewSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      const view = await draftLetter(
        deps,
        req.actor,
        { number: req.params.number, ...(req.body.lang ? { lang: req.body.lang as 'kk' } : {}), baseUrl },
        metaOf(req),
      );
      return reply.code(201).send(view);
    },
  );

  app.get(
    '/api/v1/staff/requests/:number/letters',
    {
      schema: {
        tags,
        summary: "The request's letters, every version, with the sent one's delivery and receipt",
        security: actorSecurity,
        params: Type.Object({ number: NumberPattern }),
        response: { 200: LetterListSchema, ...problems(401, 403, 404) },
      },
    },
    async (req) => ({ letters: await listLetters(deps, req.actor, { number: req.params.number }) }),
  );

  app.get(
    '/api/v1/staff/requests/:number/letters/:version/:file',
    {
      schema: {
        tags,
        summary: "A letter version's PDF (letter.pdf) or the document system's payload (payload.json)",
        security: actorSecurity,
        params: Type.Object({
          number: NumberPattern,
          version: Type.Integer({ minimum: 1 }),
          file: Type.Union([Type.Literal('letter.pdf'), Type.Literal('payload.json')]),
        }),
        response: {
          200: Type.Unsafe<Buffer>({
            type: 'string',
            format: 'binary',
            description: 'the PDF or the JSON payload',
          }),
          ...problems(401, 403, 404),
        },
      },
    },
    async (req, reply) => {
      const doc = await readLetterDocument(deps, req.actor, {
        number: req.params.number,
        version: req.params.version,
        format: req.params.file === 'letter.pdf' ? 'pdf' : 'json',
      });
      return reply
        .header('content-type', doc.contentType)
        .header('content-disposition', `inline; filename="${doc.name}"`)
        .send(doc.bytes);
    },
  );

  app.post(
    '/api/v1/staff/requests/:number/letters/:version/approve',
    {
      schema: {
        tags,
        summary:
          'Approve a draft letter: it is sent back through the channel the request came by (the outbox, same transaction) and the request is answered',
        security: actorSecurity,
        params: Version,
        response: { 200: LetterViewSchema, ...problems(401, 403, 404, 409) },
      },
    },
    async (req) =>
      approveLetter(
        deps,
        req.actor,
        { number: req.params.number, version: req.params.version, outbox },
        metaOf(req),
      ),
  );

  app.post(
    '/api/v1/requests/status',
    {
      // by the request's number and code: a few look-ups a minute per address, too few to guess codes
      config: { rateLimit: { max: config.rateLimitRequestStatus, timeWindow: 60_000 } },
      schema: {
        tags,
        summary:
          "An applicant's view of a request: its status only, by its number and the code given at registration",
        body: Type.Object(
          {
            number: Type.String({ minLength: 1, maxLength: 20 }),
            code: Type.String({ minLength: 1, maxLength: 40 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: ApplicantStatusSchema, ...problems(400, 404, 422) },
      },
    },
    async (req) => requestStatus(deps, req.actor, req.body),
  );
}
