// The outbox survives kill -9: a worker process is killed with SIGKILL at random points of
// sending, ten times, and started again; in the end every delivery is acknowledged, and the
// receiver took each key exactly once (a delivery sent again after a kill is answered as a
// duplicate, never taken twice).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../support/test-app.js';
import { startReceiver, type Receiver } from '../support/receiver.js';
import { command, isSystem, systemActor } from '../../src/platform/usecase.js';
import {
  enqueueDelivery,
  outboxSettings,
  storeDocument,
  type OutboxSettings,
} from '../../src/modules/outbox/index.js';

const SECRET = 'crash-secret';
const COUNT = 40;
let t: TestContext;
let receiver: Receiver;
let env: Record<string, string>;

const enqueue = command({
  name: 'enqueue crash-test deliveries',
  policy: isSystem,
  run: async (ctx, input: { settings: OutboxSettings }) => {
    const sha = await storeDocument(ctx, Buffer.alloc(64 * 1024, 7), 'application/octet-stream');
    for (let i = 0; i < COUNT; i += 1)
      await enqueueDelivery(ctx, input.settings, {
        key: `crash-${i}`,
        kind: 'test',
        subjectId: 'crash',
        recipient: 'some-body',
        copies: 1,
        title: { ru: 'тест' },
        metadata: {},
        documents: [{ name: 'blob.bin', sha256: sha }],
      });
  },
});

function startWorker(): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.resolve('test/e2e/outbox-worker.ts'), t.url],
    {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', () => resolve(child));
    child.once('error', reject);
  });
}

const killed = (child: ChildProcess) => new Promise<void>((resolve) => child.once('exit', () => resolve()));

beforeAll(async () => {
  receiver = await startReceiver(SECRET, 'receipt');
  env = {
    OUTBOX_EDMS_URL: `${receiver.url}/edms`,
    OUTBOX_SIGNING_SECRET: SECRET,
    // a killed worker's claims come back after this
    OUTBOX_LEASE_MS: '300',
    OUTBOX_BACKOFF_BASE_MS: '50',
    OUTBOX_BACKOFF_MAX_MS: '200',
    OUTBOX_MAX_ATTEMPTS: '50',
    LOG_LEVEL: 'silent',
  };
  t = await createTestApp(env);
  await enqueue(t.deps, systemActor('test'), { settings: outboxSettings(t.config) });
});
afterAll(async () => {
  await t.close();
  await receiver.close();
});

const pending = async () =>
  Number(
    (
      await t.db
        .selectFrom('outbox_deliveries')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('state', '<>', 'acknowledged')
        .executeTakeFirstOrThrow()
    ).n,
  );

it('kills the worker ten times mid-send; every delivery ends acknowledged, each key taken once', async () => {
  for (let kill = 0; kill < 10; kill += 1) {
    const worker = await startWorker();
    const triesBefore = receiver.tries.length;
    // Kill at a random point: after 0-3 more tries reached the receiver (mid-send or between).
    const after = Math.floor(Math.random() * 4);
    while (receiver.tries.length < triesBefore + after && (await pending()) > 0)
      await new Promise((resolve) => setTimeout(resolve, 5));
    const exited = killed(worker);
    worker.kill('SIGKILL');
    await exited;
  }
  const last = await startWorker();
  while ((await pending()) > 0) await new Promise((resolve) => setTimeout(resolve, 50));
  const exited = killed(last);
  last.kill('SIGKILL');
  await exited;

  const rows = await t.db.selectFrom('outbox_deliveries').select(['key', 'state']).execute();
  expect(rows).toHaveLength(COUNT);
  expect(rows.every((r) => r.state === 'acknowledged')).toBe(true);
  // Each key was taken by the receiver once; repeats (after a kill) were answered as duplicates.
  expect(receiver.accepted.size).toBe(COUNT);
  const acknowledged = await t.db
    .selectFrom('journal')
    .select(['object_id'])
    .where('action', '=', 'outbox.delivery.acknowledged')
    .execute();
  expect(acknowledged.map((j) => j.object_id).sort()).toEqual(rows.map((r) => r.key).sort());
}, 300_000);
