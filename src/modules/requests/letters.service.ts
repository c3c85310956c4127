// Reply letters (Order 25, paras 4-9): staff draft a letter from the request's decision — for an
// accepted request the covering letter and the published tables of its indicators (para 5, with
// what is not available and why, and what was withheld and why, para 2 item 10), for a request
// left without consideration or not accepted the ground and its clause (paras 6, 7, 9), for an
// incomplete one what is missing (para 8). Each draft is a new version; the editor approves one,
// and in the same transaction its reply is enqueued into the outbox, back through the channel the
// request came by. The approved version is kept as sent (its documents stored by hash).
import { currentCatalog } from '../catalog/index.js';
import {
  deliveriesOf,
  enqueueDelivery,
  readDocument,
  storeDocument,
  type DeliveryView,
  type OutboxSettings,
} from '../outbox/index.js';
import { conflict, notFound } from '../../platform/errors/index.js';
import { command, query } from '../../platform/usecase.js';
import { answerTables } from './answer.tables.js';
import { letterParagraphs, letterPayload, writeLetterPdf, type LetterContent } from './letter.documents.js';
import type { LetterLang } from './letter.words.js';
import type { Decision } from './request.decide.js';
import type { RequestBody } from './request.input.js';
import { requestRulesOn } from './request.rules.js';
import * as letters from './letters.repository.js';
import { event, load, open, staff } from './requests.service.js';
import * as repo from './requests.repository.js';

export const REPLY_KIND = 'request-reply';

const kindOf = (outcome: Decision['outcome']): LetterContent['kind'] =>
  outcome === 'accepted' ? 'answer' : outcome === 'incomplete' ? 'incomplete' : 'refusal';

export interface LetterView {
  version: number;
  kind: LetterContent['kind'];
  lang: LetterLang;
  state: letters.LetterState;
  draftedAt: string;
  draftedBy: string;
  approvedAt: string | null;
  approvedBy: string | null;
  paragraphs: string[];
  tables: { indicator: number; form: string; section: string; period: string; link: string }[];
  delivery: Pick<
    DeliveryView,
    'key' | 'recipient' | 'state' | 'attempts' | 'deliveredAt' | 'acknowledgedAt' | 'lastError'
  > | null;
}

function presentLetter(row: letters.LetterRow, deliveries: readonly DeliveryView[]): LetterView {
  const c = row.content as LetterContent;
  const d = deliveries.find((x) => x.key === row.delivery_key);
  return {
    version: row.version,
    kind: row.kind,
    lang: row.lang,
    state: row.state,
    draftedAt: row.drafted_at.toISOString(),
    draftedBy: row.drafted_by,
    approvedAt: row.approved_at?.toISOString() ?? null,
    approvedBy: row.approved_by,
    paragraphs: letterParagraphs(c, row.lang),
    tables: c.tables.map((t) => ({
      indicator: t.index,
      form: t.table.form.code,
      section: t.table.section.id,
      period: t.period,
      link: t.link,
    })),
    delivery: d
      ? {
          key: d.key,
          recipient: d.recipient,
          state: d.state,
          attempts: d.attempts,
          deliveredAt: d.deliveredAt,
          acknowledgedAt: d.acknowledgedAt,
          lastError: d.lastError,
        }
      : null,
  };
}

export const draftLetter = command({
  name: 'draft a reply letter',
  policy: staff,
  run: async (ctx, input: { number: string; lang?: LetterLang; baseUrl: string }): Promise<LetterView> => {
    const row = await load(ctx.trx, input.number, true);
    open(row);
    const body = row.body as RequestBody;
    const decision = row.decision as Decision;
    const lang: LetterLang = input.lang ?? (body.language as LetterLang | undefined) ?? 'kk';
    const { catalog } = await currentCatalog(ctx.trx);
    const rules = requestRulesOn(catalog, row.registered_on);
    const kind = kindOf(decision.outcome);
    const answer = decision.answer;
    // The tables are read from the publications in force now, by the public query (para 5).
    const tables =
      kind === 'answer' && answer
        ? await answerTables(ctx.deps, catalog, answer.indicators, answer.officialUse, input.baseUrl)
        : [];
    const version = await letters.nextVersion(ctx.trx, row.id);
    const content: LetterContent = {
      kind,
      number: row.number,
      registeredOn: row.registered_on,
      version,
      applicant: body.applicant,
      outcome: decision.outcome,
      ground: { id: decision.ground.id, clause: decision.ground.clause, titles: decision.ground.titles },
      missing: (decision.missing ?? []).map((field) => ({
        field,
        titles: rules.content.find((c) => c.field === field)?.titles ?? { kk: field, ru: field, en: field },
      })),
      links: decision.links ?? [],
      officialUse: answer?.officialUse ?? false,
      notAvailable: answer?.indicators.flatMap((f) => f.notAvailable) ?? [],
      withheld: answer?.indicators.flatMap((f) => f.withheld) ?? [],
      demonstration: answer?.indicators.some((f) => f.demonstration) ?? false,
      tables,
    };
    const pdf = await writeLetterPdf(content, lang);
    const payload = Buffer.from(JSON.stringify(letterPayload(content, lang), null, 2));
    const letter = await letters.insertLetter(ctx.trx, {
      request_id: row.id,
      version,
      kind,
      lang,
      content,
      pdf_sha256: await storeDocument(ctx, pdf, 'application/pdf'),
      payload_sha256: await storeDocument(ctx, payload, 'application/json'),
      state: 'draft',
      drafted_at: ctx.now,
      drafted_by: ctx.actor.name,
    });
    await event(ctx, row, {
      action: 'requests.letter.drafted',
      detail: {
        version,
        kind,
        lang,
        tables: tables.map((t) => `${t.table.form.code} ${t.table.section.id} ${t.period}`),
        withheld: content.withheld.map((s) => `${s.what}: ${s.reason}`),
        notAvailable: content.notAvailable.map((s) => `${s.what}: ${s.reason}`),
        pdfSha256: letter.pdf_sha256,
      },
    });
    return presentLetter(letter, []);
  },
});

/** The channel a reply goes back by: the catalogue's receipt channel the request came by, if any. */
function replyChannel(channel: string, channels: readonly { id: string }[]): string | null {
  return channels.some((c) => c.id === channel) ? channel : null;
}

export const approveLetter = command({
  name: 'approve and send a reply letter',
  policy: staff,
  run: async (
    ctx,
    input: { number: string; version: number; outbox: OutboxSettings },
  ): Promise<LetterView> => {
    const row = await load(ctx.trx, input.number, true);
    open(row);
    const letter = await letters.findLetter(ctx.trx, row.id, input.version);
    if (!letter)
      throw notFound(`Letter version ${input.version} of request ${row.number}`, 'letter_not_found');
    if (letter.state !== 'draft')
      throw conflict(
        `Letter version ${letter.version} of request ${row.number} is ${letter.state}: approve the latest draft.`,
        'letter_not_draft',
      );
    const { catalog } = await currentCatalog(ctx.trx);
    const channel = replyChannel(row.channel, requestRulesOn(catalog, row.registered_on).channels);
    const body = row.body as RequestBody;
    const key = channel ? `request-reply-${row.number}-v${letter.version}` : null;
    if (channel && key) {
      // Back through the channel the request came by, in this transaction (decision 0008).
      await enqueueDelivery(ctx, input.outbox, {
        key,
        kind: REPLY_KIND,
        subjectId: row.number,
        recipient: channel,
        copies: 1,
        title: {
          kk: `№ ${row.number} сұрау салуға жауап`,
          ru: `Ответ на запрос № ${row.number}`,
          en: `Reply to request No. ${row.number}`,
        },
        metadata: {
          request: row.number,
          version: letter.version,
          lang: letter.lang,
          outcome: row.outcome,
          applicant: body.applicant,
        },
        documents: [
          { name: `reply-${row.number}-v${letter.version}.pdf`, sha256: letter.pdf_sha256 },
          { name: `reply-${row.number}-v${letter.version}.json`, sha256: letter.payload_sha256 },
        ],
      });
    }
    const approved = await letters.approveLetter(ctx.trx, letter.id, {
      approved_at: ctx.now,
      approved_by: ctx.actor.name,
      delivery_key: key,
    });
    const updated = await repo.updateRequest(ctx.trx, row.id, {
      answered_at: ctx.now,
      state: 'closed',
      closed_at: ctx.now,
      closed_by: ctx.actor.name,
      closing_note: `reply letter version ${letter.version}`,
    });
    await event(ctx, updated, {
      action: 'requests.letter.approved',
      detail: {
        version: letter.version,
        kind: letter.kind,
        lang: letter.lang,
        channel: channel ?? null,
        delivery: key,
        pdfSha256: letter.pdf_sha256,
      },
    });
    return presentLetter(approved, key ? await deliveriesOf(ctx.trx, REPLY_KIND, [row.number]) : []);
  },
});

export const listLetters = query({
  name: "read a request's letters",
  policy: staff,
  run: async ({ db }, input: { number: string }): Promise<LetterView[]> => {
    const row = await load(db, input.number);
    const deliveries = await deliveriesOf(db, REPLY_KIND, [row.number]);
    return (await letters.lettersOf(db, row.id)).map((l) => presentLetter(l, deliveries));
  },
});

export const readLetterDocument = query({
  name: "read a letter's document",
  policy: staff,
  run: async (
    { db },
    input: { number: string; version: number; format: 'pdf' | 'json' },
  ): Promise<{ bytes: Buffer; contentType: string; name: string }> => {
    const row = await load(db, input.number);
    const letter = await letters.findLetter(db, row.id, input.version);
    if (!letter)
      throw notFound(`Letter version ${input.version} of request ${row.number}`, 'letter_not_found');
    const bytes = await readDocument(db, input.format === 'pdf' ? letter.pdf_sha256 : letter.payload_sha256);
    if (!bytes) throw notFound(`The ${input.format} of letter ${input.version}`, 'document_not_found');
    return {
      bytes,
      contentType: input.format === 'pdf' ? 'application/pdf' : 'application/json',
      name: `reply-${row.number}-v${letter.version}.${input.format}`,
    };
  },
});
