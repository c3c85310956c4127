// End to end, on an injected clock: the figures of 2022-Q4 are published (the real 1-М, ТМД-1 and
// 3-К that ship with zanstat, synthetic figures for the modelled forms), the job builds the six
// collections, the outbox carries a copy to every recipient through real receivers on 127.0.0.1
// (EDMS, a signed webhook whose answer is the receipt, a file drop), the dashboard shows the
// quarter on time, the official-use rows reach only the bodies holding the right, and the files
// read back: the XLSX through LibreOffice, the PDF (Kazakh included) through pdftotext.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  publishShipped,
  testEditor,
  tokenFor,
  type TestContext,
} from '../../../test/support/test-app.js';
import { startReceiver, type Receiver } from '../../../test/support/receiver.js';
import { systemActor } from '../../platform/usecase.js';
import { outboxSettings, resendDelivery, sendDueDeliveries } from '../outbox/index.js';
import { publishDue, reviseRelease } from '../publishing/index.js';
import {
  generateSynthetic,
  submitFigures,
  builtInStructuresDir,
  loadDemonstrationFigures,
  loadFormStructures,
  loadShippedFigures,
} from '../statistics/index.js';
import { buildDueCollections } from './index.js';

const SECRET = 'collections-test-secret';
const QUARTER = '2022-Q4';
let t: TestContext;
let edms: Receiver;
let hook: Receiver;
let dropDir: string;
let work: string;
let editor: Record<string, string>;

interface ScheduleItem {
  collection: string;
  quarter: string;
  dueOn: string;
  built: boolean;
  onTime: boolean;
  late: number;
  unresolved: number;
  inputs: { form: string; period: string; published: boolean }[];
  recipients: {
    recipient: string;
    status: string;
    copies: number;
    adapter: string | null;
    state: string | null;
    officialUse: boolean | null;
    undeliverable: boolean;
    late: boolean;
    acknowledgedAt: string | null;
  }[];
}

async function schedule(quarter = QUARTER): Promise<ScheduleItem[]> {
  const res = await t.app.inject({ url: `/api/v1/staff/collections?quarter=${quarter}`, headers: editor });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { collections: ScheduleItem[] }).collections;
}

async function sendAll(): Promise<void> {
  const settings = outboxSettings(t.config);
  for (let round = 0; round < 50; round += 1) {
    const { claimed } = await sendDueDeliveries(t.deps, settings, { limit: 50 });
    if (claimed === 0) return;
  }
}

const run = (cmd: string, args: string[]) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 180_000, maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr}`);
  return r.stdout;
};

const pdfText = (file: string) => run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']);

/** A document of a copy as the receiver got it, written to a file. */
async function documentOf(receiver: Receiver, recipient: string, collection: string, ending: string) {
  const entry = [...receiver.accepted.values()].find(
    (e) => e.body.recipient === recipient && e.body.metadata.collection === collection,
  );
  expect(entry, `${collection} to ${recipient}`).toBeDefined();
  const doc = entry!.body.documents.find((d) => d.name.endsWith(ending))!;
  const file = path.join(work, `${recipient}-${doc.name}`);
  await fs.writeFile(file, Buffer.from(doc.content, 'base64'));
  return file;
}

beforeAll(async () => {
  edms = await startReceiver(SECRET);
  hook = await startReceiver(SECRET, 'receipt');
  dropDir = await fs.mkdtemp(path.join(os.tmpdir(), 'zanstat-collections-drop-'));
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'zanstat-collections-'));
  t = await createTestApp({
    OUTBOX_EDMS_URL: `${edms.url}/edms`,
    OUTBOX_SIGNING_SECRET: SECRET,
    // Lateness counts from 2022-Q4 (earlier quarters are history, as for releases).
    LATE_FROM_PERIOD: '2022-10',
    OUTBOX_FILE_DROP_DIR: dropDir,
    // P3 is an unresolved cell of Appendix 1: undeliverable until someone routes it explicitly.
    OUTBOX_ROUTES: `supreme-court=webhook:${hook.url}/hook, ministry-of-justice=file-drop, appendix1-unresolved-p3=file-drop`,
  });
  editor = await tokenFor(t, 'editor');
  // The figures of the quarter are published early in January 2023 (10:00 in Kazakhstan).
  t.clock.set('2023-01-05T04:00:00Z');
  await loadFormStructures(t.deps, systemActor('test'), { dir: builtInStructuresDir });
  expect((await loadShippedFigures(t.deps)).refused).toEqual([]);
  await loadDemonstrationFigures(t.deps, { until: '2022-12-31', periods: 1 });
  await publishShipped(t);
}, 600_000);
afterAll(async () => {
  await t.close();
  await edms.close();
  await hook.close();
  await fs.rm(dropDir, { recursive: true, force: true });
  await fs.rm(work, { recursive: true, force: true });
});

describe('the six collections of 2022-Q4', () => {
  it('shows on the dashboard what is due and that every input is published, before the build', async () => {
    const items = await schedule();
    expect(items.map((i) => i.collection)).toHaveLength(6);
    for (const item of items) {
      // 14 January 2023 is a Saturday: the next working day (para 13).
      expect(item).toMatchObject({
        quarter: QUARTER,
        dueOn: '2023-01-16',
        built: false,
        onTime: false,
        late: 0,
      });
      expect(
        item.inputs.every((i) => i.published),
        item.collection,
      ).toBe(true);
    }
    const crime = items.find((i) => i.collection === 'crime-and-law-enforcement-results')!;
    expect(crime.inputs.find((i) => i.form === '1-m')?.period).toBe('2022-12');
  });

  it('is built by the job and delivered to every recipient once, through each adapter', async () => {
    const { built, waiting } = await buildDueCollections(
      t.deps,
      systemActor('collections.build-due'),
      outboxSettings(t.config),
    );
    expect(built.filter((b) => b.quarter === QUARTER && b.version === 1)).toHaveLength(6);
    // 2022-Q3: only 3-К (real, monthly) is published for it, so only the corruption collection is built.
    expect(built.filter((b) => b.quarter !== QUARTER).map((b) => `${b.collection} ${b.quarter}`)).toEqual([
      'corruption-crimes-and-offences 2022-Q3',
    ]);
    expect(waiting.some((w) => w.includes('2022-Q3'))).toBe(true);
    // A second run changes nothing: no revision since.
    expect(
      (await buildDueCollections(t.deps, systemActor('collections.build-due'), outboxSettings(t.config)))
        .built,
    ).toEqual([]);

    await sendAll();
    const items = await schedule();
    for (const item of items) {
      expect(item.built).toBe(true);
      for (const r of item.recipients) {
        if (r.status === 'unresolved') {
          expect(r).toMatchObject({ state: 'undeliverable', undeliverable: true });
          continue;
        }
        const expected = r.recipient === 'supreme-court' ? 'acknowledged' : 'delivered';
        expect(r, `${item.collection} → ${r.recipient}`).toMatchObject({ state: expected, late: false });
        expect(r.adapter).toBe(
          r.recipient === 'supreme-court'
            ? 'webhook'
            : r.recipient === 'ministry-of-justice'
              ? 'file-drop'
              : 'edms',
        );
      }
      expect(item).toMatchObject({ onTime: true, late: 0 });
      expect(item.unresolved).toBeGreaterThan(0);
    }
    // Once per recipient, the number of its cell as copies (P1 has 7).
    const keys = [...edms.tries.map((x) => x.key), ...hook.tries.map((x) => x.key)];
    expect(new Set(keys).size).toBe(keys.length);
    const supervision = items.find((i) => i.collection === 'prosecutorial-supervision-state')!;
    expect(supervision.recipients.find((r) => r.recipient === 'appendix1-unresolved-p1')?.copies).toBe(7);
    expect([...hook.accepted.values()].filter((e) => e.body.metadata.quarter === QUARTER)).toHaveLength(
      items.filter((i) => i.recipients.some((r) => r.recipient === 'supreme-court')).length,
    );
    const drops = await fs.readdir(path.join(dropDir, 'ministry-of-justice'));
    expect(drops.filter((d) => d.includes(QUARTER))).toHaveLength(
      items.filter((i) => i.recipients.some((r) => r.recipient === 'ministry-of-justice')).length,
    );
  }, 600_000);

  it('carries the official-use rows only to the bodies holding the right', async () => {
    const supervision = (await schedule()).find((i) => i.collection === 'prosecutorial-supervision-state')!;
    const byRecipient = new Map(supervision.recipients.map((r) => [r.recipient, r]));
    // Every resolved recipient holds the right (organisations/access-rights.yaml); the unresolved
    // cells do not, and are undeliverable. P3, routed by hand and re-sent, gets the public copy.
    expect(byRecipient.get('mazhilis')?.officialUse).toBe(true);
    const p3 = byRecipient.get('appendix1-unresolved-p3')!;
    expect(p3).toMatchObject({ officialUse: false, state: 'undeliverable' });
    const listed = await t.app.inject({
      url: '/api/v1/staff/outbox?state=undeliverable&recipient=appendix1-unresolved-p3',
      headers: editor,
    });
    const delivery = (
      listed.json() as { deliveries: { id: number; metadata: { collection: string } }[] }
    ).deliveries.find((d) => d.metadata.collection === 'prosecutorial-supervision-state')!;
    await resendDelivery(
      t.deps,
      { kind: 'user', id: 'e', name: 'editor', role: 'editor', organisationId: 'committee' },
      {
        id: delivery.id,
        reason: 'routed to the drop by hand',
        settings: outboxSettings(t.config),
      },
    );
    await sendAll();
    const [dropped] = (await fs.readdir(path.join(dropDir, 'appendix1-unresolved-p3'))).filter(
      (d) => !d.startsWith('.'),
    );
    const publicPdf = path.join(
      dropDir,
      'appendix1-unresolved-p3',
      dropped!,
      `prosecutorial-supervision-state-${QUARTER}-v1-ru.pdf`,
    );
    const official = pdfText(
      await documentOf(edms, 'mazhilis', 'prosecutorial-supervision-state', '-ru-dsp.pdf'),
    );
    const plain = pdfText(publicPdf);
    const covert = 'негласных';
    expect(official).toContain(covert);
    expect(official).toContain('Для служебного пользования');
    expect(plain).toContain('О надзорной деятельности прокурора');
    expect(plain).not.toContain(covert);
    expect(plain).not.toContain('служебного пользования');
  }, 120_000);

  it('reads back: the PDF in Kazakh with its table of contents, the XLSX in LibreOffice', async () => {
    const pdf = pdfText(await documentOf(edms, 'mazhilis', 'crime-and-law-enforcement-results', '-kk.pdf'));
    expect(pdf).toContain('Қазақстан Республикасындағы қылмыстылық пен құқық қорғау органдарының');
    expect(pdf).toContain('2022 ж. 4-тоқсан');
    expect(pdf).toContain('Мазмұны');
    expect(pdf).toContain('1-М');
    const xlsx = await documentOf(edms, 'mazhilis', 'crime-and-law-enforcement-results', '-ru.xlsx');
    const out = path.join(work, 'csv');
    const filter = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';
    const profile = pathToFileURL(path.join(work, 'lo-profile')).href;
    run('libreoffice', [
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--convert-to',
      filter,
      '--outdir',
      out,
      xlsx,
    ]);
    const files = (await fs.readdir(out)).sort();
    const read = async (f: string) =>
      parseCsv(await fs.readFile(path.join(out, f), 'utf8'), { relaxColumnCount: true }) as string[][];
    const contents = await read(files.find((f) => f.includes('Содержание'))!);
    expect(contents[0]?.[0]).toBe(
      'О состоянии преступности и результатах деятельности правоохранительных органов и судов в Республике Казахстан',
    );
    expect(contents[1]?.[0]).toBe('4 квартал 2022 г.');
    expect(contents.some((row) => row[1] === '1-М' && row[3]?.includes('январь–декабрь 2022'))).toBe(true);
    expect(files.some((f) => f.includes('Примечания'))).toBe(true);
    // The republic's sheet of 1-М R1: the total of registered offences as published (155 200).
    const republic = await read(files.find((f) => f.includes('1-М R1 00'))!);
    const start = republic.findIndex((row) => row[0] === 'А' && row[1] === 'Б');
    expect(republic[start + 1]?.[3]).toBe('155200');
  }, 300_000);

  it('is rebuilt as a new version with its reason after a revision, and sent again', async () => {
    const { structureFor } = await import('../statistics/index.js');
    const stored = (await structureFor(t.db, '1-n', { periodicity: 'quarterly', year: 2022, quarter: 4 }))!;
    await submitFigures(t.deps, systemActor('test'), {
      form: '1-n',
      period: QUARTER,
      reason: 'corrected seizures',
      channel: 'import',
      origin: 'synthetic',
      parts: [
        {
          breakdown: '75',
          breakdownRef: 'test',
          values: generateSynthetic(stored.structure, 'revised|75', 90),
        },
      ],
    });
    t.clock.set('2023-01-10T04:00:00Z');
    await reviseRelease(t.deps, testEditor, {
      form: '1-n',
      period: QUARTER,
      reason: 'seizures in Almaty corrected',
      defaultTime: '10:00',
    });
    await publishDue(t.deps, systemActor('publishing.publisher'), undefined);
    const { built } = await buildDueCollections(
      t.deps,
      systemActor('collections.build-due'),
      outboxSettings(t.config),
    );
    expect(built).toHaveLength(1);
    expect(built[0]).toMatchObject({ collection: 'drug-related-offences', version: 2 });
    expect(built[0]!.reason).toContain('seizures in Almaty corrected');
    const before = edms.accepted.size;
    await sendAll();
    const drugs = (await schedule()).find((i) => i.collection === 'drug-related-offences')!;
    expect(drugs.recipients.filter((r) => r.status === 'resolved').every((r) => r.state !== 'pending')).toBe(
      true,
    );
    expect(
      [...edms.accepted.keys()].filter((k) => k.includes('drug-related-offences-2022-Q4-v2')),
    ).toHaveLength(edms.accepted.size - before);
    const journal = await t.db
      .selectFrom('journal')
      .select(['action', 'summary'])
      .where('object_id', '=', `drug-related-offences/${QUARTER}`)
      .orderBy('seq')
      .execute();
    expect(journal.map((j) => j.action)).toEqual([
      'collections.collection.built',
      'collections.collection.built',
    ]);
  }, 300_000);

  it("gives a recipient's users their copies to download, journaled, and no one else's", async () => {
    const mazhilis = await tokenFor(t, 'recipient', 'mazhilis');
    const justice = await tokenFor(t, 'recipient', 'ministry-of-justice');
    const list = await t.app.inject({ url: '/api/v1/recipient/copies', headers: mazhilis });
    expect(list.statusCode, list.body).toBe(200);
    const copies = (
      list.json() as { copies: { id: number; recipient: string; state: string; documents: string[] }[] }
    ).copies;
    expect(copies.length).toBeGreaterThan(0);
    expect(copies.every((c) => c.recipient === 'mazhilis')).toBe(true);
    const copy = copies.find((c) => c.state === 'delivered')!;
    const pdf = copy.documents.find((d) => d.endsWith('-kk.pdf') || d.endsWith('-kk-dsp.pdf'))!;
    const url = `/api/v1/recipient/copies/${copy.id}/documents/${encodeURIComponent(pdf)}`;
    expect((await t.app.inject({ url, headers: justice })).statusCode).toBe(404);
    expect((await t.app.inject({ url, headers: editor })).statusCode).toBe(403);
    const res = await t.app.inject({ url, headers: mazhilis });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    expect((await t.app.inject({ url, headers: mazhilis })).statusCode).toBe(200);
    const after = (await t.app.inject({ url: '/api/v1/recipient/copies', headers: mazhilis })).json() as {
      copies: { id: number; state: string; key: string }[];
    };
    const taken = after.copies.find((c) => c.id === copy.id)!;
    expect(taken.state).toBe('acknowledged');
    const journal = await t.db
      .selectFrom('journal')
      .select('action')
      .where('object_id', '=', taken.key)
      .orderBy('seq')
      .execute();
    expect(journal.map((j) => j.action).slice(-3)).toEqual([
      'collections.copy.downloaded',
      'outbox.delivery.acknowledged',
      'collections.copy.downloaded',
    ]);
  });

  it('counts late copies in /metrics and names a bad quarter', async () => {
    const metrics = await t.app.inject('/metrics');
    expect(metrics.body).toMatch(/zanstat_collection_copies_late 0/);
    const bad = await t.app.inject({ url: '/api/v1/staff/collections?quarter=2022-13', headers: editor });
    expect(bad.statusCode).toBe(422);
    expect(JSON.stringify(bad.json())).toContain('/query/quarter');
    const subject = await tokenFor(t, 'subject', 'some-body');
    expect((await t.app.inject({ url: '/api/v1/staff/collections', headers: subject })).statusCode).toBe(403);
  });

  it('addresses a placeholder of Appendix 1 as the organisation an administrator resolved it to, from that day', async () => {
    const admin = await tokenFor(t, 'admin');
    const url = '/api/v1/staff/collections/recipients/appendix1-unresolved-p1/resolutions';
    const body = {
      organisation: 'prosecutor-general-office',
      validFrom: '2023-01-11',
      source: 'a letter of the Committee naming the body of the cell',
    };
    // only the administrator; a body that is not in the catalogue, or already has its own cell, is refused
    expect((await t.app.inject({ method: 'POST', url, headers: editor, payload: body })).statusCode).toBe(
      403,
    );
    const unknown = await t.app.inject({
      method: 'POST',
      url,
      headers: admin,
      payload: { ...body, organisation: 'no-such-body' },
    });
    expect(unknown.statusCode).toBe(422);
    expect(JSON.stringify(unknown.json())).toContain('/body/organisation');
    const twice = await t.app.inject({
      method: 'POST',
      url,
      headers: admin,
      payload: { ...body, organisation: 'mazhilis' },
    });
    expect(twice.statusCode).toBe(409);
    const res = await t.app.inject({ method: 'POST', url, headers: admin, payload: body });
    expect(res.statusCode, res.body).toBe(201);
    expect((await t.app.inject({ method: 'POST', url, headers: admin, payload: body })).statusCode).toBe(409);
    const journal = await t.db
      .selectFrom('journal')
      .select(['action', 'summary'])
      .where('object_id', '=', 'appendix1-unresolved-p1')
      .execute();
    expect(journal.map((j) => j.action)).toEqual(['collections.recipient.resolved']);

    // The day before, a build still addresses the placeholder (undeliverable); from the day, the body.
    const build = (reason: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/staff/collections/drug-related-offences/${QUARTER}/build`,
        headers: editor,
        payload: { reason },
      });
    expect((await build('before the resolution')).statusCode).toBe(200);
    let drugs = (await schedule()).find((i) => i.collection === 'drug-related-offences')!;
    expect(drugs.recipients.find((r) => r.recipient === 'appendix1-unresolved-p1')).toMatchObject({
      status: 'unresolved',
      state: 'undeliverable',
    });
    t.clock.set('2023-01-11T04:00:00Z');
    const rebuilt = await build('the cell P1 is resolved');
    expect(rebuilt.json()).toMatchObject({ built: true, version: 4 });
    await sendAll();
    drugs = (await schedule()).find((i) => i.collection === 'drug-related-offences')!;
    expect(drugs.recipients.find((r) => r.recipient === 'prosecutor-general-office')).toMatchObject({
      status: 'resolved',
      placeholder: 'appendix1-unresolved-p1',
      resolvedFrom: '2023-01-11',
      copies: 7,
      adapter: 'edms',
      state: 'delivered',
      undeliverable: false,
    });
    expect(drugs.recipients.some((r) => r.recipient === 'appendix1-unresolved-p1')).toBe(false);
    const sent = [...edms.accepted.values()].find(
      (e) => e.body.recipient === 'prosecutor-general-office' && e.body.metadata.version === 4,
    );
    expect(sent?.body.metadata).toMatchObject({
      placeholder: 'appendix1-unresolved-p1',
      resolvedFrom: '2023-01-11',
    });
    const listed = await t.app.inject({ url: '/api/v1/staff/collections/recipients', headers: editor });
    const p1 = (
      listed.json() as { placeholders: { placeholder: string; current: unknown }[] }
    ).placeholders.find((p) => p.placeholder === 'appendix1-unresolved-p1');
    expect(p1?.current).toMatchObject({ organisation: 'prosecutor-general-office', validFrom: '2023-01-11' });
  }, 300_000);
});
