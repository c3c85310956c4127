// From a request's body to its decision: the input checks that name a field (Order 25 does not
// decide on a malformed date or a row that does not exist: those are errors of the input), the
// rules in use on the registration date, the indicators looked up in the store, and the decision.
import { localDateOf } from '../../platform/clock.js';
import { isIsoDate, currentCatalog, inForceOn, type ApplicantKind } from '../catalog/index.js';
import { DomainError, invalidInput, type FieldProblem } from '../../platform/errors/index.js';
import type { Deps } from '../../platform/usecase.js';
import type { LocalDate, WorkingCalendar } from '../calendar/index.js';
import { decide, type Decision } from './request.decide.js';
import { findIndicators, resolveIndicators } from './request.indicators.js';
import type { RequestBody } from './request.input.js';
import { parseRequestPeriod, type RequestPeriod } from './request.period.js';
import { holdsOfficialUse, requestRulesOn, type RequestRules } from './request.rules.js';
import { considerationTerm, type TermOf } from './request.terms.js';

export interface Intake {
  registeredOn: string;
  rules: RequestRules;
  calendar: WorkingCalendar;
  decision: Decision;
  term: TermOf;
}

export async function intake(deps: Deps, body: RequestBody, baseUrl: string): Promise<Intake> {
  const problems: FieldProblem[] = [];
  const registeredOn = body.registeredOn ?? localDateOf(deps.clock.now());
  if (!isIsoDate(registeredOn))
    throw invalidInput(`registeredOn: '${registeredOn}' is not a date (YYYY-MM-DD)`, [
      {
        pointer: '/registeredOn',
        code: 'invalid_date',
        message: `'${registeredOn}' is not a date (YYYY-MM-DD)`,
      },
    ]);
  const today = localDateOf(deps.clock.now());
  if (registeredOn > today)
    throw invalidInput(`registeredOn: ${registeredOn} is after today (${today})`, [
      {
        pointer: '/registeredOn',
        code: 'date_in_future',
        message: `${registeredOn} is after today (${today})`,
      },
    ]);
  const { catalog, calendar } = await currentCatalog(deps.db);
  const rules = requestRulesOn(catalog, registeredOn);
  if (rules.channels.length === 0 || rules.terms.length === 0) {
    const first = catalog.requestReceiptChannels.map((c) => c.validFrom).sort()[0];
    const message = `no rules for requests are in use on ${registeredOn}${first ? ` (the first apply from ${first})` : ''}`;
    throw invalidInput(`registeredOn: ${message}`, [
      { pointer: '/registeredOn', code: 'no_rules_in_use', message },
    ]);
  }

  // The channel: a receipt channel of the catalogue, or one of the ways the act rules out.
  const known = new Set([
    ...rules.channels.map((c) => c.id),
    ...rules.grounds.flatMap((g) => g.channels ?? []),
  ]);
  if (!known.has(body.channel))
    problems.push({
      pointer: '/channel',
      code: 'unknown_channel',
      message: `is not a channel: use one of ${[...known].join(', ')}`,
    });
  const organisation = body.applicant.organisation;
  if (organisation && !inForceOn(catalog.organisations, registeredOn).some((o) => o.id === organisation))
    problems.push({
      pointer: '/applicant/organisation',
      code: 'unknown_organisation',
      message: `no organisation "${organisation}" is in the catalogue on ${registeredOn}`,
    });
  const kinds = new Set(rules.grounds.flatMap((g) => g.documentKinds ?? []));
  body.copiesOf?.forEach((kind, i) => {
    if (!kinds.has(kind))
      problems.push({
        pointer: `/copiesOf/${i}`,
        code: 'unknown_document_kind',
        message: `"${kind}" is not a kind of document: use one of ${[...kinds].join(', ')}`,
      });
  });
  let span: RequestPeriod | null = null;
  if (body.period !== undefined && body.period.trim() !== '') {
    try {
      span = parseRequestPeriod(body.period);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      problems.push(...err.errors);
    }
  }
  if (problems.length > 0) throw invalidInput(`The request has ${problems.length} problem(s).`, problems);

  const resolved = await resolveIndicators(deps.db, catalog, body.indicators ?? [], span, registeredOn);
  const kind = body.applicant.kind as ApplicantKind;
  // Individuals and legal entities never receive restricted figures; a body named by free text
  // gets public figures only.
  const officialUse =
    (kind === 'state-body' || kind === 'prosecution-body') && holdsOfficialUse(rules, organisation);
  const findings = span ? await findIndicators(deps, resolved, span, officialUse, baseUrl) : [];
  const decision = decide(
    rules,
    {
      channel: body.channel,
      applicant: { kind, ...(organisation ? { organisation } : {}) },
      ...(body.signatory ? { signatory: body.signatory } : {}),
      ...(body.unit ? { unit: body.unit } : {}),
      ...(body.information !== undefined ? { information: body.information } : {}),
      indicatorsNamed: (body.indicators?.length ?? 0) > 0,
      ...(body.period !== undefined ? { period: body.period } : {}),
      ...(body.copiesOf ? { copiesOf: body.copiesOf } : {}),
    },
    findings,
    officialUse,
  );
  const term = considerationTerm(rules, calendar, kind, registeredOn as LocalDate);
  return { registeredOn, rules, calendar, decision, term };
}
