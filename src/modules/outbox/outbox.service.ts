// The outbox's use cases. `enqueueDelivery` writes a delivery inside the producer's transaction
// (a collection built, a request answered), so a delivery exists if and only if what produced it
// was committed. The worker claims due deliveries, sends them outside any transaction, and records
// each try in its own transaction with its journal entry: delivered, acknowledged (a receipt came
// back), failed (tried again after a backoff), or dead-lettered after the last try. Staff re-send;
// recipients acknowledge through the signed receipts route. Every change is journaled.
import { createHash } from 'node:crypto';
import { conflict, notFound } from '../../platform/errors/index.js';
import {
  command,
  hasRole,
  isSystem,
  query,
  systemActor,
  type CommandContext,
  type Deps,
} from '../../platform/usecase.js';
import { sendThrough, DeliveryFailure, type AdapterResult, type Outgoing } from './outbox.adapters.js';
import * as repo from './outbox.repository.js';
import { signingKeysFor } from './outbox.keyring.js';
import { backoffMs, routeFor, type OutboxSettings } from './outbox.settings.js';
import { presentDelivery, type DeliveryView } from './outbox.presenter.js';

const staff = hasRole('editor', 'admin');

export interface NewDelivery {
  /** the idempotency key: one per (what is sent, to whom); receivers deduplicate by it */
  key: string;
  kind: string;
  subjectId: string;
  recipient: string;
  copies: number;
  title: Record<string, string>;
  metadata: Record<string, unknown>;
  documents: { name: string; sha256: string }[];
  /** false: the recipient is one of the catalogue's placeholders for the unresolved cells of Appendix 1, which no adapter reaches */
  routable?: boolean;
}

/** Stores a document once (by its SHA-256) in the caller's transaction; returns its hash. */
export async function storeDocument(
  ctx: Pick<CommandContext, 'trx' | 'now'>,
  bytes: Buffer,
  contentType: string,
): Promise<string> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await repo.insertDocument(ctx.trx, { sha256, contentType, bytes, at: ctx.now });
  return sha256;
}

/**
 * Writes a delivery in the producer's transaction, routed by the settings: a recipient with no
 * adapter gets an `undeliverable` delivery, shown to staff, which a re-send routes once configured.
 */
export async function enqueueDelivery(
  ctx: CommandContext,
  settings: OutboxSettings,
  input: NewDelivery,
): Promise<repo.DeliveryRow> {
  const route = input.routable === false ? null : routeFor(settings, input.recipient);
  const row = await repo.insertDelivery(
    ctx.trx,
    {
      key: input.key,
      kind: input.kind,
      subject_id: input.subjectId,
      recipient: input.recipient,
      copies: input.copies,
      adapter: route?.adapter ?? null,
      target: route?.target ?? null,
      title: input.title,
      metadata: input.metadata,
      state: route ? 'pending' : 'undeliverable',
      max_attempts: settings.maxAttempts,
      next_attempt_at: ctx.now,
      created_at: ctx.now,
    },
    input.documents,
  );
  await ctx.record({
    action: 'outbox.delivery.enqueued',
    objectType: 'delivery',
    objectId: input.key,
    summary: {
      kind: input.kind,
      subject: input.subjectId,
      recipient: input.recipient,
      copies: input.copies,
      adapter: row.adapter,
      state: row.state,
      documents: input.documents.map((d) => d.name),
    },
  });
  return row;
}

type Outcome = { ok: true; result: AdapterResult } | { ok: false; error: string };

/** Records one try of a claimed delivery: its outcome, the next state, the journal entry. */
export const recordAttempt = command({
  name: 'record a delivery attempt',
  policy: isSystem,
  run: async (
    ctx,
    input: { id: number; attempt: number; outcome: Outcome; settings: OutboxSettings; random: number },
  ) => {
    const row = await repo.lockById(ctx.trx, input.id);
    // A receipt or a re-send that came meanwhile wins; a stale worker (its lease taken over) too.
    if (!row || row.state !== 'pending' || row.attempts !== input.attempt) {
      ctx.changedNothing();
      return row?.state ?? null;
    }
    const base = { delivery_id: row.id, n: row.attempts, at: ctx.now, adapter: row.adapter ?? '' };
    const summary = { recipient: row.recipient, adapter: row.adapter, attempt: row.attempts };
    if (input.outcome.ok) {
      const { result } = input.outcome;
      const acknowledged = result.outcome === 'acknowledged';
      await repo.updateDelivery(ctx.trx, row.id, {
        state: result.outcome,
        lease_until: null,
        last_error: null,
        delivered_at: ctx.now,
        ...(acknowledged ? { acknowledged_at: ctx.now, receipt: result.receipt } : {}),
      });
      await repo.insertAttempt(ctx.trx, { ...base, outcome: result.outcome, detail: result.detail });
      await ctx.record(
        acknowledged
          ? {
              action: 'outbox.delivery.acknowledged',
              objectType: 'delivery',
              objectId: row.key,
              summary: { ...summary, receipt: result.receipt },
            }
          : {
              action: 'outbox.delivery.delivered',
              objectType: 'delivery',
              objectId: row.key,
              summary: { ...summary, detail: result.detail },
            },
      );
      return result.outcome;
    }
    const error = input.outcome.error.slice(0, 1000);
    if (row.attempts >= row.max_attempts) {
      await repo.updateDelivery(ctx.trx, row.id, { state: 'dead', lease_until: null, last_error: error });
      await repo.insertAttempt(ctx.trx, { ...base, outcome: 'dead', detail: error });
      await ctx.record({
        action: 'outbox.delivery.deadLettered',
        objectType: 'delivery',
        objectId: row.key,
        summary: { ...summary, error },
      });
      return 'dead';
    }
    const next = new Date(ctx.now.getTime() + backoffMs(input.settings, row.attempts, input.random));
    await repo.updateDelivery(ctx.trx, row.id, {
      lease_until: null,
      last_error: error,
      next_attempt_at: next,
    });
    await repo.insertAttempt(ctx.trx, { ...base, outcome: 'failed', detail: error });
    await ctx.record({
      action: 'outbox.delivery.failed',
      objectType: 'delivery',
      objectId: row.key,
      summary: { ...summary, error, nextAttemptAt: next.toISOString() },
    });
    return 'pending';
  },
});

/**
 * One round of the worker: claim what is due (a lease, so two workers never send the same
 * delivery at once), send each through its adapter, record each outcome.
 */
export async function sendDueDeliveries(
  deps: Deps,
  settings: OutboxSettings,
  opts: { limit?: number; random?: () => number; actorName?: string } = {},
): Promise<{ claimed: number; outcomes: Record<string, number> }> {
  const now = deps.clock.now();
  const claimed = await repo.claimDue(
    deps.db,
    now,
    new Date(now.getTime() + settings.leaseMs),
    opts.limit ?? 10,
  );
  const outcomes: Record<string, number> = {};
  const actor = systemActor(opts.actorName ?? 'outbox.worker');
  for (const row of claimed) {
    let outcome: Outcome;
    try {
      const documents = await Promise.all(
        (await repo.findDocuments(deps.db, row.id)).map(async (d) => ({
          ...d,
          bytes: (await repo.readDocument(deps.db, d.sha256)) ?? Buffer.alloc(0),
        })),
      );
      const outgoing: Outgoing = {
        key: row.key,
        kind: row.kind,
        recipient: row.recipient,
        copies: row.copies,
        title: row.title,
        metadata: row.metadata,
        documents,
      };
      const result = await sendThrough(row.adapter!, row.target!, outgoing, {
        now: deps.clock.now(),
        secrets: signingKeysFor(settings.keyring, settings.signingSecret, row.recipient, deps.clock.now()),
        timeoutMs: settings.timeoutMs,
      });
      outcome = { ok: true, result };
    } catch (err) {
      outcome = {
        ok: false,
        error: err instanceof DeliveryFailure ? err.message : `unexpected: ${String(err)}`,
      };
    }
    const state = await recordAttempt(deps, actor, {
      id: row.id,
      attempt: row.attempts,
      outcome,
      settings,
      random: (opts.random ?? Math.random)(),
    });
    const k = state ?? 'gone';
    outcomes[k] = (outcomes[k] ?? 0) + 1;
  }
  return { claimed: claimed.length, outcomes };
}

/** A staff member sends a delivery again: routed anew, its tries counted from zero, same key. */
export const resendDelivery = command({
  name: 're-send a delivery',
  policy: staff,
  run: async (
    ctx,
    input: { id: number; reason: string; settings: OutboxSettings },
  ): Promise<DeliveryView> => {
    const row = await repo.lockById(ctx.trx, input.id);
    if (!row) throw notFound(`Delivery ${input.id}`, 'delivery_not_found');
    if (row.state === 'pending')
      throw conflict(`Delivery ${input.id} is already waiting to be sent.`, 'delivery_pending');
    const route = routeFor(input.settings, row.recipient);
    if (!route)
      throw conflict(`No adapter reaches ${row.recipient}: configure OUTBOX_ROUTES first.`, 'no_adapter');
    const updated = await repo.updateDelivery(ctx.trx, row.id, {
      state: 'pending',
      adapter: route.adapter,
      target: route.target,
      attempts: 0,
      max_attempts: input.settings.maxAttempts,
      next_attempt_at: ctx.now,
      lease_until: null,
      last_error: null,
    });
    await ctx.record({
      action: 'outbox.delivery.resent',
      objectType: 'delivery',
      objectId: row.key,
      summary: {
        recipient: row.recipient,
        stateBefore: row.state,
        adapter: route.adapter,
        reason: input.reason,
      },
    });
    return presentDelivery(updated, []);
  },
});

/**
 * Acknowledges a delivery in the caller's transaction (a signed receipt, or the recipient taking
 * its copy in its area of the portal): once; `null` when it already was.
 */
export async function acknowledgeIn(
  ctx: CommandContext,
  row: repo.DeliveryRow,
  receipt: Record<string, unknown>,
): Promise<repo.DeliveryRow | null> {
  if (row.state === 'acknowledged') return null;
  const updated = await repo.updateDelivery(ctx.trx, row.id, {
    state: 'acknowledged',
    delivered_at: row.delivered_at ?? ctx.now,
    acknowledged_at: ctx.now,
    lease_until: null,
    receipt,
  });
  await ctx.record({
    action: 'outbox.delivery.acknowledged',
    objectType: 'delivery',
    objectId: row.key,
    summary: { recipient: row.recipient, adapter: row.adapter, stateBefore: row.state, receipt },
  });
  return updated;
}

/**
 * A recipient's acknowledgement (its signature checked by the route): the delivery is
 * acknowledged once; a second receipt for the same key changes nothing.
 */
export const acknowledgeDelivery = command({
  name: 'acknowledge a delivery',
  policy: isSystem,
  run: async (ctx, input: { key: string; receipt: Record<string, unknown> }) => {
    const row = await repo.lockByKey(ctx.trx, input.key);
    if (!row) throw notFound(`Delivery ${input.key}`, 'delivery_not_found');
    const updated = await acknowledgeIn(ctx, row, input.receipt);
    if (!updated) ctx.changedNothing();
    const at = (updated ?? row).acknowledged_at!;
    return { key: row.key, state: 'acknowledged' as const, acknowledgedAt: at.toISOString() };
  },
});

/** The deliveries of one recipient, newest first (its area of the portal). */
export async function deliveriesTo(
  db: Deps['db'],
  recipient: string,
  kind: string,
): Promise<(DeliveryView & { documents: string[] })[]> {
  const { rows } = await repo.listDeliveries(db, { recipient, kind, limit: 1000 });
  const documents = await Promise.all(rows.map((r) => repo.findDocuments(db, r.id)));
  return rows.map((r, i) => ({ ...presentDelivery(r, []), documents: documents[i]!.map((d) => d.name) }));
}

/** A delivery locked in the caller's transaction, with one of its documents' bytes. */
export async function lockDeliveryDocument(
  ctx: CommandContext,
  id: number,
  name: string,
): Promise<{ row: repo.DeliveryRow; contentType: string; bytes: Buffer } | null> {
  const row = await repo.lockById(ctx.trx, id);
  if (!row) return null;
  const doc = (await repo.findDocuments(ctx.trx, id)).find((d) => d.name === name);
  const bytes = doc ? await repo.readDocument(ctx.trx, doc.sha256) : null;
  return doc && bytes ? { row, contentType: doc.contentType, bytes } : null;
}

export const listDeliveries = query({
  name: 'list deliveries',
  policy: staff,
  run: async ({ db }, input: repo.DeliveryFilter) => {
    const { rows, total } = await repo.listDeliveries(db, input);
    const attempts = await repo.findAttempts(
      db,
      rows.map((r) => r.id),
    );
    return {
      total,
      deliveries: rows.map((r) =>
        presentDelivery(
          r,
          attempts.filter((a) => a.delivery_id === r.id),
        ),
      ),
    };
  },
});

/** Deliveries of some subjects (a collection's builds), for the producers' own views. */
export async function deliveriesOf(
  db: Deps['db'],
  kind: string,
  subjectIds: readonly string[],
): Promise<DeliveryView[]> {
  const { rows } = await repo.listDeliveries(db, { kind, subjectIds, limit: 100_000 });
  return rows.map((r) => presentDelivery(r, []));
}
