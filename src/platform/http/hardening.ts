// What the HTTP server answers before any route runs — a request line Node's parser refuses,
// a method a path does not have — and which proxies it believes about the client's address.
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';

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

/**
 * Node's HTTP parser refuses some requests before Fastify sees them (an unencoded Cyrillic
 * character in the request line, headers too large, a client too slow): they are answered as a
 * problem with a request id of their own, never with the input.
 */
export function answerClientError(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, detail] =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'request_timeout', 'The request was not received in time.']
      : err.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'headers_too_large', 'The request headers are larger than the service accepts.']
        : [
            400,
            'malformed_request',
            'The request line or headers are not valid HTTP (a URL must be percent-encoded).',
          ];
  const requestId = randomUUID();
  const body = JSON.stringify({
    type: `urn:zanstat:problem:${code}`,
    title: STATUS_CODES[status],
    status,
    detail,
    code,
    requestId,
  });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nX-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
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
