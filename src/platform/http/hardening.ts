import { DomainError } from '../errors/index.js';

// What the HTTP server answers before any route runs — a method a path does not have —
// and which proxies it believes about the client's address.

/**
 * TRUST_PROXY as Fastify's trustProxy: empty → false (the connection's address), `true`, a hop
 * count, or a list of addresses and CIDR ranges.
 */
export function trustProxyOf(
  setting: string,
): boolean | string[] | ((address: string, hop: number) => boolean) {
  const value = setting.trim();
  if (value === '') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops; // the nearest `hops` proxies, as proxy-addr counts them
  }
  return value.split(',').map((v) => v.trim());
}

const patterns = new Map<string, RegExp>();
const patternOf = (url: string): RegExp => {
  const known = patterns.get(url);
  if (known) return known;
  const made = new RegExp(
    `^${url
      .split('/')
      .map((part) =>
        part.startsWith(':') ? '[^/]+' : part === '*' ? '.*' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
      )
      .join('/')}/?$`,
  );
  patterns.set(url, made);
  return made;
};

/** The methods the routes have at a path (for 405 and its Allow header); empty when none. */
export function methodsAt(routes: readonly { method: string; url: string }[], path: string): string[] {
  const methods = new Set<string>();
  for (const route of routes) if (patternOf(route.url).test(path)) methods.add(route.method);
  return [...methods].sort();
}

/** A multipart content type with no boundary: its body cannot be split into parts. */
export const multipartWithoutBoundary = (contentType: string | undefined): boolean =>
  contentType !== undefined &&
  /^\s*multipart\//i.test(contentType) &&
  !/;\s*boundary=("[^"]+"|[^;\s]+)/i.test(contentType);

export const malformedMultipart = () =>
  new DomainError('malformed', 'malformed_multipart', 'The multipart body is malformed.');
