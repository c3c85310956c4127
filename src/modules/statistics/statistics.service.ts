import { canonicalJson } from '../audit/index.js';
import {
  formatPeriod,
  parsePeriod,
  periodEnd,
  periodStart,
  CalendarInputError,
  type Period,
} from '../calendar/index.js';
import { currentCatalog, findForm, inForceOn, type Catalog, type Form } from '../catalog/index.js';
import type { Queryable } from '../../platform/db/index.js';
import { DomainError, forbidden, invalidInput, type FieldProblem } from '../../platform/errors/index.js';
import { describedProblem } from '../../platform/errors/index.js';
import { sha256 } from '../../platform/hashing.js';
import { anyOf, command, hasRole, isSystem, type Actor } from '../../platform/usecase.js';
import * as structuresRepo from './statistics.structures.repository.js';
import * as writesRepo from './statistics.writes.repository.js';
import { fingerprintStructuresDir, loadStructuresDir } from './structure.loader.js';
import type { FormStructure } from './structure.schema.js';
import {
  submissionRefused,
  validateSubmission,
  type SubmittedValue,
  type ValidatedRows,
} from './submission.validate.js';

/** Reporting bodies submit; staff of the authority may submit for them; the importer acts as the system. */
export const maySubmit = anyOf(hasRole('subject', 'editor', 'admin'), isSystem);

/** Loads the form structures of catalog/structures into the database (at start, journaled). */
export const loadFormStructures = command({
  name: 'load form structures',
  policy: isSystem,
  run: async (ctx, input: { dir: string }) => {
    // Unchanged files are not read again: a start costs a hash of the bytes, not a YAML parse.
    const fingerprint = fingerprintStructuresDir(input.dir);
    if ((await structuresRepo.readStructureFingerprint(ctx.trx)) === fingerprint) {
      ctx.changedNothing();
      return { loaded: [] as string[] };
    }
    const { structures, problems } = loadStructuresDir(input.dir);
    if (problems.length) {
      throw new DomainError(
        'invalid_input',
        'structures_invalid',
        `The form structures in ${input.dir} are not valid: ${problems.length} problem(s).`,
        problems.map((p) => ({
          pointer: `${p.file}#${p.pointer}`,
          code: 'structure_problem',
          message: p.message,
        })),
      );
    }
    const stored = new Map(
      (await structuresRepo.findStructureHashes(ctx.trx)).map((s) => [
        `${s.form}|${s.validFromPeriod}`,
        s.contentHash,
      ]),
    );
    const loaded: string[] = [];
    for (const { structure, file } of structures) {
      const contentHash = sha256(canonicalJson(structure));
      const key = `${structure.form}|${structure.validFromPeriod}`;
      if (stored.get(key) === contentHash) continue;
      const firstDay = periodStart(parsePeriod(structure.validFromPeriod));
      await structuresRepo.upsertStructure(
        ctx.trx,
        {
          form: structure.form,
          validFromPeriod: structure.validFromPeriod,
          firstDay,
          structure,
          contentHash,
        },
        file,
        ctx.now,
      );
      loaded.push(key);
    }
    await structuresRepo.writeStructureFingerprint(ctx.trx, fingerprint, ctx.now);
    if (!loaded.length) {
      ctx.changedNothing();
      return { loaded };
    }
    await ctx.record({
      action: 'statistics.structures.loaded',
      objectType: 'form_structure',
      objectId: null,
      summary: { loaded },
    });
    return { loaded };
  },
});

// Structures are large (1-М's is megabytes of JSON) and change only when loaded: parsed ones are
// kept by their content hash, and a lookup reads only the small index of the form's versions.
const parsedStructures = new Map<string, FormStructure>();

/** The structure that applies to a period: the latest whose first period is not after it. */
export async function structureFor(
  db: Queryable,
  form: string,
  period: Period,
): Promise<structuresRepo.StoredStructure | null> {
  const start = periodStart(period);
  const version = (await structuresRepo.findStructureVersions(db, form))
    .filter((s) => s.firstDay <= start)
    .at(-1);
  if (!version) return null;
  let structure = parsedStructures.get(version.contentHash);
  if (!structure) {
    structure = await structuresRepo.findStructureData(db, form, version.validFromPeriod);
    if (parsedStructures.size > 200) parsedStructures.clear();
    parsedStructures.set(version.contentHash, structure);
  }
  return { ...version, structure };
}

/** A period given by a user: a malformed or impossible one is a 422 naming where it was given. */
export function parsePeriodAt(text: string, pointer: string): Period {
  try {
    return parsePeriod(text);
  } catch (err) {
    if (err instanceof CalendarInputError)
      throw invalidInput(err.message, [{ pointer, code: err.code, message: err.message }]);
    throw err;
  }
}

function parseFormPeriod(catalog: Catalog, code: string, periodText: string): { form: Form; period: Period } {
  const period = parsePeriodAt(periodText, '/period');
  const form = findForm(catalog, code, periodEnd(period));
  if (!form)
    throw invalidInput(`No form "${code}" in use in ${periodText}.`, [
      describedProblem('/form', 'unknown_form', { form: code }),
    ]);
  if (period.periodicity !== form.periodicity) {
    throw invalidInput(
      `${form.code ?? form.id} is ${form.periodicity}; "${periodText}" is a ${period.periodicity} period.`,
      [describedProblem('/period', 'period_mismatch', { periodicity: form.periodicity })],
    );
  }
  return { form, period };
}

/** The breakdown values a form's figures may carry in a period: regions in force (and the republic), or agencies. */
export function breakdownValues(catalog: Catalog, structure: FormStructure, on: string): Set<string> {
  const b = structure.breakdown;
  const ids = new Set<string>([
    b.total,
    ...(b.values ?? []).map((v) => v.id),
    ...(b.outside ?? []).map((v) => v.id),
  ]);
  if (b.dimension === 'region') for (const r of inForceOn(catalog.regions, on)) ids.add(r.id);
  return ids;
}

/** A reporting body submits only its own forms and breakdown values (catalogue: organisations' `submits`). */
function subjectMaySubmit(
  catalog: Catalog,
  actor: Actor,
  form: Form,
  structure: FormStructure,
  breakdown: string,
  on: string,
): boolean {
  if (actor.role !== 'subject') return true;
  const org = inForceOn(catalog.organisations, on).find((o) => o.id === actor.organisationId);
  return (org?.submits ?? []).some((s) => {
    if (s.form !== form.id) return false;
    if (structure.breakdown.dimension === 'region')
      return s.regions === 'all' || s.regions.includes(breakdown);
    return !s.breakdown || Object.values(s.breakdown).includes(breakdown);
  });
}

export interface SubmissionPart {
  breakdown: string;
  /** where the breakdown was named, for messages: `/breakdown`, `line 4` */
  breakdownRef: string;
  values: SubmittedValue[];
}

export interface SubmitInput {
  form: string;
  period: string;
  reason?: string;
  channel: 'api' | 'csv' | 'xlsx' | 'workbook' | 'import';
  fileName?: string;
  origin?: 'submitted' | 'imported-official' | 'synthetic';
  /** one part per breakdown value (a region, an agency); all are stored, or none */
  parts: SubmissionPart[];
}

export interface AcceptedRevision {
  id: number;
  breakdown: string;
  revision: number;
  valueCount: number;
  supersedes: number | null;
}

/**
 * A submission is validated as a whole and stored as immutable revisions (one per breakdown
 * value), each superseding — never overwriting — the current one of its (form, period,
 * breakdown); or it is refused with every problem addressed to its cell, and nothing is stored.
 */
export const submitFigures = command({
  name: 'submit figures',
  policy: maySubmit,
  run: async (ctx, input: SubmitInput) => {
    const { catalog } = await currentCatalog(ctx.trx);
    const { form, period } = parseFormPeriod(catalog, input.form, input.period);
    const periodText = formatPeriod(period);
    const code = form.code ?? form.id;
    const stored = await structureFor(ctx.trx, form.id, period);
    if (!stored)
      throw invalidInput(`${code} has no structure for ${periodText} yet.`, [
        describedProblem('/form', 'no_structure', {}),
      ]);
    if (input.reason !== undefined && input.reason.length > 2000)
      throw invalidInput('The reason is too long.', [describedProblem('/reason', 'too_long', { max: 2000 })]);
    const on = periodEnd(period);
    const allowed = breakdownValues(catalog, stored.structure, on);
    const problems: FieldProblem[] = [];
    let more = 0;
    const checkedParts: { part: SubmissionPart; rows: ValidatedRows }[] = [];
    const seen = new Set<string>();
    for (const part of input.parts) {
      if (seen.has(part.breakdown)) {
        problems.push(
          describedProblem(part.breakdownRef, 'duplicate_breakdown', { breakdown: part.breakdown }),
        );
        continue;
      }
      seen.add(part.breakdown);
      if (!allowed.has(part.breakdown)) {
        problems.push(
          describedProblem(part.breakdownRef, 'unknown_breakdown', {
            breakdown: part.breakdown,
            dimension: stored.structure.breakdown.dimension,
            form: code,
            period: periodText,
          }),
        );
        continue;
      }
      if (!subjectMaySubmit(catalog, ctx.actor, form, stored.structure, part.breakdown, on)) {
        throw forbidden(
          `Your organisation does not report ${code} for ${part.breakdown}.`,
          'breakdown_not_allowed',
        );
      }
      const checked = validateSubmission(stored.structure, part.values);
      if (checked.ok) checkedParts.push({ part, rows: checked.result });
      else {
        problems.push(...checked.problems);
        more += checked.more;
      }
    }
    if (input.parts.length === 0) problems.push(describedProblem('/values', 'empty_submission', {}));
    if (problems.length) throw submissionRefused(problems, more);

    // The journal entries are written once every part is stored: appending takes the journal's
    // lock until commit, which then covers only the entries, not the parts' rows.
    const accepted: AcceptedRevision[] = [];
    const entries: Parameters<typeof ctx.record>[0][] = [];
    for (const { part, rows } of checkedParts) {
      const current = await writesRepo.lockCurrentRevision(ctx.trx, form.id, periodText, part.breakdown);
      if (current && !input.reason?.trim()) {
        throw invalidInput('A new revision needs its reason.', [
          describedProblem('/reason', 'reason_required', {
            revision: current.revision,
            breakdown: part.breakdown,
          }),
        ]);
      }
      if (current) await writesRepo.markSuperseded(ctx.trx, current.id, ctx.now);
      const revision = (current?.revision ?? 0) + 1;
      const id = await writesRepo.insertRevision(ctx.trx, {
        form: form.id,
        period: periodText,
        periodStart: periodStart(period),
        periodEnd: on,
        breakdown: part.breakdown,
        structurePeriod: stored.validFromPeriod,
        revision,
        channel: input.channel,
        at: ctx.now,
        actor: {
          kind: ctx.actor.kind,
          id: ctx.actor.id,
          name: ctx.actor.name,
          organisationId: ctx.actor.organisationId,
        },
        reason: input.reason?.trim() || null,
        fileName: input.fileName ?? null,
        valueCount: rows.valueCount,
        origin: input.origin ?? 'submitted',
      });
      await writesRepo.insertRows(ctx.trx, id, rows.rows);
      entries.push({
        action: revision === 1 ? 'statistics.submission.accepted' : 'statistics.submission.revised',
        objectType: 'stat_revision',
        objectId: String(id),
        summary: {
          form: form.id,
          period: periodText,
          breakdown: part.breakdown,
          revision,
          values: rows.valueCount,
          channel: input.channel,
          reason: input.reason ?? null,
        },
      });
      accepted.push({
        id,
        breakdown: part.breakdown,
        revision,
        valueCount: rows.valueCount,
        supersedes: current?.id ?? null,
      });
    }
    for (const entry of entries) await ctx.record(entry);
    return { form: form.id, code, period: periodText, revisions: accepted };
  },
});
