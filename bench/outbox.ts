// The outbox under load (issue: deliveries per second to a local receiver, and the lag): the
// outbox's own worker (startOutboxWorker, at the configuration's tick, lease and timeout) sends
// deliveries through its real adapters — the EDMS envelope and the signed webhook, both HTTP — to
// a real receiving server on 127.0.0.1 (node:http on port 0: it checks the signature, deduplicates
// by key and answers with a receipt, so each delivery ends `acknowledged`). Two figures:
// - deliveries per second: a burst of deliveries enqueued in one transaction, sent by the worker;
//   the rate between the first and the last acknowledgement as the database recorded them;
// - the lag, enqueued → acknowledged (created_at → acknowledged_at of each delivery), p50 and
//   p99, with deliveries enqueued one transaction at a time at half the measured rate.
// The baseline, in the same run: the same payloads (the envelopes the receiver took, re-signed)
// POSTed to a fresh receiver of the same code by a plain loop, one after another as the worker
// sends them; its rate and its request latency p50/p99.
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/platform/config.js';
import { command, isSystem, systemActor, type Deps } from '../src/platform/usecase.js';
import {
  enqueueDelivery,
  outboxSettings,
  sign,
  startOutboxWorker,
  storeDocument,
  KEY_HEADER,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  type OutboxSettings,
} from '../src/modules/outbox/index.js';
import { startReceiver, type Receiver } from '../test/support/receiver.js';
import type { Scenario } from './http/scenario.js';
import { progress, quantile, round, withTempStore, type BenchRow } from './store-db.js';

const SECRET = 'bench-outbox-signing-secret-0123456789';
const KIND = 'bench-delivery';

export interface OutboxBenchOptions {
  /** deliveries of the burst (deliveries per second) */
  burst: number;
  /** deliveries enqueued one at a time (the lag) */
  paced: number;
  /** bytes of the one document each delivery carries */
  documentBytes: number;
}

/** The figures of one run, in milliseconds and deliveries per second. */
export interface OutboxFigures {
  deliveriesPerSecond: number;
  lagP50Ms: number;
  lagP99Ms: number;
  plainPerSecond: number;
  plainP50Ms: number;
  plainP99Ms: number;
  envelopeBytes: number;
  adapters: Record<string, number>;
  pacedPerSecond: number;
}

const enqueueBench = command({
  name: 'enqueue benchmark deliveries',
  policy: isSystem,
  run: async (ctx, input: { settings: OutboxSettings; keys: string[]; document: Buffer }) => {
    const sha256 = await storeDocument(ctx, input.document, 'application/octet-stream');
    for (const [i, key] of input.keys.entries())
      await enqueueDelivery(ctx, input.settings, {
        key,
        kind: KIND,
        subjectId: key,
        // every other recipient goes by the webhook, the others by the EDMS (the default adapter)
        recipient: `bench-recipient-${i % 2}`,
        copies: 1,
        title: { kk: 'bench', ru: 'bench', en: 'bench' },
        metadata: { bench: true },
        documents: [{ name: `${key}.bin`, sha256 }],
      });
  },
});

interface Acked {
  key: string;
  adapter: string | null;
  created: Date;
  acknowledged: Date | null;
}

async function acknowledged(deps: Deps, keys: readonly string[]): Promise<Acked[]> {
  const rows = await deps.db
    .selectFrom('outbox_deliveries')
    .select(['key', 'adapter', 'state', 'created_at', 'acknowledged_at'])
    .where('key', 'in', keys)
    .execute();
  const bad = rows.find((r) => r.state === 'dead' || r.state === 'undeliverable');
  if (bad) throw new Error(`outbox bench: delivery ${bad.key} ended ${bad.state}`);
  return rows.map((r) => ({
    key: r.key,
    adapter: r.adapter,
    created: r.created_at,
    acknowledged: r.acknowledged_at,
  }));
}

async function untilAcknowledged(deps: Deps, keys: readonly string[], timeoutMs: number): Promise<Acked[]> {
  const until = performance.now() + timeoutMs;
  for (;;) {
    const rows = await acknowledged(deps, keys);
    if (rows.length === keys.length && rows.every((r) => r.acknowledged)) return rows;
    if (performance.now() > until)
      throw new Error(
        `outbox bench: ${rows.filter((r) => r.acknowledged).length} of ${keys.length} acknowledged in ${timeoutMs} ms`,
      );
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The same envelopes, re-signed, POSTed one after another by a plain loop: rate and latencies. */
async function plainLoop(target: string, bodies: { key: string; body: string }[]) {
  const latencies: number[] = [];
  const t0 = performance.now();
  for (const { key, body } of bodies) {
    const s = performance.now();
    const ts = Math.floor(Date.now() / 1000);
    const res = await fetch(target, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [KEY_HEADER]: key,
        [TIMESTAMP_HEADER]: String(ts),
        [SIGNATURE_HEADER]: sign(SECRET, ts, body),
      },
      body,
    });
    const answer = JSON.parse(await res.text()) as { status?: string; receipt?: unknown };
    if (!res.ok || answer.status !== 'accepted' || !answer.receipt)
      throw new Error(`outbox bench: the plain loop got ${res.status} ${JSON.stringify(answer)}`);
    latencies.push(performance.now() - s);
  }
  const seconds = (performance.now() - t0) / 1000;
  return { perSecond: bodies.length / seconds, latencies };
}

/** Measures the outbox of `deps`'s database (its own deliveries only) against the plain loop. */
export async function measureOutboxOn(deps: Deps, opts: OutboxBenchOptions): Promise<OutboxFigures> {
  const receiver: Receiver = await startReceiver(SECRET, 'receipt');
  const plain: Receiver = await startReceiver(SECRET, 'receipt');
  const settings = outboxSettings(
    loadConfig({
      OUTBOX_EDMS_URL: `${receiver.url}/edms`,
      OUTBOX_SIGNING_SECRET: SECRET,
      OUTBOX_ROUTES: `bench-recipient-1=webhook:${receiver.url}/hook`,
    }),
  );
  const worker = startOutboxWorker(deps, settings, { name: 'bench.outbox' });
  const actor = systemActor('bench.outbox');
  const run = `${Date.now().toString(36)}`;
  const document = Buffer.alloc(opts.documentBytes);
  for (let i = 0; i < document.length; i++) document[i] = (i * 31 + 7) & 0xff;
  try {
    // Deliveries per second: a burst, enqueued in one transaction.
    const burst = Array.from({ length: opts.burst }, (_, i) => `bench-${run}-burst-${i}`);
    await enqueueBench(deps, actor, { settings, keys: burst, document });
    const sent = await untilAcknowledged(deps, burst, 600_000);
    const acks = sent.map((r) => r.acknowledged!.getTime()).sort((a, b) => a - b);
    const spanS = Math.max((acks.at(-1)! - acks[0]!) / 1000, 0.001);
    const deliveriesPerSecond = (opts.burst - 1) / spanS;
    const adapters: Record<string, number> = {};
    for (const r of sent) adapters[r.adapter ?? 'none'] = (adapters[r.adapter ?? 'none'] ?? 0) + 1;

    // The lag: one transaction per delivery, at half the measured rate.
    const pacedPerSecond = Math.max(1, deliveriesPerSecond / 2);
    const paced = Array.from({ length: opts.paced }, (_, i) => `bench-${run}-paced-${i}`);
    const t0 = performance.now();
    for (const [i, key] of paced.entries()) {
      const wait = t0 + (i * 1000) / pacedPerSecond - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      await enqueueBench(deps, actor, { settings, keys: [key], document });
    }
    const lags = (await untilAcknowledged(deps, paced, 600_000)).map(
      (r) => r.acknowledged!.getTime() - r.created.getTime(),
    );

    // The baseline: the burst's envelopes as the receiver took them, by a plain loop.
    const bodies = burst.map((key) => {
      const got = receiver.accepted.get(key);
      if (!got) throw new Error(`outbox bench: the receiver has no ${key}`);
      return { key, body: JSON.stringify(got.body) };
    });
    const base = await plainLoop(`${plain.url}/edms`, bodies);
    return {
      deliveriesPerSecond: round(deliveriesPerSecond),
      lagP50Ms: round(quantile(lags, 0.5)),
      lagP99Ms: round(quantile(lags, 0.99)),
      plainPerSecond: round(base.perSecond),
      plainP50Ms: round(quantile(base.latencies, 0.5), 2),
      plainP99Ms: round(quantile(base.latencies, 0.99), 2),
      envelopeBytes: Buffer.byteLength(bodies[0]!.body),
      adapters,
      pacedPerSecond: round(pacedPerSecond),
    };
  } finally {
    await worker.stop();
    await receiver.close();
    await plain.close();
  }
}

export function outboxRows(f: OutboxFigures, opts: OutboxBenchOptions): BenchRow[] {
  const detail = { ...opts, envelopeBytes: f.envelopeBytes, adapters: f.adapters };
  return [
    {
      title: 'outbox: deliveries/s, worker → local receiver (burst)',
      figure: f.deliveriesPerSecond,
      unit: '/s',
      baseline: f.plainPerSecond,
      ratio: round(f.deliveriesPerSecond / f.plainPerSecond, 3),
      detail: { ...detail, baseline: 'the same envelopes POSTed by a plain loop, one after another' },
    },
    ...(
      [
        ['p50', f.lagP50Ms, f.plainP50Ms],
        ['p99', f.lagP99Ms, f.plainP99Ms],
      ] as const
    ).map(([q, lag, plain]) => ({
      title: `outbox: lag enqueued → acknowledged, ${q}`,
      figure: lag,
      unit: 'ms',
      baseline: plain,
      ratio: round(lag / plain, 3),
      detail: { ...detail, pacedPerSecond: f.pacedPerSecond, baseline: `the plain loop's request ${q}` },
    })),
  ];
}

export const outbox: Scenario = {
  name: 'outbox',
  measure: async () => {
    const opts: OutboxBenchOptions = {
      burst: Number(process.env.BENCH_OUTBOX_BURST ?? 300),
      paced: Number(process.env.BENCH_OUTBOX_PACED ?? 100),
      documentBytes: Number(process.env.BENCH_OUTBOX_BYTES ?? 64 * 1024),
    };
    progress(
      `outbox: ${opts.burst} deliveries in a burst, ${opts.paced} paced, ${opts.documentBytes} bytes each`,
    );
    return withTempStore('zanstat-bench-outbox-', async (store) =>
      outboxRows(await measureOutboxOn(store.deps, opts), opts),
    );
  },
};
