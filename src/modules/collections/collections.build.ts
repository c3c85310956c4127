// Building a collection for a quarter (Order 25, paras 11-13, Appendix 1): once the publications
// of every form it holds are in force, its documents are made from them in Kazakh and Russian, a
// version is stored, and a copy goes to each recipient of Appendix 1 through the outbox, in the
// same transaction. A recipient that holds the official-use right (catalogue `accessRights`, read
// as the requests read it) gets the copy with the official-use parts; the others, the public copy.
// A rebuild after a revision of a form is a new version with its reason.
import { currentCatalog } from '../catalog/index.js';
import { enqueueDelivery, storeDocument, type OutboxSettings } from '../outbox/index.js';
import { holdsOfficialUse, requestRulesOn } from '../requests/index.js';
import { localDateOf } from '../../platform/clock.js';
import { conflict, notFound } from '../../platform/errors/index.js';
import {
  anonymousActor,
  anyOf,
  command,
  hasRole,
  isSystem,
  type CommandContext,
} from '../../platform/usecase.js';
import { collectionsForQuarter, parseQuarter, planCollection } from './collection.contents.js';
import {
  writeCollectionPdf,
  writeCollectionXlsx,
  type CollectionDocumentInput,
} from './collection.documents.js';
import { inputStates, readCollectionTables, type InputState } from './collection.read.js';
import { DOC_LANGS } from './collection.words.js';
import { addressedRecipients, resolutionsFor } from './collection.recipients.js';
import * as repo from './collections.repository.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface BuildInputArgs {
  collection: string;
  quarter: string;
  /** said by an editor who rebuilds; a job's rebuild names the revised publications */
  reason?: string;
  outbox: OutboxSettings;
}

export interface BuildOutcome {
  collection: string;
  quarter: string;
  built: boolean;
  version: number;
  reason: string | null;
  deliveries: number;
}

function inputsOf(states: InputState[]): repo.BuildInput[] {
  return states.map((s) => ({
    form: s.form.id,
    code: s.form.code,
    period: s.period,
    publicationId: s.publication!.id,
    publicationVersion: s.publication!.version,
    publicationReason: s.publication!.reason,
  }));
}

/** What changed since the last build: the forms whose publication is another, with its reason. */
function revisionReason(before: repo.BuildInput[], now: repo.BuildInput[]): string | null {
  const changed = now.filter(
    (n) => before.find((b) => b.form === n.form && b.period === n.period)?.publicationId !== n.publicationId,
  );
  if (!changed.length) return null;
  return changed
    .map(
      (c) =>
        `${c.code ?? c.form} ${c.period} v${c.publicationVersion}${c.publicationReason ? `: ${c.publicationReason}` : ''}`,
    )
    .join('; ');
}

async function storeVariant(
  ctx: CommandContext,
  doc: CollectionDocumentInput,
  variant: repo.Variant,
  buildId: number,
): Promise<repo.CollectionFilesTable[]> {
  const files: repo.CollectionFilesTable[] = [];
  const stem = `${doc.collection.id}-${doc.quarter}-v${doc.version}`;
  const suffix = variant === 'official-use' ? '-dsp' : '';
  for (const lang of DOC_LANGS) {
    const xlsx = await writeCollectionXlsx(doc, lang);
    const pdf = await writeCollectionPdf(doc, lang);
    for (const [format, bytes, type] of [
      ['xlsx', xlsx, XLSX_TYPE],
      ['pdf', pdf, 'application/pdf'],
    ] as const) {
      const sha256 = await storeDocument(ctx, bytes, type);
      files.push({
        build_id: buildId,
        variant,
        lang,
        format,
        name: `${stem}-${lang}${suffix}.${format}`,
        sha256,
      });
    }
  }
  return files;
}

export const buildCollection = command({
  name: 'build a collection',
  policy: anyOf(hasRole('editor', 'admin'), isSystem),
  run: async (ctx, input: BuildInputArgs): Promise<BuildOutcome> => {
    const { deps } = ctx;
    if (!parseQuarter(input.quarter))
      throw conflict(`'${input.quarter}' is not a quarter (YYYY-Qn).`, 'invalid_quarter');
    const { catalog } = await currentCatalog(deps.db);
    const collection = collectionsForQuarter(catalog, input.quarter).find((c) => c.id === input.collection);
    if (!collection)
      throw notFound(`Collection ${input.collection} in ${input.quarter}`, 'collection_not_found');
    const plan = planCollection(catalog, collection, input.quarter);
    if (plan.problems.length)
      throw conflict(
        `${collection.id} cannot be built: ${plan.problems.join('; ')}`,
        'collection_not_buildable',
      );
    const states = await inputStates(deps, plan, ctx.now);
    const missing = states
      .filter((s) => !s.publication)
      .map((s) => `${s.form.code ?? s.form.id} ${s.period}`);
    if (missing.length)
      throw conflict(
        `${collection.id} ${input.quarter} waits for the publication of ${missing.join(', ')}`,
        'inputs_missing',
      );
    const inputs = inputsOf(states);
    const latest = await repo.findLatestBuild(ctx.trx, collection.id, input.quarter, true);
    const revised = latest ? revisionReason(latest.inputs, inputs) : null;
    if (latest && !revised && !input.reason) {
      ctx.changedNothing();
      return {
        collection: collection.id,
        quarter: input.quarter,
        built: false,
        version: latest.version,
        reason: latest.reason,
        deliveries: 0,
      };
    }
    const version = (latest?.version ?? 0) + 1;
    const reason = latest ? [input.reason, revised].filter(Boolean).join('; ') : (input.reason ?? null);

    // The public copy is what the public reads; the other adds the official-use parts.
    const publicTables = await readCollectionTables(deps, anonymousActor, states, false);
    const officialTables = await readCollectionTables(deps, ctx.actor, states, true);
    const officialDiffers = JSON.stringify(officialTables) !== JSON.stringify(publicTables);
    // Order 25, para 2, item 10: official-use figures only to a body holding the right on the day.
    const rules = requestRulesOn(catalog, localDateOf(ctx.now));
    const variantOf = (recipient: string): repo.Variant =>
      officialDiffers && holdsOfficialUse(rules, recipient) ? 'official-use' : 'public';

    // Appendix 1 as addressed on the build day: a placeholder an administrator resolved names its body.
    const recipients = addressedRecipients(
      collection.recipients,
      await resolutionsFor(ctx.trx, localDateOf(ctx.now)),
    );
    const build = await repo.insertBuild(ctx.trx, {
      collection: collection.id,
      quarter: input.quarter,
      version,
      reason,
      built_at: ctx.now,
      built_by: ctx.actor.name,
      inputs,
    });
    const base = { collection, quarter: input.quarter, version, reason };
    const variants = new Set(recipients.map((r) => variantOf(r.recipient)));
    const files: repo.CollectionFilesTable[] = [];
    for (const variant of ['public', 'official-use'] as const) {
      if (variant === 'official-use' && !variants.has(variant)) continue;
      const tables = variant === 'public' ? publicTables : officialTables;
      files.push(
        ...(await storeVariant(
          ctx,
          { ...base, officialUse: variant === 'official-use', tables },
          variant,
          build.id,
        )),
      );
    }
    await repo.insertFiles(ctx.trx, files);
    // Appendix 1: one delivery per recipient, the number in its cell as its copies.
    for (const r of recipients) {
      const variant = variantOf(r.recipient);
      await enqueueDelivery(ctx, input.outbox, {
        key: `collection-${collection.id}-${input.quarter}-v${version}-${r.recipient}`,
        kind: 'collection-copy',
        subjectId: String(build.id),
        recipient: r.recipient,
        copies: r.count,
        title: collection.titles,
        metadata: {
          collection: collection.id,
          quarter: input.quarter,
          version,
          reason,
          officialUse: variant === 'official-use',
          ...(r.placeholder ? { placeholder: r.placeholder, resolvedFrom: r.resolvedFrom } : {}),
        },
        documents: files
          .filter((f) => f.variant === variant)
          .map((f) => ({ name: f.name, sha256: f.sha256 })),
        routable: r.status === 'resolved',
      });
    }
    await ctx.record({
      action: 'collections.collection.built',
      objectType: 'collection',
      objectId: `${collection.id}/${input.quarter}`,
      summary: {
        version,
        reason,
        inputs: inputs.map((i) => `${i.code ?? i.form} ${i.period} #${i.publicationId}`),
        recipients: recipients.length,
        officialUseCopies: recipients.filter((r) => variantOf(r.recipient) === 'official-use').length,
        clause: collection.clause,
      },
    });
    return {
      collection: collection.id,
      quarter: input.quarter,
      built: true,
      version,
      reason,
      deliveries: recipients.length,
    };
  },
});
