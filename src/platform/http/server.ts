import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import client from 'prom-client';
import type { Config } from '../config.js';
import type { Logger } from '../logging.js';
import { anonymousActor, type Actor, type RequestMeta } from '../usecase.js';
import {
  malformedMultipart,
  methodsAt,
  multipartWithoutBoundary,
  parseJsonStrictly,
  trustProxyOf,
} from './hardening.js';
import { toProblem, type Problem } from './problem.js';
import { localiseProblem, problemLangOf } from './problem-text.js';
import { answerParserError } from './client-errors.js';
import { securityHeadersOf, securityPolicy } from './security-headers.js';
import {
  addressOf,
  AddressWindows,
  AnswerCache,
  answerBeforeTheFramework,
  sharedStore,
} from './answer-cache.js';

/** As long as the published index goes without a recheck (decision 0016): a second. */
const ANSWER_TTL_MS = 1000;
import { registerUploadParsers } from './upload-parsers.js';
import { OneLinePerRequest, requestIdOf } from './request-line.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
  interface FastifyInstance {
    servedRoutes: { method: string; url: string; hidden: boolean }[];
    /** renders an error as an HTML page for the pages of the portal; null elsewhere (the API) */
    htmlErrorPage: HtmlErrorPage | null;
    /** answers a route may put to be sent again to the same anonymous requests */
    answers: AnswerCache;
  }
}

/** The portal's error page for a problem on one of its pages, or null when the path is not a page. */
export type HtmlErrorPage = (problem: Problem, req: FastifyRequest) => string | null;

export type HttpApp = FastifyInstance<Server, IncomingMessage, ServerResponse, Logger, TypeBoxTypeProvider>;

/** Paths that need an actor; everything else under /api/v1 is public, read-only and rate-limited. */
export const actorPaths = ['/api/v1/staff/', '/api/v1/admin/', '/api/v1/submissions', '/api/v1/recipient/'];
/** The service's own endpoints (probes, metrics): never rate-limited, never a portal page. */
export const servicePaths = ['/healthz', '/readyz', '/metrics'];
/** Where the machine-facing surface lives: its errors are problem+json, never a page. */
export const machinePrefixes = [
  '/api/',
  '/docs',
  '/openapi.json',
  // open data: CKAN's resource files and DataStore dumps, the DCAT-AP catalogue
  '/dataset/',
  '/datastore/',
  '/catalog.',
  ...servicePaths,
];

/**
 * The API explorer's own policy (/docs only; the rest of the site keeps helmet's above): the
 * site's, plus the hash of the one style element swagger-ui injects when it starts (a browser
 * logs a violation without it). A new swagger-ui that injects another style fails
 * test/browser/docs.test.ts, which names the hash the browser asks for.
 */
export const docsCsp = {
  'default-src': "'self'",
  'base-uri': "'self'",
  'object-src': "'none'",
  'frame-ancestors': "'none'",
  'img-src': "'self' data:",
  'font-src': "'self' data:",
  'script-src': "'self'",
  'script-src-attr': "'none'",
  'style-src': "'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='",
};

export const metaOf = (req: FastifyRequest): RequestMeta => ({
  requestId: String(req.id),
  clientAddress: req.ip,
});

export interface HttpOptions {
  config: Config;
  logger: Logger;
  version: string;
}

export async function createHttpServer(
  opts: HttpOptions,
): Promise<{ app: HttpApp; metrics: client.Registry }> {
  const { config } = opts;
  // how an error is answered (set once the portal's page is known; used by the router's errors too)
  let send: (problem: Problem, req: FastifyRequest, reply: FastifyReply) => FastifyReply = () => {
    throw new Error('the error answer is not set yet');
  };
  const lines = new OneLinePerRequest(opts.logger);
  const app = Fastify({
    loggerInstance: opts.logger,
    logController: lines,
    bodyLimit: config.bodyLimitBytes,
    // a slow client is cut off: the whole request within requestTimeout (the headers within
    // headersTimeout, set on the server below), an idle kept-alive connection closed
    requestTimeout: config.requestTimeoutMs,
    keepAliveTimeout: config.keepAliveTimeoutMs,
    trustProxy: trustProxyOf(config.trustProxy),
    // Before a route: what the HTTP parser refuses (raw Cyrillic in the address) answers
    // problem+json too (client-errors.ts)
    clientErrorHandler: answerParserError,
    // the router's own refusals (a URL badly percent-encoded, a path segment too long) are problems
    frameworkErrors: (err, req, reply) => {
      req.actor = anonymousActor;
      reply.header('x-request-id', req.id);
      return send(toProblem(err, String(req.id)).problem, req, reply);
    },
    genReqId: requestIdOf,
    ajv: {
      customOptions: { removeAdditional: false, allErrors: true, coerceTypes: 'array', useDefaults: true },
    },
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as HttpApp;

  app.server.headersTimeout = Math.min(config.headersTimeoutMs, config.requestTimeoutMs);
  app.decorateRequest('actor', null as unknown as Actor);
  // Every route, for the test that holds the OpenAPI document to the routes served.
  const routes: { method: string; url: string; hidden: boolean }[] = [];
  app.decorate('servedRoutes', routes);
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) {
      if (method === 'HEAD') continue;
      routes.push({
        method,
        url: r.url,
        hidden: Boolean((r.schema as { hide?: boolean } | undefined)?.hide) || r.url.startsWith('/docs'),
      });
    }
  });
  // Per request only what differs per request: the actor, the request id. The security headers
  // are computed once (helmet's, for zanstat's policy) and set as helmet sets them, on every
  // answer, errors and 404s included. A callback hook: no promise per request.
  const security = securityHeadersOf(securityPolicy);
  app.addHook('onRequest', (req, reply, done) => {
    req.actor = anonymousActor;
    for (const [name, value] of security) reply.raw.setHeader(name, value);
    reply.header('x-request-id', req.id);
    done();
  });

  const metrics = new client.Registry();
  client.collectDefaultMetrics({ register: metrics });
  const duration = new client.Histogram({
    name: 'zanstat_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [metrics],
  });
  // each (method, route, status)'s series found once, not by hashing its labels on every answer
  const series = new Map<string, client.Histogram.Internal<'method' | 'route' | 'status'>>();
  const observe = (method: string, route: string, status: number, seconds: number) => {
    const key = `${method} ${status} ${route}`;
    let s = series.get(key);
    if (!s) series.set(key, (s = duration.labels({ method, route, status: String(status) })));
    s.observe(seconds);
  };
  app.addHook('onResponse', (req, reply, done) => {
    observe(req.method, req.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
    done();
  });

  // The same bytes for every anonymous reader, sent again without the framework (answer-cache.ts)
  const windows = new AddressWindows();
  const answers = new AnswerCache({
    ttlMs: ANSWER_TTL_MS,
    securityHeaders: security,
    requestIdOf,
    rateLimit:
      config.rateLimitPublic > 0
        ? {
            windows,
            max: config.rateLimitPublic,
            timeWindow: 60_000,
            addressOf: addressOf(config.trustProxy),
          }
        : null,
    answered: (req, route, status, requestId, ms) => {
      lines.write(requestId, req.method, req.url, status, ms);
      observe('GET', route, status, ms / 1000);
    },
  });
  answerBeforeTheFramework(app.server, answers);
  app.decorate('answers', answers);
  app.addHook('preClose', (done) => {
    answers.close();
    done();
  });
  new client.Counter({
    name: 'zanstat_http_answers_from_cache_total',
    help: 'Answers sent again from the answer cache, without the framework',
    registers: [metrics],
    collect() {
      this.reset();
      this.inc(answers.hits);
    },
  });

  await app.register(compress, { threshold: 1024 });
  await app.register(cookie);
  await app.register(formbody);
  // Plain text is no input format of zanstat: a body of any other type gets 415.
  app.removeContentTypeParser('text/plain');
  // The uploads, refused before a module reads them when they are out of proportion (uploads.ts)
  registerUploadParsers(app, config);
  // JSON as Fastify parses it, and no U+0000 in it: PostgreSQL's text cannot hold that character
  parseJsonStrictly(app);
  // A multipart body without its boundary cannot be read at all (the parser throws untyped)
  app.addHook('preParsing', (req, _reply, payload, done) => {
    if (multipartWithoutBoundary(req.headers['content-type'])) return done(malformedMultipart());
    done(null, payload);
  });
  if (config.rateLimitPublic > 0) {
    await app.register(rateLimit, {
      // the same counts as the answers the cache sends
      store: sharedStore(windows),
      max: config.rateLimitPublic,
      timeWindow: 60_000,
      allowList: (req) =>
        servicePaths.includes(req.url.split('?')[0] ?? '') || actorPaths.some((p) => req.url.startsWith(p)),
      errorResponseBuilder: (_req, ctx) =>
        Object.assign(
          new Error(`Too many requests: the limit is ${ctx.max} a minute; try again in ${ctx.after}.`),
          {
            statusCode: 429,
          },
        ),
    });
  }

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'zanstat API',
        version: opts.version,
        description:
          "Legal statistics of the Republic of Kazakhstan: the acts' lists as data, due dates, submissions of figures, releases and the published tables, the log journal. The open datasets of Order 84 through a CKAN-compatible Action API (/api/3/action) and DCAT-AP (/catalog.ttl); the staff's register of written information requests. Public reads are free and need no key.",
        license: { name: 'Open data: free to reuse with attribution', identifier: 'CC-BY-4.0' },
      },
      // Relative: the document is right on whatever host serves it.
      servers: [{ url: '/', description: 'this server' }],
      components: {
        securitySchemes: {
          bearerToken: {
            type: 'http',
            scheme: 'bearer',
            description: 'API token of a machine client (zst_…).',
          },
          sessionCookie: {
            type: 'apiKey',
            in: 'cookie',
            name: 'zanstat_session',
            description: 'Session of a signed-in person; unsafe methods also need the X-CSRF-Token header.',
          },
        },
      },
      tags: [
        { name: 'service', description: 'Health, readiness, metrics' },
        { name: 'session', description: 'Signing in and out' },
        { name: 'admin', description: 'Users and API tokens (the Administrator)' },
        { name: 'journal', description: 'The log journal (Order 25, para 2, item 1)' },
        { name: 'catalogue', description: 'The acts and their lists, as data with in-force dates' },
        { name: 'obligations', description: 'Due dates of every obligation, on the working-day calendar' },
        {
          name: 'requests',
          description: 'Requests for information (Order 25, paras 4-9): decisions, the register, terms',
        },
      ],
    },
  });
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    staticCSP: docsCsp,
    uiConfig: { docExpansion: 'list' },
  });

  app.decorate('htmlErrorPage', null);
  send = (problem: Problem, req: FastifyRequest, reply: FastifyReply) => {
    const page = app.htmlErrorPage?.(problem, req) ?? null;
    if (page !== null) return reply.status(problem.status).type('text/html; charset=utf-8').send(page);
    // In the client's language where it asks for Kazakh, Russian or English (a detail without a
    // template in problem-detail stays as written).
    const lang = problemLangOf(req.headers['accept-language']);
    reply.header('vary', 'accept-language');
    if (lang) reply.header('content-language', lang);
    return reply
      .status(problem.status)
      .type('application/problem+json')
      .send(lang ? localiseProblem(problem, lang) : problem);
  };
  app.setErrorHandler(async (err, req, reply: FastifyReply) => {
    const { problem, internal } = toProblem(err, String(req.id));
    if (internal) req.log.error({ err }, 'request failed');
    else req.log.info({ code: problem.code, status: problem.status }, 'request refused');
    return send(problem, req, reply);
  });
  app.setNotFoundHandler(async (req, reply) => {
    // a path that exists with other methods: 405 and the methods it has
    const allowed = methodsAt(routes, req.url.split('?')[0] ?? '');
    if (allowed.length) reply.header('allow', allowed.join(', '));
    const { problem } = toProblem(
      allowed.length
        ? Object.assign(new Error('This path does not take this method; Allow names the ones it takes.'), {
            statusCode: 405,
            code: 'method_not_allowed',
          })
        : Object.assign(new Error('No route of the service has this path.'), {
            statusCode: 404,
            code: 'route_not_found',
          }),
      String(req.id),
    );
    return send(problem, req, reply);
  });

  return { app, metrics };
}

/** Fixed bytes from memory: /healthz is also the HTTP ceiling the benchmarks measure against. */
const HEALTHY = Buffer.from('{"status":"ok"}');

export function registerServiceRoutes(
  app: HttpApp,
  metrics: client.Registry,
  checkDatabase: () => Promise<void>,
): void {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['service'],
        summary: 'The process is up',
        response: { 200: { type: 'object', properties: { status: { type: 'string' } } } },
      },
    },
    async (_req, reply) => reply.type('application/json').send(HEALTHY as never),
  );
  app.get(
    '/readyz',
    {
      schema: {
        tags: ['service'],
        summary: 'The database is reachable',
        response: { 200: { type: 'object', properties: { status: { type: 'string' } } } },
      },
    },
    async () => {
      await checkDatabase();
      return { status: 'ready' };
    },
  );
  app.get(
    '/metrics',
    {
      schema: {
        tags: ['service'],
        summary: 'Prometheus metrics',
        response: {
          200: {
            description: 'the text exposition format',
            content: { 'text/plain': { schema: { type: 'string' } } },
          },
        },
      },
    },
    async (_req, reply) => reply.type(metrics.contentType).send(await metrics.metrics()),
  );
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
