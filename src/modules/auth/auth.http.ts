import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { HttpApp } from '../../platform/http/index.js';
import { actorPaths } from '../../platform/http/index.js';
import { DomainError, unauthenticated } from '../../platform/errors/index.js';
import type { Deps } from '../../platform/usecase.js';
import { actorFromSession, actorFromToken } from './auth.service.js';

export const SESSION_COOKIE = 'zanstat_session';

declare module 'fastify' {
  interface FastifyRequest {
    /** the CSRF token of the signed-in session, for the forms of the staff's pages */
    sessionCsrf: string | null;
  }
}
/** Sets the session cookie of a person who signed in (the API's sign-in and the portal's). */
export function setSessionCookie(
  reply: FastifyReply,
  session: { cookieValue: string; expiresAt: Date },
  secure: boolean,
): void {
  reply.setCookie(SESSION_COOKIE, session.cookieValue, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    expires: session.expiresAt,
  });
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function bearerOf(req: FastifyRequest): string | null | undefined {
  const h = req.headers.authorization;
  if (h === undefined) return undefined;
  const m = /^Bearer\s+(\S+)$/i.exec(h);
  return m ? m[1]! : null;
}

/** The CSRF token sent equals the session's, compared in constant time. */
export function sameCsrfToken(sent: unknown, expected: string): boolean {
  if (typeof sent !== 'string') return false;
  const digest = (v: string) => createHash('sha256').update(v).digest();
  return timingSafeEqual(digest(sent), digest(expected));
}

const isActorPath = (url: string) => actorPaths.some((p) => url.startsWith(p));

/**
 * Resolves the actor of every request: a bearer API token (machine clients) or the session
 * cookie (people). It runs when the request arrives, before its body is read or validated: an
 * anonymous request to an actor route answers 401 whatever its body. A bad token is refused at
 * once; a cookie-authenticated unsafe request must carry the session's CSRF token (checked once
 * the body is read and validated, since a form sends it as `_csrf` in a multipart body).
 */
export function registerAuthentication(app: HttpApp, deps: Deps): void {
  app.decorateRequest('sessionCsrf', null);
  // Callback hooks: a request with neither a token nor a session (most of the public's) is
  // passed on at once, with no promise made for it.
  const identify = async (req: FastifyRequest, bearer: string | undefined): Promise<void> => {
    const now = deps.clock.now();
    if (bearer !== undefined) {
      const actor = await actorFromToken(deps.db, bearer, now);
      if (!actor) throw unauthenticated('The API token is unknown, expired or revoked.', 'invalid_token');
      req.actor = actor;
      return;
    }
    const actor = await actorFromSession(deps.db, req.cookies[SESSION_COOKIE]!, now);
    if (actor) {
      const { csrfToken, ...plain } = actor;
      req.actor = plain;
      req.sessionCsrf = csrfToken;
    } else if (isActorPath(req.url)) {
      throw unauthenticated('The session has expired or ended; sign in again.', 'session_expired');
    }
  };
  const anonymousMayPass = (req: FastifyRequest) =>
    req.actor.kind !== 'anonymous' || !isActorPath(req.url) ? undefined : unauthenticated();
  app.addHook('onRequest', (req, _reply, done) => {
    const bearer = bearerOf(req);
    if (bearer === null)
      return done(
        unauthenticated('The Authorization header must be "Bearer <token>".', 'malformed_authorization'),
      );
    if (bearer === undefined && !req.cookies[SESSION_COOKIE]) return done(anonymousMayPass(req));
    identify(req, bearer).then(
      () => done(anonymousMayPass(req)),
      (err: Error) => done(err),
    );
  });
  // after the multipart plugin has attached a form's fields (its own preValidation hook)
  app.addHook('preHandler', (req, _reply, done) => {
    if (req.sessionCsrf === null || !UNSAFE.has(req.method)) return done();
    const sent = req.headers['x-csrf-token'] ?? (req.body as Record<string, unknown> | undefined)?._csrf;
    if (sameCsrfToken(sent, req.sessionCsrf)) return done();
    done(
      new DomainError(
        'forbidden',
        'csrf_failed',
        "The form or request lacks the session's CSRF token (X-CSRF-Token).",
      ),
    );
  });
}
