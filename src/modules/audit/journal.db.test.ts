import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command, systemActor } from '../../platform/usecase.js';
import {
  createTestApp,
  createUser,
  signInAs,
  tokenFor,
  type TestContext,
} from '../../../test/support/test-app.js';
import { verifyJournal } from './index.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const rows = () => t.db.selectFrom('journal').selectAll().orderBy('seq').execute();

describe('the log journal (Order 25, para 2, item 1)', () => {
  it('records a command in its own transaction, with who, what, when, request and address', async () => {
    const admin = await tokenFor(t, 'admin');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/users',
      headers: { ...admin, 'x-request-id': 'req-12345678' },
      remoteAddress: '10.1.2.3',
      payload: {
        login: 'journaled',
        displayName: 'J',
        password: 'a long enough passphrase',
        role: 'editor',
        organisationId: 'committee',
      },
    });
    expect(res.statusCode).toBe(201);
    const last = (await rows()).at(-1)!;
    expect(last).toMatchObject({
      action: 'auth.user.added',
      actor_kind: 'token',
      actor_id: admin.id,
      role: 'admin',
      organisation_id: 'committee',
      object_type: 'user',
      object_id: (res.json() as { id: string }).id,
      request_id: 'req-12345678',
      client_address: '10.1.2.3',
      summary: { login: 'journaled', role: 'editor', organisationId: 'committee' },
    });
    expect(last.at.toISOString()).toBe(t.clock.now().toISOString());
    expect(JSON.stringify(last.summary)).not.toContain('passphrase');
  });

  it('keeps nothing of a command that fails after journaling, and leaves no gap', async () => {
    const before = await rows();
    const failing = command({
      name: 'fail after journaling',
      policy: () => true,
      run: async (ctx) => {
        await ctx.record({
          action: 'test.thing.attempted',
          objectType: 'thing',
          objectId: null,
          summary: {},
        });
        throw new Error('boom');
      },
    });
    await expect(failing(t.deps, systemActor('test'), undefined)).rejects.toThrow('boom');
    expect(await rows()).toHaveLength(before.length);
    await createUser(t, 'after.failure', 'editor');
    const after = await rows();
    expect(after.at(-1)!.seq).toBe(before.at(-1)!.seq + 1);
  });

  it('refuses a command that changes state without a journal entry', async () => {
    const silent = command({ name: 'change silently', policy: () => true, run: async () => 'done' });
    await expect(silent(t.deps, systemActor('test'), undefined)).rejects.toThrow(
      /without a log-journal entry/,
    );
  });

  it('chains concurrent commands in commit order', async () => {
    await Promise.all(Array.from({ length: 12 }, (_, i) => createUser(t, `parallel.${i}`, 'subject')));
    const report = await verifyJournal(t.deps, systemActor('test'), undefined);
    expect(report).toMatchObject({ ok: true, firstBreak: null });
    expect(report.checked).toBe((await rows()).length);
  });

  it('is refused UPDATE, DELETE and TRUNCATE by the database itself', async () => {
    await expect(
      sql`UPDATE journal SET actor_name = 'forged' WHERE seq = 1`.execute(t.db),
    ).rejects.toMatchObject({ code: '42501' });
    await expect(sql`DELETE FROM journal WHERE seq = 1`.execute(t.db)).rejects.toMatchObject({
      code: '42501',
    });
    await expect(sql`TRUNCATE journal`.execute(t.db)).rejects.toMatchObject({ code: '42501' });
  });

  it('shows a row changed by hand with the triggers disabled, at its seq', async () => {
    const own = await createTestApp();
    try {
      await createUser(own, 'one', 'editor');
      await createUser(own, 'two', 'editor');
      await createUser(own, 'three', 'editor');
      const client = new pg.Client({ connectionString: own.url });
      await client.connect();
      await client.query('ALTER TABLE journal DISABLE TRIGGER journal_no_update_delete');
      await client.query(`UPDATE journal SET summary = '{"login":"forged"}' WHERE seq = 2`);
      await client.query('ALTER TABLE journal ENABLE TRIGGER journal_no_update_delete');
      await client.end();
      const report = await verifyJournal(own.deps, systemActor('test'), undefined);
      expect(report).toMatchObject({ ok: false, firstBreak: { seq: 2, reason: 'hash_mismatch' } });
    } finally {
      await own.close();
    }
  });
});

describe('the auditor reads the journal', () => {
  it('pages newest first with filters, exports CSV with a BOM, and verifies', async () => {
    const auditor = await tokenFor(t, 'auditor');
    const page1 = await t.app.inject({
      method: 'GET',
      url: '/api/v1/staff/journal?action=auth.user.added&limit=5',
      headers: auditor,
    });
    expect(page1.statusCode).toBe(200);
    const p1 = page1.json() as {
      items: { seq: number; action: string }[];
      total: number;
      nextBefore: number;
    };
    expect(p1.items).toHaveLength(5);
    expect(p1.items.every((i) => i.action === 'auth.user.added')).toBe(true);
    expect(p1.total).toBeGreaterThan(5);
    const page2 = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/staff/journal?action=auth.*&limit=5&before=${p1.nextBefore}`,
        headers: auditor,
      })
    ).json() as { items: { seq: number }[] };
    expect(page2.items[0]!.seq).toBeLessThan(p1.items.at(-1)!.seq + 1);

    const csv = await t.app.inject({
      method: 'GET',
      url: '/api/v1/staff/journal.csv?action=auth.user.added',
      headers: auditor,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.startsWith('\uFEFFseq,at,actorKind')).toBe(true);
    expect(csv.body.trim().split('\n').length - 1).toBe(p1.total);
    const exported = (await rows()).at(-1)!;
    expect(exported.action).toBe('audit.journal.exported');

    const v = await t.app.inject({
      method: 'GET',
      url: '/api/v1/staff/journal/verification',
      headers: auditor,
    });
    expect(v.json()).toMatchObject({ ok: true, firstBreak: null });
  });

  it('is closed to other roles and to the public', async () => {
    await createUser(t, 'an.editor', 'editor');
    const s = await signInAs(t, 'an.editor');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/staff/journal', headers: { cookie: s.cookie } }))
        .statusCode,
    ).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/staff/journal' })).statusCode).toBe(401);
  });

  it('refuses a reversed range naming the parameter', async () => {
    const auditor = await tokenFor(t, 'auditor');
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/staff/journal?from=2024-02-01T00:00:00Z&to=2024-01-01T00:00:00Z',
      headers: auditor,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ errors: [{ pointer: '/query/from' }] });
  });
});
