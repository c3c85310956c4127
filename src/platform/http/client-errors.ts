import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { toProblem } from './problem.js';

// The errors that come before a route: a request Node's HTTP parser refuses (no request object
// exists; the answer is written on the socket), and an address whose percent-escapes are not
// UTF-8 (the router's, answered in server.ts with no echo of the address). Both answer problem+json, never Fastify's own `{"error":"Client Error"}`.

/** Why the parser refused a request, in the API's words, with the status HTTP gives it. */
function parserProblem(code: string | undefined): { status: number; code: string; detail: string } {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT')
    return { status: 408, code: 'request_timeout', detail: 'The request was not received in time.' };
  if (code === 'HPE_HEADER_OVERFLOW')
    return { status: 431, code: 'headers_too_large', detail: "The request's headers are too large." };
  if (code === 'HPE_INVALID_URL' || code === 'HPE_INVALID_CHARACTER' || code === 'HPE_INVALID_METHOD')
    return {
      status: 400,
      code: 'unencoded_url',
      detail:
        "The request's address holds a character that is not percent-encoded: an address is ASCII, so a form such as 1-М is written 1-%D0%9C (encodeURIComponent, or curl --data-urlencode with -G).",
    };
  return { status: 400, code: 'malformed_request', detail: 'The request is not valid HTTP/1.1.' };
}

/** The raw HTTP answer to a request the parser refused: problem+json, then the socket closes. */
export function parserErrorResponse(err: { code?: string }): { status: number; bytes: string } {
  const p = parserProblem(err.code);
  const requestId = randomUUID();
  const { problem } = toProblem(
    Object.assign(new Error(p.detail), { statusCode: p.status, code: p.code }),
    requestId,
  );
  const body = JSON.stringify(problem);
  const bytes =
    `HTTP/1.1 ${p.status} ${STATUS_CODES[p.status]}\r\n` +
    `Content-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
    `X-Content-Type-Options: nosniff\r\nX-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n${body}`;
  return { status: p.status, bytes };
}

/** Fastify's `clientErrorHandler`: answers what can still be answered, then closes the socket. */
export function answerParserError(err: Error & { code?: string }, socket: Duplex): void {
  // a reset connection has no one to answer
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) socket.write(parserErrorResponse(err).bytes);
  socket.destroy(err);
}
