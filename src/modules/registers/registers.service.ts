// The registers' use cases: import a new state of a whole list (validated as a whole, all or
// nothing, journaled), and the public reads — the registers with their counts, the entries in force
// on a day, and an entry's history. A register that holds personal data is not listed here: it is
// to be searched only, which is not yet offered.
import { addDays, type LocalDate } from '../calendar/index.js';
import { currentCatalog, isIsoDate, type Register } from '../catalog/index.js';
import { localDateOf } from '../../platform/clock.js';
import type { Queryable } from '../../platform/db/index.js';
import { DomainError, invalidInput, type FieldProblem } from '../../platform/errors/index.js';
import { sha256 } from '../../platform/hashing.js';
import { anyOf, command, everyone, hasRole, isSystem, query } from '../../platform/usecase.js';
import { changesOf } from './register.changes.js';
import { parseRegisterCsv } from './register.csv.js';
import * as repo from './registers.repository.js';
import {
  presentDecision,
  presentEntry,
  presentImport,
  type EntryView,
  type ImportView,
} from './registers.presenter.js';

/** Editors and the administrator import lists; the CLI and the loading job act as the system. */
const mayImport = anyOf(hasRole('editor', 'admin'), isSystem);

/** At most this many problems are listed in a refusal (the count says how many there were). */
const MAX_PROBLEMS = 200;

/** The registers of the catalogue, each in its latest version. */
export async function catalogRegisters(db: Queryable): Promise<Register[]> {
  const latest = new Map<string, Register>();
  for (const r of (await currentCatalog(db)).catalog.registers) {
    const seen = latest.get(r.id);
    if (!seen || r.validFrom > seen.validFrom) latest.set(r.id, r);
  }
  return [...latest.values()].sort((a, b) => a.id.localeCompare(b.id));
}

function unknownRegister(id: string, pointer: string): DomainError {
  return new DomainError('not_found', 'register_not_found', `Register '${id}' not found`, [
    { pointer, code: 'register_not_found', message: `'${id}' is not a register of the catalogue` },
  ]);
}

function notOffered(id: string, pointer: string): DomainError {
  const message =
    `The register '${id}' holds personal data: it is searched only, a person by a whole full name ` +
    `(/api/v1/registers/${id}/search?fullName=…); its entries are neither listed nor downloaded.`;
  return new DomainError('not_found', 'register_not_offered', message, [
    { pointer, code: 'register_not_offered', message },
  ]);
}

/** The register of the catalogue named by `id`, offered for listing, or the problem saying why not. */
async function offeredRegister(db: Queryable, id: string, pointer: string): Promise<Register> {
  const register = (await catalogRegisters(db)).find((r) => r.id === id);
  if (!register) throw unknownRegister(id, pointer);
  if (register.containsPersonalData) throw notOffered(id, pointer);
  return register;
}

function checkDate(value: string, pointer: string, name: string): void {
  if (!isIsoDate(value))
    throw invalidInput(`${name}: '${value}' is not a date (YYYY-MM-DD)`, [
      { pointer, code: 'invalid_date', message: `'${value}' is not a date (YYYY-MM-DD)` },
    ]);
}

export function listRefused(problems: readonly FieldProblem[]): DomainError {
  const listed = problems.slice(0, MAX_PROBLEMS);
  return new DomainError(
    'invalid_input',
    'register_list_refused',
    `The list is refused, nothing is stored: ${problems.length} problem${problems.length === 1 ? '' : 's'}` +
      (problems.length > listed.length ? ` (the first ${listed.length} listed)` : '') +
      `. ${listed
        .slice(0, 3)
        .map((p) => p.message)
        .join('; ')}${listed.length > 3 ? '; …' : ''}`,
    listed,
    { count: problems.length },
  );
}

export interface DecisionInput {
  /** what decided it: a court decision, say (free text) */
  kind?: string | undefined;
  /** the decision's number or text */
  reference: string;
  date?: string | undefined;
}

export interface ImportInput {
  register: string;
  /** the day the new state of the list is in force from */
  validFrom: string;
  /** the list as CSV (register.csv.ts) */
  csv: string;
  channel: 'shipped' | 'cli' | 'upload';
  fileName?: string | null;
  /** the decision that made this state of the list; absent: not in the source */
  decision?: DecisionInput | null;
  /** where the input's fields are, for problems (`/query` for the API) */
  pointerBase?: string;
}

export const importRegisterList = command({
  name: 'import a register list',
  policy: mayImport,
  run: async (ctx, input: ImportInput): Promise<ImportView> => {
    const base = input.pointerBase ?? '';
    await offeredRegister(ctx.trx, input.register, base === '/query' ? '/params/id' : `${base}/register`);
    checkDate(input.validFrom, `${base}/validFrom`, 'validFrom');
    const decision: repo.StoredDecision = input.decision
      ? {
          inSource: true,
          kind: input.decision.kind?.trim() || null,
          reference: input.decision.reference.trim() || null,
          date: input.decision.date ?? null,
        }
      : { inSource: false, kind: null, reference: null, date: null };
    if (decision.inSource && !decision.reference)
      throw invalidInput('decision: the decision is empty', [
        { pointer: `${base}/decision`, code: 'empty_decision', message: 'the decision is empty' },
      ]);
    if (decision.date !== null) checkDate(decision.date, `${base}/decisionDate`, 'decisionDate');

    const { rows, problems } = parseRegisterCsv(input.csv);
    if (problems.length) throw listRefused(problems);

    await repo.lockRegister(ctx.trx, input.register);
    const latest = await repo.findLatestImport(ctx.trx, input.register);
    if (latest && input.validFrom <= latest.valid_from)
      throw invalidInput(
        `validFrom: ${input.validFrom} is not after ${latest.valid_from}, the day the register's last import is in force from`,
        [
          {
            pointer: `${base}/validFrom`,
            code: 'not_later',
            message: `must be after ${latest.valid_from} (the last import's day)`,
          },
        ],
      );

    const current = await repo.lockCurrentEntries(ctx.trx, input.register);
    const changes = changesOf(current, rows);
    const counts = {
      added: changes.added.length,
      changed: changes.changed.length,
      removed: changes.removed.length,
      unchanged: changes.unchanged,
    };
    const imported = await repo.insertImport(ctx.trx, {
      register: input.register,
      valid_from: input.validFrom,
      channel: input.channel,
      file_name: input.fileName ?? null,
      sha256: sha256(input.csv),
      row_count: rows.length,
      ...counts,
      decision_in_source: decision.inSource,
      decision_kind: decision.kind,
      decision_reference: decision.reference,
      decision_date: decision.date,
      imported_at: ctx.now,
      imported_by: ctx.actor.name,
    });
    // Ended the day before the new state is in force: on validFrom the list is the new one.
    const validUntil = addDays(input.validFrom as LocalDate, -1);
    const end = { validUntil, importId: imported.id, decision };
    await repo.endEntries(
      ctx.trx,
      changes.removed.map((e) => e.id),
      { ...end, as: 'removed' },
    );
    await repo.endEntries(
      ctx.trx,
      changes.changed.map((c) => c.before.id),
      { ...end, as: 'replaced' },
    );
    const last = await repo.lastVersions(ctx.trx, input.register);
    await repo.insertVersions(
      ctx.trx,
      input.register,
      [...changes.added, ...changes.changed.map((c) => c.after)].map((r) => ({
        seq: r.seq,
        version: (last.get(r.seq) ?? 0) + 1,
        nameRu: r.nameRu,
        nameKkField: r.nameKkField,
        rawNameRu: r.rawNameRu,
        egovDataset: r.egovDataset,
      })),
      { validFrom: input.validFrom, importId: imported.id, decision },
    );
    await ctx.record({
      action: 'registers.list.imported',
      objectType: 'register',
      objectId: input.register,
      summary: {
        import: imported.id,
        validFrom: input.validFrom,
        channel: input.channel,
        fileName: input.fileName ?? null,
        sha256: imported.sha256,
        rows: rows.length,
        ...counts,
        decision: presentDecision(decision),
      },
    });
    return presentImport(imported);
  },
});

export interface RegisterSummary {
  id: string;
  titles: { kk: string; ru: string; en: string };
  entryKind: string;
  containsPersonalData: boolean;
  /** whether its entries are listed here (not a register of personal data) */
  offered: boolean;
  today: string;
  /** whether the register's content is known on `today` */
  known: boolean;
  countToday: number | null;
  firstKnownDate: string | null;
  lastImportedAt: string | null;
}

export const listRegisters = query({
  name: 'list the registers',
  policy: everyone,
  run: async ({ db, now }): Promise<{ today: string; registers: RegisterSummary[] }> => {
    const today = localDateOf(now);
    const [registers, spans, counts] = await Promise.all([
      catalogRegisters(db),
      repo.importSpans(db),
      repo.countsOn(db, today),
    ]);
    return {
      today,
      registers: registers.map((r) => {
        const span = r.containsPersonalData ? undefined : spans.get(r.id);
        const known = span !== undefined && span.firstKnown <= today;
        return {
          id: r.id,
          titles: r.titles,
          entryKind: r.entryKind,
          containsPersonalData: r.containsPersonalData,
          offered: !r.containsPersonalData,
          today,
          known,
          countToday: known ? (counts.get(r.id) ?? 0) : null,
          firstKnownDate: span?.firstKnown ?? null,
          lastImportedAt: span?.lastImportedAt.toISOString() ?? null,
        };
      }),
    };
  },
});

export interface RegisterOnView {
  register: string;
  on: string;
  known: boolean;
  firstKnownDate: string | null;
  /** why there is no list, when it is not known on that day */
  note: string | null;
  q: string | null;
  total?: number;
  limit?: number;
  offset?: number;
  entries?: EntryView[];
}

export interface ReadRegisterInput {
  id: string;
  on?: string;
  q?: string;
  limit?: number;
  offset?: number;
}

export const readRegister = query({
  name: 'read a register on a day',
  policy: everyone,
  run: async ({ db, now }, input: ReadRegisterInput): Promise<RegisterOnView> => {
    await offeredRegister(db, input.id, '/params/id');
    const on = input.on ?? localDateOf(now);
    checkDate(on, '/query/on', 'on');
    const q = input.q?.trim() || null;
    const span = (await repo.importSpans(db)).get(input.id);
    const firstKnownDate = span?.firstKnown ?? null;
    if (!span || on < span.firstKnown)
      return {
        register: input.id,
        on,
        known: false,
        firstKnownDate,
        note: firstKnownDate
          ? `not known: the register is known from ${firstKnownDate}, its first import; what it held before is not in the source`
          : 'not known: nothing has been imported into this register',
        q,
      };
    const limit = input.limit ?? 100;
    const offset = input.offset ?? 0;
    const { rows, total } = await repo.findEntriesOn(db, input.id, {
      on,
      ...(q ? { q } : {}),
      limit,
      offset,
    });
    return {
      register: input.id,
      on,
      known: true,
      firstKnownDate,
      note: null,
      q,
      total,
      limit,
      offset,
      entries: rows.map(presentEntry),
    };
  },
});

export const readRegisterEntry = query({
  name: "read a register entry's history",
  policy: everyone,
  run: async ({ db }, input: { id: string; seq: number }) => {
    await offeredRegister(db, input.id, '/params/id');
    const versions = await repo.findVersions(db, input.id, input.seq);
    if (versions.length === 0)
      throw new DomainError(
        'not_found',
        'register_entry_not_found',
        `Entry ${input.seq} of '${input.id}' not found`,
        [
          {
            pointer: '/params/seq',
            code: 'register_entry_not_found',
            message: `no entry ${input.seq} has ever been in the register`,
          },
        ],
      );
    const imports = await repo.findImports(db, [
      ...new Set(
        versions.flatMap((v) => [v.added_by_import, ...(v.ended_by_import ? [v.ended_by_import] : [])]),
      ),
    ]);
    return {
      register: input.id,
      seq: input.seq,
      versions: versions.map(presentEntry),
      imports: imports.sort((a, b) => a.id - b.id).map(presentImport),
    };
  },
});
