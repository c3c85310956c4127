import { Type } from '@sinclair/typebox';
import type { Config } from '../../platform/config.js';
import { metaOf, schemas, type HttpApp } from '../../platform/http/index.js';
import type { Deps } from '../../platform/usecase.js';
import { SESSION_COOKIE, setSessionCookie } from './auth.http.js';
import { presentToken, presentUser, Role, TokenSchema, UserSchema } from './auth.presenter.js';
import { addUser, createToken, listTokens, listUsers, revokeToken, signIn, signOut } from './auth.service.js';

const { actorSecurity, problems } = schemas;

export function registerAuthRoutes(app: HttpApp, deps: Deps, config: Config): void {
  app.post(
    '/api/v1/session',
    {
      schema: {
        tags: ['session'],
        summary: 'Sign in with login and password; sets the session cookie',
        body: Type.Object(
          { login: Type.String({ maxLength: 64 }), password: Type.String({ maxLength: 1024 }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ user: UserSchema, csrfToken: Type.String(), expiresAt: Type.String() }),
          ...problems(401, 422),
        },
      },
    },
    async (req, reply) => {
      const s = await signIn(deps, req.actor, { ...req.body, ttlHours: config.sessionTtlHours }, metaOf(req));
      setSessionCookie(reply, s, config.cookieSecure);
      return { user: presentUser(s.user), csrfToken: s.csrfToken, expiresAt: s.expiresAt.toISOString() };
    },
  );

  app.delete(
    '/api/v1/session',
    {
      schema: {
        tags: ['session'],
        summary: 'Sign out',
        security: [{ sessionCookie: [] }],
        response: { 204: Type.Null(), ...problems(401, 403) },
      },
    },
    async (req, reply) => {
      await signOut(deps, req.actor, { cookieValue: req.cookies[SESSION_COOKIE] ?? '' }, metaOf(req));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/admin/users',
    {
      schema: {
        tags: ['admin'],
        summary: 'List users',
        security: actorSecurity,
        response: { 200: Type.Object({ items: Type.Array(UserSchema) }), ...problems(401, 403) },
      },
    },
    async (req) => ({ items: (await listUsers(deps, req.actor, undefined)).map(presentUser) }),
  );

  app.post(
    '/api/v1/admin/users',
    {
      schema: {
        tags: ['admin'],
        summary: 'Add a user',
        security: actorSecurity,
        body: Type.Object(
          {
            login: Type.String({ minLength: 3, maxLength: 64 }),
            displayName: Type.String({ minLength: 1, maxLength: 200 }),
            password: Type.String({ minLength: 1, maxLength: 1024 }),
            role: Role,
            organisationId: Type.String({ minLength: 1, maxLength: 100 }),
          },
          { additionalProperties: false },
        ),
        response: { 201: UserSchema, ...problems(401, 403, 409, 422) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(presentUser(await addUser(deps, req.actor, req.body, metaOf(req)))),
  );

  app.get(
    '/api/v1/admin/tokens',
    {
      schema: {
        tags: ['admin'],
        summary: 'List API tokens (never their secrets)',
        security: actorSecurity,
        response: { 200: Type.Object({ items: Type.Array(TokenSchema) }), ...problems(401, 403) },
      },
    },
    async (req) => ({ items: (await listTokens(deps, req.actor, undefined)).map(presentToken) }),
  );

  app.post(
    '/api/v1/admin/tokens',
    {
      schema: {
        tags: ['admin'],
        summary: 'Create an API token; its secret is shown once',
        security: actorSecurity,
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 200 }),
            organisationId: Type.String({ minLength: 1, maxLength: 100 }),
            role: Role,
            validDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ token: TokenSchema, secret: Type.String() }),
          ...problems(401, 403, 422),
        },
      },
    },
    async (req, reply) => {
      const r = await createToken(
        deps,
        req.actor,
        { ...req.body, validDays: req.body.validDays ?? config.tokenDefaultDays },
        metaOf(req),
      );
      return reply.status(201).send({ token: presentToken(r.token), secret: r.secret });
    },
  );

  app.delete(
    '/api/v1/admin/tokens/:id',
    {
      schema: {
        tags: ['admin'],
        summary: 'Revoke an API token',
        security: actorSecurity,
        params: Type.Object({ id: schemas.Uuid }),
        response: { 204: Type.Null(), ...problems(401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      await revokeToken(deps, req.actor, { id: req.params.id }, metaOf(req));
      return reply.status(204).send(null);
    },
  );
}
