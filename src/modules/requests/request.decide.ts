// The decision on a request (Order 25, paras 4-9), as a pure function of the rules in use on the
// registration date and the facts found about the indicators asked. Checks run in this order and
// the first that fails decides: channel (para 7) → signatory (para 6) → content (para 8) → copies
// of documents (paras 7, 9) → publicly available (para 7). A request that passes them all is
// accepted, free of charge (para 4), and answered within the indicators that exist (para 5).
import type { ApplicantKind, RequestGround } from '../catalog/index.js';
import { findCopiesRequest } from './request.copies.js';
import type { RequestRules } from './request.rules.js';

export type Outcome = 'accepted' | 'left-without-consideration' | 'not-accepted' | 'incomplete';
export type Check = 'channel' | 'signatory' | 'content' | 'copies-of-documents' | 'publicly-available';
export const CHECKS: readonly Check[] = [
  'channel',
  'signatory',
  'content',
  'copies-of-documents',
  'publicly-available',
];

export interface Titles {
  kk: string;
  ru: string;
  en: string;
}

export interface GroundRef {
  id: string;
  clause: string;
  act: string;
  basis: 'act' | 'inferred';
  titles: Titles;
  legalBasis?: { act: string; article: string };
  reasoning?: string;
}

/** Why part of an indicator cannot be given. */
export interface Shortfall {
  /** what is short: the period, a region, rows or graphs */
  what: string;
  reason:
    | 'not-published'
    | 'not-in-form'
    | 'finer-than-form'
    | 'region-not-published'
    | 'partial-coverage'
    | 'official-use'
    | 'secret';
  detail: string;
}

/** What the store holds for one indicator asked, for the period asked. */
export interface IndicatorFinding {
  index: number;
  form: string;
  section: string;
  rows: string[];
  graphs: number[];
  regions: string[];
  /** the form's periods that hold the span asked (derived: a difference of cumulative figures) */
  periods: { period: string; derivedFrom?: string[] }[];
  /**
   * published: every value asked is in public published tables (links);
   * available: every value can be given (official-use with the right, or derived from published);
   * partial: some can; not-available: none can.
   */
  status: 'published' | 'available' | 'partial' | 'not-available';
  links: string[];
  withheld: Shortfall[];
  notAvailable: Shortfall[];
  demonstration: boolean;
}

export interface DecisionInput {
  channel: string;
  applicant: { kind: ApplicantKind; organisation?: string };
  signatory?: { role: string; position?: string };
  unit?: string;
  information?: string;
  period?: string;
  copiesOf?: readonly string[];
  /** the request names its indicators in structured form (which states the information, para 8) */
  indicatorsNamed?: boolean;
}

export type AnswerKind = 'table-from-indicators' | 'partial' | 'indicator-not-available';

export interface Decision {
  outcome: Outcome;
  ground: GroundRef;
  /** the day whose rules decided */
  rulesOn: string;
  /** each check run, in order, and whether the request met it */
  checks: { check: Check; met: boolean }[];
  /** incomplete: which of unit, information, period is absent (para 8) */
  missing?: ('unit' | 'information' | 'period')[];
  /** not-accepted for the channel: the channels this applicant may use */
  channelsForApplicant?: string[];
  /** copies of documents: what marked the request */
  copies?: { by: 'field' | 'text'; words: string[] };
  /** publicly available: where the figures are published */
  links?: string[];
  /** accepted: the fee (para 4) and the answer it gets (para 5) */
  fee?: 0;
  answer?: { kind: AnswerKind; indicators: IndicatorFinding[]; officialUse: boolean };
}

export class RequestRulesMissing extends Error {}

function ref(entry: {
  id: string;
  clause: string;
  act: string;
  titles: Titles;
  basis?: 'act' | 'inferred';
  legalBasis?: { act: string; article: string };
  reasoning?: string;
}): GroundRef {
  return {
    id: entry.id,
    clause: entry.clause,
    act: entry.act,
    basis: entry.basis ?? 'act',
    titles: entry.titles,
    ...(entry.legalBasis ? { legalBasis: entry.legalBasis } : {}),
    ...(entry.reasoning ? { reasoning: entry.reasoning } : {}),
  };
}

function ground(rules: RequestRules, id: string): RequestGround {
  const found = rules.grounds.find((g) => g.id === id);
  if (!found) throw new RequestRulesMissing(`no request ground "${id}" is in use on ${rules.on}`);
  return found;
}

function principle(rules: RequestRules, id: string) {
  const found = rules.principles.find((p) => p.id === id);
  if (!found) throw new RequestRulesMissing(`no request principle "${id}" is in use on ${rules.on}`);
  return found;
}

const blank = (v: string | undefined) => v === undefined || v.trim() === '';

/** The answer a request gets from what was found of its indicators (para 5). */
export function answerKindOf(findings: readonly IndicatorFinding[]): AnswerKind {
  if (findings.length === 0 || findings.every((f) => f.status === 'not-available'))
    return 'indicator-not-available';
  if (findings.every((f) => f.status === 'published' || f.status === 'available'))
    return 'table-from-indicators';
  return 'partial';
}

export function decide(
  rules: RequestRules,
  request: DecisionInput,
  findings: readonly IndicatorFinding[],
  officialUse: boolean,
): Decision {
  const checks: Decision['checks'] = [];
  const base = { rulesOn: rules.on, checks };
  const fail = (check: Check, outcome: Outcome, g: RequestGround, extra: Partial<Decision> = {}) => {
    checks.push({ check, met: false });
    return { outcome, ground: ref(g), ...base, ...extra };
  };

  // Para 7: the channel. A channel outside the catalogue is oral or "another channel"; a channel
  // of the catalogue used by an applicant it is not for is not accepted (inferred).
  const channel = rules.channels.find((c) => c.id === request.channel);
  if (!channel) {
    const g =
      rules.grounds.find((x) => x.channels?.includes(request.channel)) ??
      rules.grounds.find((x) => x.anyOtherChannel);
    if (!g) throw new RequestRulesMissing(`no ground covers the channel "${request.channel}"`);
    return fail('channel', g.outcome, g);
  }
  if (!channel.requesters.includes(request.applicant.kind)) {
    const right = rules.channels
      .filter((c) => c.requesters.includes(request.applicant.kind))
      .map((c) => c.id);
    return fail('channel', 'not-accepted', ground(rules, 'wrong-channel-for-applicant'), {
      channelsForApplicant: right,
    });
  }
  checks.push({ check: 'channel', met: true });

  // Para 6: who signs a state body's request.
  const signatory = rules.signatories.find((s) => s.requesters.includes(request.applicant.kind));
  if (signatory) {
    const role = request.signatory?.role;
    if (!role || !(signatory.allowed as readonly string[]).includes(role))
      return fail('signatory', 'not-accepted', ground(rules, signatory.ground));
  }
  checks.push({ check: 'signatory', met: true });

  // Para 8: the unit, the information and the period.
  const missing = rules.content
    .filter((c) => {
      const value = request[c.field];
      if (c.field === 'information' && request.indicatorsNamed) return false;
      if (blank(value)) return true;
      return c.values !== undefined && !c.values.includes(value!);
    })
    .map((c) => c.field);
  if (missing.length > 0)
    return fail('content', 'incomplete', ground(rules, 'content-missing'), {
      missing: [...new Set(missing)],
    });
  checks.push({ check: 'content', met: true });

  // Paras 7 and 9: copies (screenshots) of documents.
  const copiesGround = ground(rules, 'copies-of-documents');
  const copies = findCopiesRequest(copiesGround, request);
  if (copies) return fail('copies-of-documents', copiesGround.outcome, copiesGround, { copies });
  checks.push({ check: 'copies-of-documents', met: true });

  // Para 7: what the published official figures already hold, answered with its link.
  if (findings.length > 0 && findings.every((f) => f.status === 'published')) {
    const links = [...new Set(findings.flatMap((f) => f.links))];
    return fail('publicly-available', 'left-without-consideration', ground(rules, 'publicly-available'), {
      links,
    });
  }
  checks.push({ check: 'publicly-available', met: true });

  // Paras 4 and 5: accepted, free, within the indicators that exist.
  principle(rules, 'free-of-charge');
  return {
    outcome: 'accepted',
    ground: ref(principle(rules, 'within-available-indicators')),
    ...base,
    fee: 0,
    answer: { kind: answerKindOf(findings), indicators: [...findings], officialUse },
  };
}

/** The grounds each check may decide by (the rules a reader is shown beside the check). */
export const GROUNDS_OF_CHECK: Readonly<Record<Check, readonly string[]>> = {
  channel: ['oral', 'other-channel', 'wrong-channel-for-applicant'],
  signatory: ['signatory-without-authority'],
  content: ['content-missing'],
  'copies-of-documents': ['copies-of-documents'],
  'publicly-available': ['publicly-available'],
};
