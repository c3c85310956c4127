// A reply letter (Order 25, paras 4-9) as the applicant receives it: its text, the PDF (the
// exports' pdfmake and DejaVu Sans, so Kazakh letters are kept; the tables by the exports'
// `tableContent`, as the public PDF shows them) and the document system's payload (our own JSON,
// `zanstat.request-reply.v1`: the real systems' formats are not public).
import type { Content } from 'pdfmake';
import { labelText, tableContent, writePdfDocument, type Table } from '../statistics/index.js';
import type { AnswerTable } from './answer.tables.js';
import type { Decision, Shortfall } from './request.decide.js';
import { clauseText, lw, shortfallText, type LetterLang } from './letter.words.js';

export const PAYLOAD_FORMAT = 'zanstat.request-reply.v1';

export interface LetterContent {
  kind: 'answer' | 'refusal' | 'incomplete';
  number: string;
  registeredOn: string;
  version: number;
  applicant: { kind: string; name: string; organisation?: string; address?: string };
  outcome: Decision['outcome'];
  ground: { id: string; clause: string; titles: { kk: string; ru: string; en: string } };
  /** para 8: the titles of what is missing (incomplete) */
  missing: { field: string; titles: { kk: string; ru: string; en: string } }[];
  /** left without consideration as publicly available: where it is published (para 7) */
  links: string[];
  officialUse: boolean;
  notAvailable: Shortfall[];
  withheld: Shortfall[];
  demonstration: boolean;
  tables: AnswerTable[];
}

/** The letter's paragraphs, before its tables: the same words on the page, in the PDF and the payload. */
export function letterParagraphs(c: LetterContent, lang: LetterLang): string[] {
  const head = [
    lw('title', lang),
    `${lw('to', lang)}: ${c.applicant.name}${c.applicant.address ? `, ${c.applicant.address}` : ''}`,
    lw('regarding', lang, { number: c.number, date: c.registeredOn }),
    `${lw('version', lang)} ${c.version}`,
  ];
  const ground = `${lw('ground', lang)}: ${c.ground.titles[lang]} — ${clauseText(c.ground.clause, lang)}`;
  if (c.kind === 'refusal')
    return [
      ...head,
      lw(c.outcome === 'not-accepted' ? 'notAccepted' : 'leftWithoutConsideration', lang),
      ground,
      ...(c.links.length ? [lw('links', lang), ...c.links] : []),
    ];
  if (c.kind === 'incomplete')
    return [...head, lw('incomplete', lang), ...c.missing.map((m) => `— ${m.titles[lang]}`), ground];
  const lines = [...head, lw('answerLead', lang), lw('withinIndicators', lang)];
  if (c.tables.length === 0) lines.push(lw('nothingToGive', lang));
  if (c.notAvailable.length)
    lines.push(lw('notAvailable', lang), ...c.notAvailable.map((s) => `— ${shortfallText(s, lang)}`));
  if (c.withheld.length)
    lines.push(lw('withheld', lang), ...c.withheld.map((s) => `— ${shortfallText(s, lang)}`));
  if (c.demonstration) lines.push(lw('demonstration', lang));
  return lines;
}

export async function writeLetterPdf(c: LetterContent, lang: LetterLang): Promise<Buffer> {
  const [title, ...rest] = letterParagraphs(c, lang);
  const content: Content[] = [
    { text: title!, bold: true, fontSize: 14, margin: [0, 10, 0, 8] },
    ...rest.map((line): Content => ({ text: line, fontSize: 10, margin: [0, 3, 0, 0] })),
  ];
  for (const t of c.tables) {
    content.push({ text: '', pageBreak: 'before' } as Content);
    content.push(...tableContent(t.table, { lang }));
    content.push({ text: `${lw('publishedAt', lang)}: ${t.link}`, fontSize: 7, margin: [0, 4, 0, 0] });
    if (t.minus)
      content.push({
        text: lw('difference', lang, { period: t.period, minus: t.minus }),
        fontSize: 8,
        italics: true,
      });
  }
  return writePdfDocument(content, {
    title: `${lw('title', lang)} № ${c.number}`,
    lang,
    footer: `№ ${c.number} · ${lw('version', lang)} ${c.version}`,
  });
}

function tablePayload(t: Table, lang: LetterLang) {
  return {
    form: t.form.code,
    section: t.section.id,
    period: t.period,
    rows: t.rows.map((r) => ({ code: r.code, label: labelText(r.label, lang) })),
    graphs: t.graphs.map((g) => ({ n: g.n, label: labelText(g.label, lang) })),
    columns: t.columns.map((col) => ({
      breakdown: col.breakdown,
      label: labelText(col.label, lang),
      status: col.status,
      values: col.values,
    })),
  };
}

/** The payload the document systems receive beside the PDF: the letter's words and its tables as data. */
export function letterPayload(c: LetterContent, lang: LetterLang) {
  return {
    format: PAYLOAD_FORMAT,
    request: { number: c.number, registeredOn: c.registeredOn },
    version: c.version,
    lang,
    kind: c.kind,
    outcome: c.outcome,
    ground: { id: c.ground.id, clause: c.ground.clause, title: c.ground.titles[lang] },
    applicant: c.applicant,
    paragraphs: letterParagraphs(c, lang),
    missing: c.missing.map((m) => m.field),
    links: c.links,
    notAvailable: c.notAvailable.map((s) => ({
      what: s.what,
      reason: s.reason,
      text: shortfallText(s, lang),
    })),
    withheld: c.withheld.map((s) => ({ what: s.what, reason: s.reason, text: shortfallText(s, lang) })),
    tables: c.tables.map((t) => ({
      indicator: t.index,
      link: t.link,
      ...(t.minus ? { minus: t.minus } : {}),
      ...tablePayload(t.table, lang),
    })),
  };
}
