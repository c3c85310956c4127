// The register of persons brought to criminal responsibility for offences against the sexual
// inviolability of minors (Order 84, item 23), as decided in docs/decisions/0011: searched only by
// a whole full name (no listing, no partial name, no download, no DataStore), every search
// journaled; staff add and remove entries, each with the decision that grounds it; demonstration
// entries are fictional and marked so.
import { isIsoDate } from '../catalog/index.js';
import { localDateOf } from '../../platform/clock.js';
import { DomainError, invalidInput, type FieldProblem } from '../../platform/errors/index.js';
import { sha256 } from '../../platform/hashing.js';
import { command, everyone, hasRole } from '../../platform/usecase.js';
import { DEMONSTRATION_PERSONS } from './persons.demonstration.js';
import { fullNameKey, type NameRefusal } from './persons.names.js';
import * as repo from './persons.repository.js';

export const PERSONS_REGISTER = 'persons-prosecuted-for-sexual-offences-against-minors';

/**
 * Criminal Code of 3 July 2014 No. 226-V, chapter 1, the offences against sexual inviolability and
 * sexual freedom: rape (120), violent sexual acts (121), sexual intercourse and other sexual acts
 * with a person under sixteen (122), coercion to sexual acts (123), corruption of minors (124).
 * An entry names at least one of them (docs/decisions/0011).
 */
export const CRIMINAL_CODE_ARTICLES = ['120', '121', '122', '123', '124'] as const;

export interface DecisionText {
  kind: string;
  reference: string;
  date: string;
}

export interface PersonView {
  id: number | null;
  fullName: string;
  birthYear: number | null;
  criminalCodeArticles: string;
  judgmentInForceOn: string;
  court: string;
  shownUntil: string | null;
  /** a demonstration entry: an invented person */
  fictional: boolean;
  decision: DecisionText | null;
}

const REFUSALS: Record<NameRefusal, string> = {
  not_a_name: 'write a full name in letters only: no wildcard (* % _ ?), no initial with a dot, no digit',
  too_few_words: 'write the full name: the surname, the first name and the patronymic where there is one',
  initial_or_short_word: 'write each part of the name in full, not an initial',
  too_long: 'a full name is at most 200 characters',
};

function checkFullName(text: string, pointer: string) {
  const key = fullNameKey(text);
  if (!key.ok)
    throw invalidInput(
      `fullName: ${REFUSALS[key.reason]}; the register is searched by a whole full name only`,
      [
        {
          pointer,
          code: 'full_name_required',
          message: REFUSALS[key.reason],
          params: { reason: key.reason },
        },
      ],
      'full_name_required',
    );
  return key;
}

/** Searches by a whole full name; the search is journaled with the name's hash and what it found. */
export const searchPersons = command({
  name: 'search the register of persons by a full name',
  policy: everyone,
  run: async (ctx, input: { fullName: string; demonstration: boolean; pointer?: string }) => {
    const key = checkFullName(input.fullName, input.pointer ?? '/query/fullName');
    const on = localDateOf(ctx.now);
    const rows = await repo.findShownByName(ctx.trx, key.key, on);
    const fictional = input.demonstration
      ? DEMONSTRATION_PERSONS.filter((p) => {
          const k = fullNameKey(p.fullName);
          return k.ok && k.key === key.key;
        })
      : [];
    const found: PersonView[] = [
      ...rows.map((r) => ({
        id: r.id,
        fullName: r.full_name,
        birthYear: r.birth_year,
        criminalCodeArticles: r.criminal_code_articles,
        judgmentInForceOn: r.judgment_in_force_on,
        court: r.court,
        shownUntil: r.shown_until,
        fictional: false,
        decision: {
          kind: r.added_decision_kind,
          reference: r.added_decision_reference,
          date: r.added_decision_date,
        },
      })),
      ...fictional.map((p) => ({ id: null, ...p, shownUntil: null, fictional: true, decision: null })),
    ];
    // Who searched (the actor and the address are in the entry) and whether it found anyone; the
    // name itself only as its hash, so the journal is not a list of the names searched.
    await ctx.record({
      action: 'registers.person.searched',
      objectType: 'register',
      objectId: PERSONS_REGISTER,
      summary: { nameSha256: sha256(key.key), found: found.length, fictional: fictional.length },
    });
    return { register: PERSONS_REGISTER, on, found };
  },
});

export interface AddPersonInput {
  fullName: string;
  birthYear?: number | null;
  criminalCodeArticles: string;
  judgmentInForceOn: string;
  court: string;
  shownUntil?: string | null;
  decision: DecisionText;
}

function checkDecision(d: DecisionText, at: string, problems: FieldProblem[]) {
  if (!d.kind?.trim())
    problems.push({ pointer: `${at}/kind`, code: 'required', message: 'the kind of decision' });
  if (!d.reference?.trim())
    problems.push({
      pointer: `${at}/reference`,
      code: 'required',
      message: "the decision's number or reference",
    });
  if (!isIsoDate(d.date ?? ''))
    problems.push({ pointer: `${at}/date`, code: 'invalid_date', message: 'a date (YYYY-MM-DD)' });
}

const mayKeep = hasRole('editor', 'admin');

/** Adds an entry with the decision that grounds it (a judgment in force). */
export const addPerson = command({
  name: 'add an entry to the register of persons',
  policy: mayKeep,
  run: async (ctx, input: AddPersonInput) => {
    const key = checkFullName(input.fullName, '/body/fullName');
    const problems: FieldProblem[] = [];
    const today = localDateOf(ctx.now);
    const articles = input.criminalCodeArticles.split(/\s*,\s*/).filter(Boolean);
    if (
      articles.length === 0 ||
      articles.some((a) => !(CRIMINAL_CODE_ARTICLES as readonly string[]).includes(a))
    )
      problems.push({
        pointer: '/body/criminalCodeArticles',
        code: 'not_in_register',
        message: `articles of the Criminal Code among ${CRIMINAL_CODE_ARTICLES.join(', ')}, separated by commas`,
      });
    if (!isIsoDate(input.judgmentInForceOn) || input.judgmentInForceOn > today)
      problems.push({
        pointer: '/body/judgmentInForceOn',
        code: 'invalid_date',
        message: 'a date, today or before',
      });
    if (!input.court.trim())
      problems.push({ pointer: '/body/court', code: 'required', message: 'the court' });
    if (
      input.shownUntil != null &&
      (!isIsoDate(input.shownUntil) || input.shownUntil < input.judgmentInForceOn)
    )
      problems.push({
        pointer: '/body/shownUntil',
        code: 'invalid_date',
        message: 'a date on or after the judgment came into force',
      });
    checkDecision(input.decision, '/body/decision', problems);
    if (problems.length) throw invalidInput('The entry is refused: check the fields named.', problems);
    const id = await repo.insertPersonEntry(ctx.trx, {
      full_name: input.fullName.trim().replace(/\s+/g, ' '),
      name_key: key.key,
      birth_year: input.birthYear ?? null,
      criminal_code_articles: articles.join(', '),
      judgment_in_force_on: input.judgmentInForceOn,
      court: input.court.trim(),
      shown_until: input.shownUntil ?? null,
      added_decision_kind: input.decision.kind.trim(),
      added_decision_reference: input.decision.reference.trim(),
      added_decision_date: input.decision.date,
      added_at: ctx.now,
      added_by: ctx.actor.name,
    });
    await ctx.record({
      action: 'registers.person.added',
      objectType: 'person-entry',
      objectId: String(id),
      summary: { register: PERSONS_REGISTER, decision: input.decision, shownUntil: input.shownUntil ?? null },
    });
    return { id };
  },
});

/** Removes an entry (acquittal on appeal, rehabilitation, expunction) with the decision that grounds it. */
export const removePerson = command({
  name: 'remove an entry from the register of persons',
  policy: mayKeep,
  run: async (ctx, input: { id: number; decision: DecisionText }) => {
    const problems: FieldProblem[] = [];
    checkDecision(input.decision, '/body/decision', problems);
    if (problems.length) throw invalidInput('The removal is refused: check the fields named.', problems);
    const row = await repo.lockPersonEntry(ctx.trx, input.id);
    if (!row)
      throw new DomainError('not_found', 'person_entry_not_found', `No entry ${input.id} in the register`);
    if (row.removed_at)
      throw new DomainError('conflict', 'person_entry_removed', `Entry ${input.id} was removed already`);
    await repo.markPersonRemoved(ctx.trx, input.id, {
      at: ctx.now,
      by: ctx.actor.name,
      kind: input.decision.kind.trim(),
      reference: input.decision.reference.trim(),
      date: input.decision.date,
    });
    await ctx.record({
      action: 'registers.person.removed',
      objectType: 'person-entry',
      objectId: String(input.id),
      summary: { register: PERSONS_REGISTER, decision: input.decision },
    });
    return { id: input.id, removed: true as const };
  },
});
