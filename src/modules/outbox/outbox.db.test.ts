// The outbox over a real database and real receivers on 127.0.0.1: each adapter (EDMS, signed
// webhook, file drop) carries a delivery with its key and signature; receipts acknowledge once;
// a receiver that answers 500, never answers, answers garbage or about another key is tried
// again with backoff and dead-lettered, never marked delivered; a re-send goes out with the same
// key; two workers never send the same delivery; every change is journaled.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, tokenFor, type TestContext } from '../../../test/support/test-app.js';
import { startReceiver, type Receiver } from '../../../test/support/receiver.js';
import { command, isSystem, systemActor } from '../../platform/usecase.js';
import {
  enqueueDelivery,
  outboxSettings,
  sendDueDeliveries,
  sign,
  storeDocument,
  type OutboxSettings,
} from './index.js';

const SECRET = 'test-signing-secret';
let t: TestContext;
let edms: Receiver;
let hook: Receiver;
let dropDir: string;
let settings: OutboxSettings;
let editor: Record<string, string>;
let own: Receiver;
let keysFile: string;
const OLD_KEY = 'r-own-old-key-0123456789abcdefghijklmnop';
const NEW_KEY = 'r-own-new-key-0123456789abcdefghijklmnop';

const enqueue = command({
  name: 'enqueue test deliveries',
  policy: isSystem,
  run: async (ctx, input: { keys: string[]; recipient: string; settings: OutboxSettings }) => {
    const sha = await storeDocument(ctx, Buffer.from('Қазақстан — тест', 'utf8'), 'text/plain');
    for (const key of input.keys)
      await enqueueDelivery(ctx, input.settings, {
        key,
        kind: 'test',
        subjectId: 'subject-1',
        recipient: input.recipient,
        copies: 2,
        title: { kk: 'Жинақ', ru: 'Сборник', en: 'Collection' },
        metadata: { quarter: '2024-Q1' },
        documents: [{ name: 'note.txt', sha256: sha }],
      });
  },
});
const put = (keys: string[], recipient: string, s = settings) =>
  enqueue(t.deps, systemActor('test'), { keys, recipient, settings: s });
const send = (s = settings) => sendDueDeliveries(t.deps, s, { random: () => 0.5, limit: 50 });
const stateOf = async (key: string) =>
  await t.db.selectFrom('outbox_deliveries').selectAll().where('key', '=', key).executeTakeFirstOrThrow();
const actionsOf = async (key: string) =>
  (
    await t.db.selectFrom('journal').select('action').where('object_id', '=', key).orderBy('seq').execute()
  ).map((j) => j.action);

beforeAll(async () => {
  edms = await startReceiver(SECRET);
  hook = await startReceiver(SECRET, 'receipt');
  dropDir = await fs.mkdtemp(path.join(os.tmpdir(), 'zanstat-drop-'));
  own = await startReceiver(OLD_KEY, 'accept');
  // The per-recipient keys: written for real with mode 600; the test rewrites it for a rotation.
  keysFile = path.join(dropDir, '..', `zanstat-keys-${path.basename(dropDir)}.json`);
  await fs.writeFile(
    keysFile,
    JSON.stringify({
      'r-none': [{ id: 'future', secret: 'x'.repeat(40), validFrom: '2100-01-01T00:00:00Z' }],
    }),
    { mode: 0o600 },
  );
  const env = {
    OUTBOX_EDMS_URL: `${edms.url}/edms`,
    OUTBOX_SIGNING_SECRET: SECRET,
    OUTBOX_FILE_DROP_DIR: dropDir,
    OUTBOX_ROUTES: `r-hook=webhook:${hook.url}/hook, r-drop=file-drop, r-own=webhook:${own.url}/own`,
    OUTBOX_RECIPIENT_SECRETS_FILE: keysFile,
    OUTBOX_MAX_ATTEMPTS: '3',
    OUTBOX_BACKOFF_BASE_MS: '1000',
    OUTBOX_BACKOFF_MAX_MS: '60000',
    OUTBOX_TIMEOUT_MS: '300',
  };
  t = await createTestApp(env);
  settings = outboxSettings(t.config);
  editor = await tokenFor(t, 'editor');
});
afterAll(async () => {
  await t.close();
  await edms.close();
  await hook.close();
  await own.close();
  await fs.rm(dropDir, { recursive: true, force: true });
  await fs.rm(keysFile, { force: true });
});

describe('the adapters', () => {
  it('sends through the EDMS, the signed webhook and the file drop, each with its key', async () => {
    await put(['k-edms'], 'r-edms');
    await put(['k-hook'], 'r-hook');
    await put(['k-drop'], 'r-drop');
    expect(await send()).toMatchObject({ claimed: 3 });

    expect(edms.accepted.get('k-edms')).toMatchObject({ path: '/edms', signatureValid: true });
    const sent = edms.accepted.get('k-edms')!.body;
    expect(sent).toMatchObject({
      key: 'k-edms',
      recipient: 'r-edms',
      copies: 2,
      metadata: { quarter: '2024-Q1' },
    });
    expect(Buffer.from(sent.documents[0]!.content, 'base64').toString('utf8')).toBe('Қазақстан — тест');
    expect((await stateOf('k-edms')).state).toBe('delivered');

    // The webhook's answer carried the receipt: acknowledged at once.
    expect(hook.accepted.get('k-hook')?.signatureValid).toBe(true);
    expect(await stateOf('k-hook')).toMatchObject({ state: 'acknowledged', receipt: { reference: 'IN-1' } });

    const dropped = path.join(dropDir, 'r-drop', 'k-drop');
    expect((await fs.readdir(dropped)).sort()).toEqual(['manifest.json', 'note.txt']);
    expect(JSON.parse(await fs.readFile(path.join(dropped, 'manifest.json'), 'utf8'))).toMatchObject({
      key: 'k-drop',
      copies: 2,
      documents: [{ name: 'note.txt' }],
    });
    expect((await stateOf('k-drop')).state).toBe('delivered');
    expect(await actionsOf('k-hook')).toEqual(['outbox.delivery.enqueued', 'outbox.delivery.acknowledged']);
  });

  it('takes a signed receipt once; an unsigned or stale one is refused', async () => {
    const body = JSON.stringify({ key: 'k-edms', reference: 'ВХ-17' });
    const ts = Math.floor(t.clock.now().getTime() / 1000);
    const post = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/outbox/receipts',
        headers: { 'content-type': 'application/json', ...headers },
        payload: body,
      });
    const signed = { 'x-zanstat-timestamp': String(ts), 'x-zanstat-signature': sign(SECRET, ts, body) };
    expect((await post({})).statusCode).toBe(401);
    expect((await post({ ...signed, 'x-zanstat-signature': sign('other', ts, body) })).statusCode).toBe(401);
    const stale = ts - 3600;
    expect(
      (await post({ 'x-zanstat-timestamp': String(stale), 'x-zanstat-signature': sign(SECRET, stale, body) }))
        .statusCode,
    ).toBe(401);
    const first = await post(signed);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ key: 'k-edms', state: 'acknowledged' });
    expect((await post(signed)).statusCode).toBe(200);
    expect(await stateOf('k-edms')).toMatchObject({ state: 'acknowledged', receipt: { reference: 'ВХ-17' } });
    expect(await actionsOf('k-edms')).toEqual([
      'outbox.delivery.enqueued',
      'outbox.delivery.delivered',
      'outbox.delivery.acknowledged',
    ]);
    const unknownBody = JSON.stringify({ key: 'nope' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/outbox/receipts',
      headers: {
        'content-type': 'application/json',
        'x-zanstat-timestamp': String(ts),
        'x-zanstat-signature': sign(SECRET, ts, unknownBody),
      },
      payload: unknownBody,
    });
    expect(res.statusCode).toBe(404);
  });

  it('writes a recipient no adapter reaches as undeliverable, and re-sends it once routed', async () => {
    const none = { ...settings, defaultAdapter: 'none' as const };
    await put(['k-none'], 'r-nobody', none);
    expect(await stateOf('k-none')).toMatchObject({ state: 'undeliverable', adapter: null });
    const id = (await stateOf('k-none')).id;
    const resend = (reason: unknown) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/staff/outbox/${id}/resend`,
        headers: editor,
        payload: { reason },
      });
    // The app's settings route r-nobody to the default EDMS adapter.
    const bad = await resend('');
    expect(bad.statusCode).toBe(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(bad.json())).toContain('/body/reason');
    const res = await resend('the EDMS now reaches it');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'pending', adapter: 'edms', attempts: 0 });
    await send();
    expect((await stateOf('k-none')).state).toBe('delivered');
    expect(edms.accepted.has('k-none')).toBe(true);
  });
});

describe('faults', () => {
  it.each(['error500', 'hang', 'garbage', 'wrong-key'] as const)(
    'a receiver that %s is tried with backoff, then dead-lettered, never delivered',
    async (behaviour) => {
      const bad = await startReceiver(SECRET, behaviour);
      try {
        const s = { ...settings, edmsUrl: `${bad.url}/edms` };
        const key = `k-${behaviour}`;
        await put([key], 'r-faulty', s);
        const waits: number[] = [];
        for (let i = 1; i <= 3; i += 1) {
          const before = await stateOf(key);
          expect(before.state).toBe('pending');
          t.clock.set(before.next_attempt_at);
          await send(s);
          const after = await stateOf(key);
          if (after.state === 'pending')
            waits.push(after.next_attempt_at.getTime() - t.clock.now().getTime());
        }
        const row = await stateOf(key);
        expect(row).toMatchObject({ state: 'dead', attempts: 3, delivered_at: null });
        expect(row.last_error).toBeTruthy();
        // Exponential: 1 s then 2 s ceilings, jitter 0.5 → 0.75 s and 1.5 s.
        expect(waits).toEqual([750, 1500]);
        expect(bad.tries.filter((x) => x.key === key)).toHaveLength(3);
        expect(await actionsOf(key)).toEqual([
          'outbox.delivery.enqueued',
          'outbox.delivery.failed',
          'outbox.delivery.failed',
          'outbox.delivery.deadLettered',
        ]);
        // Nothing more is tried once dead.
        t.clock.advance(3_600_000);
        await send(s);
        expect(bad.tries.filter((x) => x.key === key)).toHaveLength(3);
        // Fixed, and re-sent by an editor: out once, with the same key.
        bad.behaviour = 'accept';
        const list = await t.app.inject({ url: '/api/v1/staff/outbox?state=dead', headers: editor });
        expect(list.statusCode).toBe(200);
        const dead = (
          list.json() as { deliveries: { id: number; key: string; history: unknown[] }[] }
        ).deliveries.find((d) => d.key === key)!;
        expect(dead.history).toHaveLength(3);
        const { resendDelivery } = await import('./index.js');
        await resendDelivery(
          t.deps,
          { kind: 'user', id: 'e', name: 'editor', role: 'editor', organisationId: 'committee' },
          {
            id: dead.id,
            reason: 'receiver repaired',
            settings: s,
          },
        );
        await send(s);
        expect((await stateOf(key)).state).toBe('delivered');
        expect(bad.accepted.get(key)?.key).toBe(key);
      } finally {
        await bad.close();
      }
    },
  );
});

describe('claims', () => {
  it('two workers at once never send the same delivery', async () => {
    const keys = Array.from({ length: 30 }, (_, i) => `k-race-${i}`);
    await put(keys, 'r-race');
    const before = edms.tries.length;
    await Promise.all([send(), send(), send()]);
    const tried = edms.tries.slice(before).map((x) => x.key);
    expect(tried.sort()).toEqual([...keys].sort());
    for (const key of keys) expect((await stateOf(key)).state).toBe('delivered');
  });

  it('lists deliveries for editors only, with problems for bad filters', async () => {
    const subject = await tokenFor(t, 'subject', 'some-body');
    expect((await t.app.inject({ url: '/api/v1/staff/outbox', headers: subject })).statusCode).toBe(403);
    const bad = await t.app.inject({ url: '/api/v1/staff/outbox?state=lost', headers: editor });
    expect(bad.statusCode).toBe(422);
    expect(JSON.stringify(bad.json())).toContain('state');
    const ok = await t.app.inject({ url: '/api/v1/staff/outbox?kind=test&limit=5', headers: editor });
    expect(ok.json()).toMatchObject({ deliveries: expect.any(Array) });
    expect((ok.json() as { deliveries: unknown[] }).deliveries).toHaveLength(5);
  });
});

describe("a recipient's own signing keys", () => {
  it('signs with its own key, with both keys during a rotation, and takes receipts by its keys only', async () => {
    const now = t.clock.now().getTime();
    const at = (days: number) => new Date(now + days * 86_400_000).toISOString();
    // The new key from day 10; the old one until day 17: a week of overlap.
    await fs.writeFile(
      keysFile,
      JSON.stringify({
        'r-own': [
          { id: 'old', secret: OLD_KEY, validFrom: at(-400), validUntil: at(17) },
          { id: 'new', secret: NEW_KEY, validFrom: at(10) },
        ],
        'r-none': [{ id: 'future', secret: 'x'.repeat(40), validFrom: '2100-01-01T00:00:00Z' }],
      }),
      { mode: 0o600 },
    );
    const receipt = (key: string, secret: string) => {
      const body = JSON.stringify({ key, reference: `R-${key}` });
      const ts = Math.floor(t.clock.now().getTime() / 1000);
      return t.app.inject({
        method: 'POST',
        url: '/api/v1/outbox/receipts',
        headers: {
          'content-type': 'application/json',
          'x-zanstat-timestamp': String(ts),
          'x-zanstat-signature': sign(secret, ts, body),
        },
        payload: body,
      });
    };

    // Before the rotation: one signature, with the old key, never with the shared one.
    await put(['own-1'], 'r-own');
    await send();
    const first = own.tries.find((x) => x.key === 'own-1')!;
    expect(first.signatureValid).toBe(true);
    expect((await stateOf('own-1')).state).toBe('delivered');
    expect((await receipt('own-1', SECRET)).statusCode).toBe(401);

    // During the overlap: two signatures; a receiver holding either key takes it.
    t.clock.set(at(12));
    await put(['own-2'], 'r-own');
    own.secret = NEW_KEY;
    await send();
    expect(own.accepted.get('own-2')?.signatureValid).toBe(true);
    expect((await receipt('own-2', OLD_KEY)).statusCode).toBe(200);

    // After it: the old key neither signs nor verifies.
    t.clock.set(at(18));
    expect((await receipt('own-1', OLD_KEY)).statusCode).toBe(401);
    expect((await receipt('own-1', NEW_KEY)).statusCode).toBe(200);
    expect(await stateOf('own-1')).toMatchObject({
      state: 'acknowledged',
      receipt: { reference: 'R-own-1' },
    });

    // A recipient the file names but with no key in force yet is not sent to, nor signed with
    // the shared key: the try fails and says why.
    const before = edms.tries.length;
    await put(['none-1'], 'r-none');
    await send();
    expect(edms.tries.length).toBe(before);
    expect(await stateOf('none-1')).toMatchObject({ state: 'pending' });
    expect((await stateOf('none-1')).last_error).toContain('no signing key is in force for r-none');
  });
});
