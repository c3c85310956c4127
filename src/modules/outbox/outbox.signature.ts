// The signature of what the outbox sends and of the receipts that come back: HMAC-SHA256 over
// `<timestamp>.<body>`, the timestamp (Unix seconds) in its own header so that a receiver refuses
// a replayed or stale message. Documented for receivers in docs/outbox.md.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-zanstat-signature';
export const TIMESTAMP_HEADER = 'x-zanstat-timestamp';
export const KEY_HEADER = 'idempotency-key';
/** How far a receipt's timestamp may be from our clock. */
export const MAX_SKEW_SECONDS = 300;

export function sign(secret: string, timestamp: number, body: string | Buffer): string {
  const mac = createHmac('sha256', secret);
  mac.update(`${timestamp}.`);
  mac.update(body);
  return `v1=${mac.digest('hex')}`;
}

/**
 * The timestamp and signature headers. With several keys (a rotation's overlap) the signature
 * header holds one `v1=` signature per key, newest key first, separated by commas: a receiver
 * takes the message when one of them is made with a key it holds.
 */
export function signedHeaders(
  secrets: string | readonly string[],
  now: Date,
  body: string | Buffer,
): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  const keys = typeof secrets === 'string' ? [secrets] : secrets;
  return {
    [TIMESTAMP_HEADER]: String(timestamp),
    [SIGNATURE_HEADER]: keys.map((k) => sign(k, timestamp, body)).join(', '),
  };
}

/**
 * Whether one of the signatures of the header signs `body` at `timestamp` with one of `secrets`,
 * within the allowed skew of `now`.
 */
export function verify(
  secrets: string | readonly string[],
  now: Date,
  timestampText: string | undefined,
  signature: string | undefined,
  body: string | Buffer,
): boolean {
  if (!timestampText || !signature || !/^\d{1,12}$/.test(timestampText)) return false;
  const timestamp = Number(timestampText);
  if (Math.abs(now.getTime() / 1000 - timestamp) > MAX_SKEW_SECONDS) return false;
  const given = signature
    .split(',')
    .map((s) => Buffer.from(s.trim()))
    .slice(0, 8);
  let ok = false;
  for (const secret of typeof secrets === 'string' ? [secrets] : secrets) {
    const expected = Buffer.from(sign(secret, timestamp, body));
    for (const g of given) if (expected.length === g.length && timingSafeEqual(expected, g)) ok = true;
  }
  return ok;
}
