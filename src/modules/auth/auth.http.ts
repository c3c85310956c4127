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

/**
 * Resolves the actor of every request: a bearer API token (machine clients) or the session
 * cookie (people). A bad token is refused at once; a cookie-authenticated unsafe request must
 * carry the session's CSRF token. Routes under actorPaths need an actor.
 */
export function registerAuthentication(app: HttpApp, deps: Deps): void {
  app.decorateRequest('sessionCsrf', null);
  app.addHook('preHandler', async (req) => {
    const now = deps.clock.now();
    const bearer = bearerOf(req);
    if (bearer === null)
      throw unauthenticated('The Authorization header must be "Bearer <token>".', 'malformed_authorization');
    if (bearer !== undefined) {
      const actor = await actorFromToken(deps.db, bearer, now);
      if (!actor) throw unauthenticated('The API token is unknown, expired or revoked.', 'invalid_token');
      req.actor = actor;
    } else {
      const cookieValue = req.cookies[SESSION_COOKIE];
      if (cookieValue) {
        const actor = await actorFromSession(deps.db, cookieValue, now);
        if (actor) {
          if (UNSAFE.has(req.method)) {
            const sent =
              req.headers['x-csrf-token'] ?? (req.body as Record<string, unknown> | undefined)?._csrf;
            if (sent !== actor.csrfToken) {
              throw new DomainError(
                'forbidden',
                'csrf_failed',
                "The form or request lacks the session's CSRF token (X-CSRF-Token).",
              );
            }
          }
          const { csrfToken, ...plain } = actor;
          req.actor = plain;
          req.sessionCsrf = csrfToken;
        } else if (actorPaths.some((p) => req.url.startsWith(p))) {
          throw unauthenticated('The session has expired or ended; sign in again.', 'session_expired');
        }
      }
    }
    if (req.actor.kind === 'anonymous' && actorPaths.some((p) => req.url.startsWith(p)))
      throw unauthenticated();
  });
}
