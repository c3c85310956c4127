import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError, invalidInput } from '../errors/index.js';

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

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;

/**
 * Where a parsed JSON body holds U+0000 (in a string or a key), as a pointer under `/body`, or
 * null. PostgreSQL's text cannot store that character, so such a body is refused where it is
 * parsed, before a handler could try. A key that is not a plain word is not quoted back.
 */
export function nulCharacterAt(value: unknown, pointer = '/body'): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? pointer : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, inner] of Object.entries(value)) {
    const step = Array.isArray(value) || PLAIN_KEY.test(key) ? `${pointer}/${key}` : pointer;
    if (key.includes('\u0000')) return step;
    const found = nulCharacterAt(inner, step);
    if (found !== null) return found;
  }
  return null;
}

export const nulCharacter = (pointer: string) =>
  invalidInput('The request body holds the character U+0000, which no text here may contain.', [
    { pointer, code: 'nul_character', message: 'must not contain the character U+0000' },
  ]);

/**
 * Makes `app` (or a scope of it) parse JSON as Fastify does (prototype poisoning refused), then
 * refuse U+0000 anywhere in the body; `keep` sees the exact text first (a signature over it).
 */
export function parseJsonStrictly(
  app: Pick<FastifyInstance, 'getDefaultJsonParser' | 'removeContentTypeParser' | 'addContentTypeParser'>,
  keep?: (req: FastifyRequest, body: string) => void,
): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    keep?.(req, String(body));
    parseJson(req, String(body), (err, parsed) => {
      if (err) return done(err);
      const at = nulCharacterAt(parsed);
      return at === null ? done(null, parsed) : done(nulCharacter(at));
    });
  });
}
