// CKAN's Action API v3 at /api/3/action/{action} and /api/action/{action} (ckanapi uses the
// second), GET with query arguments or POST with a JSON body, JSONP with `callback=`; CKAN's
// envelope (`help`, `success`, `result`) and its errors (`success: false`, `error.__type`,
// `error.message`); the resource files and the DataStore dumps the resources' URLs name.
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../../platform/config.js';
import { schemas, toProblem, type HttpApp } from '../../../platform/http/index.js';
import type { Deps } from '../../../platform/usecase.js';
import { JsonStatDatasetSchema, XLSX_TYPE } from '../../statistics/index.js';
import { Readable } from 'node:stream';
import { DATASTORE_KEY, datastoreCsv } from '../opendata.build.js';
import * as repo from '../opendata.repository.js';
import { ACTIONS, type ActionContext } from './ckan.actions.js';
import type { Lang } from './ckan.model.js';
import { catalogView } from './catalog-view.js';
import { CkanError, Params } from './ckan.params.js';

const CALLBACK = /^[A-Za-z_$][\w$.]{0,99}$/;
const Envelope = Type.Object(
  {
    help: Type.String({ description: 'the URL of help_show for this action' }),
    success: Type.Boolean(),
    result: Type.Optional(schemas.JsonValue("the action's result, as CKAN 2.10 gives it")),
    error: Type.Optional(
      Type.Object(
        { __type: Type.String(), message: Type.String() },
        {
          additionalProperties: true,
          description: 'on failure: the type and message; a validation error names its fields',
        },
      ),
    ),
  },
  { description: "CKAN's envelope" },
);

const NotFound = Type.Object({ message: Type.String() }, { description: 'no such file (as CKAN answers)' });

export function registerCkanRoutes(app: HttpApp, deps: Deps, config: Config, version: string): void {
  const baseUrl = config.publicBaseUrl.replace(/\/$/, '');
  const rateLimit =
    config.rateLimitOpenData > 0 ? { max: config.rateLimitOpenData, timeWindow: 60_000 } : false;

  const handle = async (req: FastifyRequest, reply: FastifyReply) => {
    const action = (req.params as { action: string }).action;
    const query = (req.query ?? {}) as Record<string, unknown>;
    const body =
      req.method === 'POST' && req.body && typeof req.body === 'object'
        ? (req.body as Record<string, unknown>)
        : {};
    const values = { ...query, ...body };
    const callback = req.method === 'GET' ? (query.callback as string | undefined) : undefined;
    const langValue = String(values.lang ?? 'kk');
    delete values.callback;
    delete values.lang;
    delete values._;
    const help = `${baseUrl}/api/3/action/help_show?name=${encodeURIComponent(action)}`;
    let status = 200;
    let payload: Record<string, unknown>;
    try {
      const run = Object.hasOwn(ACTIONS, action) ? ACTIONS[action] : undefined;
      if (!run) throw new CkanError(400, 'Bad request', `Bad request - Action name not known: ${action}`);
      if (!['kk', 'ru', 'en'].includes(langValue))
        throw new CkanError(409, 'Validation Error', 'lang: kk, ru or en', { lang: ['kk, ru or en'] });
      if (callback !== undefined && !CALLBACK.test(callback))
        throw new CkanError(409, 'Validation Error', 'callback: not a JavaScript name', {
          callback: ['not a JavaScript name'],
        });
      const ctx: ActionContext = {
        deps,
        lang: langValue as Lang,
        version,
        view: () => catalogView(deps, baseUrl, config.lateFromPeriod),
      };
      payload = { help, success: true, result: await run.run(new Params(values), ctx) };
    } catch (err) {
      if (!(err instanceof CkanError)) throw err;
      status = err.status;
      payload = { help, success: false, error: { __type: err.type, message: err.message, ...err.fields } };
    }
    if (callback !== undefined && CALLBACK.test(callback)) {
      return reply
        .status(status)
        .type('application/javascript; charset=utf-8')
        .send(`${callback}(${JSON.stringify(payload)});`);
    }
    return reply.status(status).type('application/json; charset=utf-8').send(JSON.stringify(payload));
  };

  // What is refused before the action runs (a body that is not JSON, of another type, too large;
  // the rate limit) in CKAN's envelope too, in the words of the API's problems (which quote
  // nothing of the input); CKAN answers a validation error 409.
  const refuse = (err: unknown, req: FastifyRequest, reply: FastifyReply) => {
    const { problem, internal } = toProblem(err, String(req.id));
    if (internal) req.log.error({ err }, 'request failed');
    const action = String((req.params as { action?: unknown } | undefined)?.action ?? '');
    const status = problem.status === 422 ? 409 : problem.status;
    const payload = {
      help: `${baseUrl}/api/3/action/help_show?name=${encodeURIComponent(action.slice(0, 100))}`,
      success: false,
      error: {
        __type: status === 409 ? 'Validation Error' : problem.title,
        message: problem.detail,
        code: problem.code,
        requestId: problem.requestId,
      },
    };
    return reply.status(status).type('application/json; charset=utf-8').send(JSON.stringify(payload));
  };

  for (const prefix of ['/api/3/action', '/api/action']) {
    for (const method of ['GET', 'POST'] as const) {
      app.route({
        method,
        url: `${prefix}/:action`,
        config: { rateLimit },
        schema: {
          tags: ['open data'],
          summary: `CKAN Action API v3: ${Object.keys(ACTIONS).join(', ')} (read only; titles in Kazakh, lang=ru|en for others)`,
          params: Type.Object({ action: Type.String({ maxLength: 100 }) }),
          ...(method === 'POST' ? { body: Type.Optional(Type.Record(Type.String(), Type.Unknown())) } : {}),
          response: { 200: Envelope, 400: Envelope, 404: Envelope, 409: Envelope },
        },
        handler: handle,
        errorHandler: refuse,
      });
    }
  }

  app.get(
    '/api/3',
    {
      config: { rateLimit },
      schema: {
        tags: ['open data'],
        summary: "The CKAN API's version",
        response: { 200: Type.Object({ version: Type.Literal(3) }) },
      },
    },
    async () => ({ version: 3 as const }),
  );

  app.get(
    '/dataset/:dataset/resource/:id/download/:file',
    {
      config: { rateLimit },
      schema: {
        tags: ['open data'],
        summary: "A resource's file: a period's main table as CSV, XLSX or JSON-stat",
        params: Type.Object({
          dataset: Type.String({ maxLength: 100 }),
          id: Type.String({ format: 'uuid' }),
          file: Type.String({ maxLength: 200 }),
        }),
        response: {
          200: {
            description: 'the file, as built when the period was published or revised',
            content: {
              'text/csv': { schema: Type.String() },
              'application/json': { schema: JsonStatDatasetSchema },
              [XLSX_TYPE]: { schema: Type.String({ format: 'binary' }) },
            },
          },
          304: Type.Null({ description: 'the client holds this version (If-None-Match)' }),
          404: NotFound,
        },
      },
    },
    async (req, reply: FastifyReply) => {
      const { dataset, id } = req.params as { dataset: string; id: string };
      const found = await repo.findBody(deps.db, id);
      const resource = await repo.findResource(deps.db, id);
      if (!found?.body || resource?.dataset !== dataset)
        return reply
          .status(404)
          .type('application/json; charset=utf-8')
          .send(JSON.stringify({ message: 'Not found' }));
      const etag = `"${found.sha256}"`;
      if (req.headers['if-none-match'] === etag) return reply.status(304).send();
      return reply
        .header('etag', etag)
        .header('last-modified', found.built_at.toUTCString())
        .header('content-disposition', `attachment; filename="${found.file_name}"`)
        .type(found.media_type === 'text/csv' ? 'text/csv; charset=utf-8' : found.media_type)
        .send(found.body);
    },
  );

  app.get(
    '/datastore/dump/:id',
    {
      config: { rateLimit },
      schema: {
        tags: ['open data'],
        summary: "A DataStore resource's rows as CSV (UTF-8 with BOM), in _id order",
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: {
          200: { description: 'the rows as CSV', content: { 'text/csv': { schema: Type.String() } } },
          404: NotFound,
        },
      },
    },
    async (req, reply: FastifyReply) => {
      const { id } = req.params as { id: string };
      const resource = await repo.findResource(deps.db, id);
      if (resource?.key !== DATASTORE_KEY)
        return reply
          .status(404)
          .type('application/json; charset=utf-8')
          .send(JSON.stringify({ message: 'Not found' }));
      reply
        .header('etag', `"${resource.latest.sha256}"`)
        .header('content-disposition', `attachment; filename="${resource.latest.file_name}"`)
        .type('text/csv; charset=utf-8');
      // A list's rows are kept as the bytes of their version; a report's DataStore is streamed.
      const stored = await repo.findBody(deps.db, id);
      return reply.send(stored?.body ?? Readable.from(datastoreCsv(deps.db, id)));
    },
  );
}
