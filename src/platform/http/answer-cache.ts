// Answers that are the same bytes for every anonymous reader (a published table, a report page),
// sent again without passing the router, the hooks and the reply: the framework alone costs 1.5–2
// times plain Node's CPU per request (docs/decisions/0024). A route puts an answer it has just
// sent; for one second the same request (path and query, Accept, Accept-Encoding and
// Accept-Language, no credentials, no condition) gets the same status, headers and body, with its
// own request id, its own count against the public rate limit, its request line and its duration.
//
// One second, as the published index rechecks (decision 0016): a publication whose time comes
// shows at most a second late, never early (Order 25, para 14: the figures are placed by their day
// and time, not before), and a publication of this instance clears it at once. Once the second is
// over, one request goes on for the new answer and the others meanwhile get the old one, for a
// second more at most.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import proxyAddr from '@fastify/proxy-addr';
import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { trustProxyOf } from './hardening.js';

/** An answer as a route sent it: the route's pattern (for the metrics), the headers and the body. */
export interface SentAnswer {
  route: string;
  headers: Readonly<Record<string, string>>;
  body: Buffer;
  /** how long ago the request arrived, in milliseconds: its answer was decided from then on */
  elapsedMs: number;
}

interface Entry {
  route: string;
  /** the answer's own headers and the security headers, flattened for writeHead */
  head: string[];
  body: Buffer;
  expires: number;
  /** set once it expired and a request went on to the framework for the new answer */
  refreshing?: true;
}

/** The counts of the public rate limit per client address, in fixed windows. */
export class AddressWindows {
  private readonly windows = new Map<string, { current: number; start: number }>();
  constructor(private readonly now: () => number = Date.now) {}

  /** Counts one request of `key`; its count in the window and the milliseconds the window has left. */
  take(key: string, timeWindow: number, _max?: number): { current: number; ttl: number } {
    const now = this.now();
    let w = this.windows.get(key);
    if (!w || w.start + timeWindow <= now) {
      if (this.windows.size >= 50_000) this.forgetEnded(timeWindow, now);
      w = { current: 0, start: now };
      this.windows.delete(key);
      this.windows.set(key, w);
    }
    w.current++;
    return { current: w.current, ttl: w.start + timeWindow - now };
  }

  /** @fastify/rate-limit's store: the same counts as the answers from the cache. */
  incr(
    key: string,
    cb: (err: Error | null, r: { current: number; ttl: number }) => void,
    timeWindow: number,
  ) {
    cb(null, this.take(key, timeWindow));
  }

  /** A route with a limit of its own counts apart. */
  child(): AddressWindows {
    return new AddressWindows(this.now);
  }

  private forgetEnded(timeWindow: number, now: number): void {
    for (const [key, w] of this.windows) if (w.start + timeWindow <= now) this.windows.delete(key);
    // still full: the oldest windows go first (a Map keeps the order they began in)
    for (const key of this.windows.keys()) {
      if (this.windows.size < 40_000) break;
      this.windows.delete(key);
    }
  }
}

export interface AnswerCacheOptions {
  /** how long an answer is sent again, in milliseconds */
  ttlMs: number;
  /** the headers every answer carries (security-headers.ts) */
  securityHeaders: readonly (readonly [string, string])[];
  requestIdOf: (req: IncomingMessage) => string;
  /** the public rate limit, when on: the shared counts, the limit a minute and the client's address */
  rateLimit: {
    windows: AddressWindows;
    max: number;
    timeWindow: number;
    addressOf: (req: IncomingMessage) => string;
  } | null;
  /** writes the request line and observes the duration, as for an answer of the framework */
  answered: (req: IncomingMessage, route: string, status: number, requestId: string, ms: number) => void;
  now?: () => number;
}

const MAX_ENTRIES = 2_000;
/** what the cache holds at most, bodies counted, and the largest body it takes */
const MAX_BYTES = 64 * 1024 * 1024;
const MAX_BODY = 4 * 1024 * 1024;

export class AnswerCache {
  private readonly entries = new Map<string, Entry>();
  private readonly now: () => number;
  /** answers sent from the cache since the start (for /metrics) */
  hits = 0;
  private closed = false;
  private bytes = 0;
  /** when the cache was last cleared: an answer decided before it is not put */
  private clearedAt = -Infinity;

  constructor(private readonly o: AnswerCacheOptions) {
    this.now = o.now ?? (() => performance.now());
  }

  /**
   * The key of a request whose answer may come from the cache, or null: a GET without a body,
   * credentials (a token or any cookie: a session may see more) or a condition (If-None-Match is
   * answered 304 by the route).
   */
  static keyOf(req: IncomingMessage): string | null {
    const h = req.headers;
    if (req.method !== 'GET') return null;
    if (h.authorization !== undefined || h.cookie !== undefined || h['if-none-match'] !== undefined)
      return null;
    if (h['content-length'] !== undefined || h['transfer-encoding'] !== undefined) return null;
    return `${req.url}\n${h.accept ?? ''}\n${h['accept-encoding'] ?? ''}\n${h['accept-language'] ?? ''}`;
  }

  /** Keeps an answer just sent with status 200 to an anonymous request, for the same requests. */
  put(req: IncomingMessage, answer: SentAnswer): void {
    const key = AnswerCache.keyOf(req);
    if (key === null || this.closed || answer.body.length > MAX_BODY) return;
    const now = this.now();
    // The answer was decided when its request arrived: it lives a second from then, and not at all
    // when what is public changed since (a publication of this instance cleared the cache).
    const decidedAt = now - answer.elapsedMs;
    if (decidedAt <= this.clearedAt) return;
    this.remove(key);
    // the entries are in the order they expire: those past their second to stand in and, over the
    // limits, the oldest go (one in its second to stand in stays: its successor is on its way)
    for (const [k, e] of this.entries) {
      const full = this.entries.size >= MAX_ENTRIES || this.bytes + answer.body.length > MAX_BYTES;
      if (e.expires + this.o.ttlMs > now && !full) break;
      this.remove(k);
    }
    const head: string[] = [];
    for (const [name, value] of Object.entries(answer.headers)) head.push(name, value);
    head.push('content-length', String(answer.body.length));
    for (const [name, value] of this.o.securityHeaders) head.push(name, value);
    this.entries.set(key, {
      route: answer.route,
      head,
      body: answer.body,
      expires: decidedAt + this.o.ttlMs,
    });
    this.bytes += answer.body.length;
  }

  private remove(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.bytes -= e.body.length;
    this.entries.delete(key);
  }

  /** Answers from the cache and says true, or says false and leaves the request to the framework. */
  answer(req: IncomingMessage, res: ServerResponse): boolean {
    if (this.entries.size === 0) return false;
    const key = AnswerCache.keyOf(req);
    if (key === null) return false;
    const start = this.now();
    const entry = this.entries.get(key);
    if (!entry) return false;
    if (entry.expires <= start) {
      // Expired: the first request goes on to the framework for a new answer; while it is on its way
      // the others get this one, for a second at most — later than what is public, never earlier.
      // (One request a second per answer reaches the framework, not every one that came meanwhile.)
      if (start >= entry.expires + this.o.ttlMs) {
        this.remove(key);
        return false;
      }
      if (!entry.refreshing) {
        entry.refreshing = true;
        return false;
      }
    }
    const head = entry.head.slice();
    const rl = this.o.rateLimit;
    if (rl) {
      const { current, ttl } = rl.windows.take(rl.addressOf(req), rl.timeWindow);
      // over the limit: the framework answers 429, as for any other request
      if (current > rl.max) return false;
      head.push(
        'x-ratelimit-limit',
        String(rl.max),
        'x-ratelimit-remaining',
        String(rl.max - current),
        'x-ratelimit-reset',
        String(Math.ceil(ttl / 1000)),
      );
    }
    const requestId = this.o.requestIdOf(req);
    head.push('x-request-id', requestId);
    req.resume();
    res.writeHead(200, head);
    res.end(entry.body);
    this.hits++;
    this.o.answered(req, entry.route, 200, requestId, this.now() - start);
    return true;
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
    this.clearedAt = this.now();
  }

  /** From now on nothing is sent from the cache: the server is closing (the framework answers 503). */
  close(): void {
    this.closed = true;
    this.clear();
  }
}

/**
 * Puts the cache before the framework's handler of the server's requests: what it answers never
 * reaches the router. (`inject` does not pass here: a test of the cache goes through a socket.)
 */
export function answerBeforeTheFramework(server: Server, cache: AnswerCache): void {
  const handlers = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    try {
      if (cache.answer(req, res)) return;
    } catch {
      // nothing sent yet: the framework answers (and reports what fails there); else the answer is cut
      if (res.headersSent) return void res.destroy();
    }
    for (const h of handlers) h.call(server, req, res);
  });
}

/** @fastify/rate-limit's `store` option: a class whose every instance is these counts. */
export function sharedStore(windows: AddressWindows): FastifyRateLimitStoreCtor {
  return function SharedWindows() {
    return windows;
  } as unknown as FastifyRateLimitStoreCtor;
}

/**
 * The client's address as the framework's `request.ip` finds it for the rate limit: the
 * connection's, or through the proxies TRUST_PROXY believes (hardening.ts).
 */
export function addressOf(trustProxy: string): (req: IncomingMessage) => string {
  const trust = trustProxyOf(trustProxy);
  if (trust === false) return (req) => req.socket.remoteAddress ?? '';
  const fn = typeof trust === 'function' ? trust : trust === true ? () => true : proxyAddr.compile(trust);
  return (req) => proxyAddr.all(req, fn).at(-1) ?? '';
}
