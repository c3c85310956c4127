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

export function signedHeaders(secret: string, now: Date, body: string | Buffer): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  return { [TIMESTAMP_HEADER]: String(timestamp), [SIGNATURE_HEADER]: sign(secret, timestamp, body) };
}

/** Whether `signature` signs `body` at `timestamp` with `secret`, within the allowed skew of `now`. */
export function verify(
  secret: string,
  now: Date,
  timestampText: string | undefined,
  signature: string | undefined,
  body: string | Buffer,
): boolean {
  if (!timestampText || !signature || !/^\d{1,12}$/.test(timestampText)) return false;
  const timestamp = Number(timestampText);
  if (Math.abs(now.getTime() / 1000 - timestamp) > MAX_SKEW_SECONDS) return false;
  const expected = Buffer.from(sign(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
