// What a request leaves in the log, and the id it is known by: one line when it is answered,
// whether by the framework or by the answer cache (answer-cache.ts).
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Logger } from '../logging.js';

/**
 * One log line per request, when it is answered: its method, path, status and time. The line
 * carries no header, body or parameter, only those four, so it is written by a child of the log
 * without the redaction of secrets (about 6 µs of 9 per line, measured in docs/decisions/0024);
 * an error's line keeps it, since an error may carry anything.
 */
export class OneLinePerRequest extends LogController {
  private readonly lines: Logger;
  constructor(logger: Logger) {
    super();
    this.lines = logger.child({}, { redact: { paths: [] } });
  }
  override incomingRequest(): void {}
  override requestCompleted(error: Error | null | undefined, req: FastifyRequest, reply: FastifyReply): void {
    if (!error) return this.write(String(req.id), req.method, req.url, reply.statusCode, reply.elapsedTime);
    const ms = Math.round(reply.elapsedTime * 10) / 10;
    const fields = { req: { method: req.method, url: req.url }, res: { statusCode: reply.statusCode } };
    reply.log.error(
      { ...fields, responseTime: ms, err: error },
      `${req.method} ${req.url} ${reply.statusCode} ${ms} ms`,
    );
  }
  /** The line of an answer without error, from the framework or from the answer cache. */
  write(
    reqId: string,
    method: string | undefined,
    url: string | undefined,
    status: number,
    elapsedMs: number,
  ): void {
    if (!this.lines.isLevelEnabled('info')) return;
    const ms = Math.round(elapsedMs * 10) / 10;
    this.lines.info(
      { reqId, req: { method, url }, res: { statusCode: status }, responseTime: ms },
      `${method} ${url} ${status} ${ms} ms`,
    );
  }
}

/** A request's id: the one the client gave, when it is one, or a new one. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[A-Za-z0-9._-]{8,128}$/.test(given) ? given : randomUUID();
}
