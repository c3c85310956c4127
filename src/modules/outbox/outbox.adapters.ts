// The adapters that carry a delivery to its recipient (docs/outbox.md describes what each sends):
// - edms: our own signed JSON envelope POSTed to the electronic document system's endpoint (the
//   real system's format is not public);
// - webhook: the same envelope POSTed to the recipient's own URL;
// - file-drop: the documents and a manifest written to a directory per recipient, atomically.
// Each carries the delivery's idempotency key; a try that the receiver does not clearly accept
// (an error status, a timeout, an answer that is not the expected JSON) is a failure, never a
// delivery.
import fs from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { AdapterName, DocumentRef } from './outbox.repository.js';
import { KEY_HEADER, signedHeaders } from './outbox.signature.js';

export const ENVELOPE_FORMAT = 'zanstat.delivery.v1';

export interface Outgoing {
  key: string;
  kind: string;
  recipient: string;
  copies: number;
  title: unknown;
  metadata: unknown;
  documents: (DocumentRef & { bytes: Buffer })[];
}

export interface AdapterResult {
  /** acknowledged: the answer carried the recipient's receipt */
  outcome: 'delivered' | 'acknowledged';
  receipt: unknown;
  detail: string;
}

export class DeliveryFailure extends Error {
  override readonly name = 'DeliveryFailure';
}

export interface AdapterContext {
  now: Date;
  /** the recipient's keys in force (two during a rotation's overlap); none: nothing is sent */
  secrets: readonly string[];
  timeoutMs: number;
}

export function envelopeOf(d: Outgoing): string {
  return JSON.stringify({
    format: ENVELOPE_FORMAT,
    key: d.key,
    kind: d.kind,
    recipient: d.recipient,
    copies: d.copies,
    title: d.title,
    metadata: d.metadata,
    documents: d.documents.map((doc) => ({
      name: doc.name,
      contentType: doc.contentType,
      sha256: doc.sha256,
      size: doc.size,
      content: doc.bytes.toString('base64'),
    })),
  });
}

async function post(target: string, d: Outgoing, ctx: AdapterContext): Promise<AdapterResult> {
  if (ctx.secrets.length === 0)
    throw new DeliveryFailure(
      `no signing key is in force for ${d.recipient} (OUTBOX_RECIPIENT_SECRETS_FILE, OUTBOX_SIGNING_SECRET)`,
    );
  const body = envelopeOf(d);
  let res: Response;
  try {
    res = await fetch(target, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [KEY_HEADER]: d.key,
        ...signedHeaders(ctx.secrets, ctx.now, body),
      },
      body,
      signal: AbortSignal.timeout(ctx.timeoutMs),
      redirect: 'error',
    });
  } catch (err) {
    const reason =
      err instanceof Error && err.name === 'TimeoutError'
        ? `no answer within ${ctx.timeoutMs} ms`
        : String(err);
    throw new DeliveryFailure(reason);
  }
  const text = await res.text().catch(() => '');
  if (!res.ok) throw new DeliveryFailure(`the receiver answered ${res.status}`);
  let answer: { key?: unknown; status?: unknown; receipt?: unknown };
  try {
    answer = JSON.parse(text) as typeof answer;
  } catch {
    throw new DeliveryFailure(`the receiver answered ${res.status} with a body that is not JSON`);
  }
  // The receiver names the key it took: an answer about another delivery is no answer.
  if (answer === null || typeof answer !== 'object' || answer.key !== d.key)
    throw new DeliveryFailure("the receiver answered without naming the delivery's key");
  if (answer.status !== 'accepted' && answer.status !== 'duplicate')
    throw new DeliveryFailure(`the receiver answered status ${JSON.stringify(answer.status)}`);
  const receipt = answer.receipt ?? null;
  return {
    outcome: receipt && typeof receipt === 'object' ? 'acknowledged' : 'delivered',
    receipt,
    detail: `${res.status} ${String(answer.status)}`,
  };
}

/** A name safe as one path segment (ids and keys are, but the drop must not trust that). */
function segment(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9._-]/g, '_');
  if (!safe || safe === '.' || safe === '..') throw new DeliveryFailure(`'${name}' cannot name a file`);
  return safe;
}

async function drop(root: string, d: Outgoing): Promise<AdapterResult> {
  const dir = path.join(root, segment(d.recipient));
  const final = path.join(dir, segment(d.key));
  try {
    await fs.mkdir(dir, { recursive: true });
    // A directory already there is this delivery, written by an earlier try: the key deduplicates.
    if (
      await fs.stat(final).then(
        () => true,
        () => false,
      )
    )
      return { outcome: 'delivered', receipt: null, detail: 'already in the drop' };
    const partial = path.join(dir, `.partial-${segment(d.key)}-${randomUUID()}`);
    await fs.mkdir(partial);
    for (const doc of d.documents) await fs.writeFile(path.join(partial, segment(doc.name)), doc.bytes);
    const manifest = JSON.parse(envelopeOf({ ...d, documents: [] })) as Record<string, unknown>;
    manifest.documents = d.documents.map(({ name, contentType, sha256, size }) => ({
      name,
      contentType,
      sha256,
      size,
    }));
    await fs.writeFile(path.join(partial, 'manifest.json'), JSON.stringify(manifest, null, 2));
    // The rename makes the delivery appear whole, or not at all.
    await fs.rename(partial, final);
    return { outcome: 'delivered', receipt: null, detail: `written to ${final}` };
  } catch (err) {
    if (err instanceof DeliveryFailure) throw err;
    throw new DeliveryFailure(`the drop could not be written: ${(err as Error).message}`);
  }
}

export async function sendThrough(
  adapter: AdapterName,
  target: string,
  d: Outgoing,
  ctx: AdapterContext,
): Promise<AdapterResult> {
  switch (adapter) {
    case 'edms':
    case 'webhook':
      return post(target, d, ctx);
    case 'file-drop':
      return drop(target, d);
  }
}
