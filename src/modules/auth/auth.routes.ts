import { Type } from '@sinclair/typebox';
import type { Config } from '../../platform/config.js';
import { metaOf, schemas, type HttpApp } from '../../platform/http/index.js';
import type { Deps } from '../../platform/usecase.js';
import { DomainError } from '../../platform/errors/index.js';
import type { SignatureVerifier } from '../pki/index.js';
import { SESSION_COOKIE, setSessionCookie } from './auth.http.js';
import {
  certificateRefused,
  issueSignInChallenge,
  signInWithCertificate,
} from './certificate-sign-in.service.js';
import { presentToken, presentUser, Role, TokenSchema, UserSchema } from './auth.presenter.js';
import { addUser, createToken, listTokens, listUsers, revokeToken, signOut } from './auth.service.js';
import { passwordPolicyOf, passwordRefused, signIn, unlockUser } from './password-sign-in.service.js';

const { actorSecurity, problems } = schemas;

/**
 * `verifier` checks the signatures of certificate sign-in; null when no trusted roots are
 * configured (PKI_TRUST_ROOTS), and then that way of signing in answers 503.
 */
export function registerAuthRoutes(
  app: HttpApp,
  deps: Deps,
  config: Config,
  verifier: SignatureVerifier | null = null,
): void {
  app.post(
    '/api/v1/session',
    {
      schema: {
        tags: ['session'],
        summary:
          'Sign in with login and password; sets the session cookie. Failed passwords are throttled per login and per address (429 with Retry-After) and lock the login after too many in a row (401 sign_in_locked), alike for logins that do not exist',
        body: Type.Object(
          { login: Type.String({ maxLength: 64 }), password: Type.String({ maxLength: 1024 }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ user: UserSchema, csrfToken: Type.String(), expiresAt: Type.String() }),
          ...problems(401, 422, 429),
        },
      },
    },
    async (req, reply) => {
      const policy = passwordPolicyOf(config);
      const input = { ...req.body, ttlHours: config.sessionTtlHours, policy };
      const result = await signIn(deps, req.actor, input, metaOf(req));
      if (!result.ok) {
        if (result.reason === 'throttled') reply.header('retry-after', String(result.retryAfterSeconds));
        throw passwordRefused(result, policy);
      }
      const s = result.session;
      setSessionCookie(reply, s, config.cookieSecure);
      return { user: presentUser(s.user), csrfToken: s.csrfToken, expiresAt: s.expiresAt.toISOString() };
    },
  );

  app.post(
    '/api/v1/session/challenge',
    {
      schema: {
        tags: ['session'],
        summary:
          'A one-time challenge to sign with the authentication key of a certificate (valid 5 minutes)',
        response: {
          200: Type.Object({ challenge: Type.String(), expiresAt: Type.String() }),
          ...problems(429),
        },
      },
    },
    async (req) => {
      const c = await issueSignInChallenge(deps, req.actor, undefined, metaOf(req));
      return { challenge: c.challenge, expiresAt: c.expiresAt.toISOString() };
    },
  );

  app.post(
    '/api/v1/session/certificate',
    {
      schema: {
        tags: ['session'],
        summary:
          'Sign in with a CMS signature (base64) over a challenge, made with the authentication key of an NCA certificate; sets the session cookie. A detached signature sends the challenge too.',
        body: Type.Object(
          {
            cms: Type.String({ minLength: 1, maxLength: 65_536, pattern: '^[A-Za-z0-9+/=\\s]+$' }),
            challenge: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ user: UserSchema, csrfToken: Type.String(), expiresAt: Type.String() }),
          ...problems(401, 422, 503),
        },
      },
    },
    async (req, reply) => {
      if (!verifier) {
        throw new DomainError(
          'unavailable',
          'certificate_sign_in_off',
          'Certificate sign-in is not configured on this service (PKI_TRUST_ROOTS).',
        );
      }
      const verification = await verifier.verifyCms({
        cms: Buffer.from(req.body.cms, 'base64'),
        ...(req.body.challenge ? { content: Buffer.from(req.body.challenge, 'utf8') } : {}),
        purpose: 'authentication',
        at: deps.clock.now(),
      });
      const result = await signInWithCertificate(
        deps,
        req.actor,
        { verification, ttlHours: config.sessionTtlHours },
        metaOf(req),
      );
      if (!result.ok) throw certificateRefused(result.reason);
      const s = result.session;
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
            iin: Type.Optional(
              Type.String({ pattern: '^[0-9]{12}$', description: 'ИИН, to sign in with a certificate' }),
            ),
            bin: Type.Optional(
              Type.String({
                pattern: '^[0-9]{12}$',
                description: "БИН of the organisation of the user's certificate",
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: UserSchema, ...problems(401, 403, 409, 422) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(presentUser(await addUser(deps, req.actor, req.body, metaOf(req)))),
  );

  app.post(
    '/api/v1/admin/users/:id/unlock',
    {
      schema: {
        tags: ['admin'],
        summary: 'Unlock the login of a user locked by failed sign-ins; journaled',
        security: actorSecurity,
        params: Type.Object({ id: schemas.Uuid }),
        response: { 204: Type.Null(), ...problems(401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      await unlockUser(deps, req.actor, { id: req.params.id }, metaOf(req));
      return reply.status(204).send(null);
    },
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
