// The security headers of every answer: helmet's, for zanstat's policy, computed once when the
// server starts rather than by a new helmet middleware on each request (which rebuilt the policy
// every time). The names and values are exactly those helmet sets for these options.
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';

export const securityPolicy: Readonly<HelmetOptions> = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      styleSrc: ["'self'", "'unsafe-inline'"],
      scriptSrc: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  crossOriginResourcePolicy: { policy: 'cross-origin' },
};

/** The headers helmet sets for `options`, in its order, as [name, value] pairs. */
export function securityHeadersOf(options: Readonly<HelmetOptions>): readonly (readonly [string, string])[] {
  const headers: [string, string][] = [];
  const res = {
    setHeader: (name: string, value: unknown) => headers.push([name, String(value)]),
    // X-Powered-By, which node:http never sets
    removeHeader: () => {},
  };
  helmet(options)({} as IncomingMessage, res as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err;
  });
  return headers;
}

/**
 * The Content-Security-Policy of zanstat's policy with directives added or replaced, for the one
 * page that needs more (the sign-in page connects to NCALayer's local WebSocket).
 */
export function contentSecurityPolicy(extra: Record<string, string[]>): string {
  const base = securityPolicy.contentSecurityPolicy as { directives: Record<string, string[]> };
  const headers = securityHeadersOf({
    ...securityPolicy,
    contentSecurityPolicy: { directives: { ...base.directives, ...extra } },
  });
  return headers.find(([name]) => name.toLowerCase() === 'content-security-policy')![1];
}
