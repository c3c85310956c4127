// Who may call a route, as data: the route × role matrix. Each route of the API names the
// roles that may call it; a gate checks the actor against it when the request arrives, right
// after authentication and before any body is read — a wrong role answers 403 (an anonymous
// caller 401) whatever the body. The use cases check their own policies again inside.
import type { FastifyRequest } from 'fastify';
import { forbidden, unauthenticated } from '../errors/index.js';
import type { Role } from '../usecase.js';
import type { HttpApp } from './server.js';

/**
 * `public`: anyone, signed in or not (a route that authenticates its caller otherwise — a
 * signature, a status code — is public here); `signed-in`: any person or token, whatever its
 * role; or the roles that may call it.
 */
export type RouteAccess = 'public' | 'signed-in' | readonly Role[];

/** `METHOD /path/{param}`, as the OpenAPI document names the route. */
export type RouteKey = `${'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'} /${string}`;

export type RouteMatrix = Readonly<Record<RouteKey, RouteAccess>>;

/** Fastify's `/a/:b` as OpenAPI's `/a/{b}`. */
export const openApiPath = (url: string): string => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

declare module 'fastify' {
  interface FastifyContextConfig {
    /** the roles that may call the route, from the matrix */
    access?: RouteAccess;
  }
}

/** Whether the actor of a request may call a route of this access. */
export function mayCall(access: RouteAccess, actor: FastifyRequest['actor']): boolean {
  if (access === 'public') return true;
  if (actor.kind !== 'user' && actor.kind !== 'token') return false;
  if (access === 'signed-in') return true;
  return actor.role !== null && access.includes(actor.role);
}

/**
 * Attaches each route's access from the matrix as it is registered, and refuses a caller the
 * matrix does not name. Register it after authentication (its hook runs after the one that
 * finds the actor) and before the routes. A route the matrix does not name (the portal's
 * pages, which check their own policies) is not gated here; the route × role test holds every
 * route of the OpenAPI document to the matrix.
 */
export function registerRouteAccess(app: HttpApp, matrix: RouteMatrix): void {
  app.addHook('onRoute', (route) => {
    const methods = [route.method].flat();
    for (const method of methods) {
      const access = matrix[`${method} ${openApiPath(route.url)}` as RouteKey];
      if (access !== undefined) {
        route.config = { ...(route.config ?? {}), access } as typeof route.config;
        return;
      }
    }
  });
  app.addHook('onRequest', (req, _reply, done) => {
    const access = req.routeOptions.config.access;
    if (access === undefined || mayCall(access, req.actor)) return done();
    if (req.actor.kind === 'anonymous') return done(unauthenticated());
    done(forbidden(`The role ${req.actor.role ?? req.actor.kind} may not call this route.`));
  });
}
