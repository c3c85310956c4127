// The recipients of a collection on a day (Order 25, Appendix 1). Eight cells of the table lost
// their column headers in the published text; the catalogue keeps them as placeholders
// (`appendix1-unresolved-p1`…`p8`, status `unresolved`). An administrator resolves a placeholder
// to a real organisation of the catalogue as effective-dated data, journaled in the same
// transaction; from that day the collections address the organisation (a build on or after it
// sends the placeholder's copies to the organisation, which the outbox can route), and the
// dashboard names it. A correction is a resolution with a later day.
import { sql, type Generated, type Selectable } from 'kysely';
import {
  currentCatalog,
  inForceOn,
  isIsoDate,
  type Catalog,
  type CollectionRecipient,
  type IsoDate,
} from '../catalog/index.js';
import { localDateOf } from '../../platform/clock.js';
import type { Queryable, Trx } from '../../platform/db/index.js';
import { conflict, invalidInput, notFound } from '../../platform/errors/index.js';
import { command, hasRole, query } from '../../platform/usecase.js';

export interface RecipientResolutionsTable {
  id: Generated<number>;
  placeholder: string;
  organisation: string;
  valid_from: string;
  source: string;
  resolved_by: string;
  resolved_at: Date;
}

declare module '../../platform/db/database.js' {
  interface Database {
    collection_recipient_resolutions: RecipientResolutionsTable;
  }
}

export type ResolutionRow = Selectable<RecipientResolutionsTable>;

/** A recipient as addressed on a day: the cell's recipient, or the organisation resolving it. */
export interface AddressedRecipient extends CollectionRecipient {
  /** the placeholder of Appendix 1 this organisation resolves, from `resolvedFrom` */
  placeholder: string | null;
  resolvedFrom: string | null;
}

export async function allResolutions(db: Queryable): Promise<ResolutionRow[]> {
  // a `date` column is read as its text, YYYY-MM-DD (platform/db)
  return db
    .selectFrom('collection_recipient_resolutions')
    .selectAll()
    .orderBy('placeholder')
    .orderBy('valid_from')
    .execute();
}

/** The resolution of each placeholder in force on `on` (the latest one from on or before it). */
export function resolutionsOn(rows: readonly ResolutionRow[], on: string): Map<string, ResolutionRow> {
  const out = new Map<string, ResolutionRow>();
  for (const r of rows) {
    if (r.valid_from > on) continue;
    const best = out.get(r.placeholder);
    if (!best || r.valid_from > best.valid_from) out.set(r.placeholder, r);
  }
  return out;
}

/** The cells of a collection as addressed on a day: a resolved placeholder names its organisation. */
export function addressedRecipients(
  recipients: readonly CollectionRecipient[],
  resolved: ReadonlyMap<string, ResolutionRow>,
): AddressedRecipient[] {
  return recipients.map((r) => {
    const resolution = r.status === 'unresolved' ? resolved.get(r.recipient) : undefined;
    return resolution
      ? {
          ...r,
          recipient: resolution.organisation,
          status: 'resolved' as const,
          placeholder: r.recipient,
          resolvedFrom: resolution.valid_from,
        }
      : { ...r, placeholder: null, resolvedFrom: null };
  });
}

export interface PlaceholderView {
  placeholder: string;
  position: string | null;
  titles: { kk: string; ru: string; en: string };
  note: string | null;
  current: {
    organisation: string;
    titles: { kk: string; ru: string; en: string } | null;
    validFrom: string;
  } | null;
  history: {
    organisation: string;
    validFrom: string;
    source: string;
    resolvedBy: string;
    resolvedAt: string;
  }[];
}

function placeholdersOf(catalog: Catalog, on: IsoDate) {
  return inForceOn(catalog.organisations, on).filter(
    (o) => o.kind === 'placeholder' && o.status === 'unresolved' && o.roles.includes('recipient'),
  );
}

/** The placeholders of Appendix 1 with their resolutions, for the staff. */
export const listPlaceholders = query({
  name: 'read the placeholder recipients of Appendix 1',
  policy: hasRole('editor', 'admin'),
  run: async ({ db, now }): Promise<{ placeholders: PlaceholderView[] }> => {
    const { catalog } = await currentCatalog(db);
    const today = localDateOf(now) as IsoDate;
    const rows = await allResolutions(db);
    const current = resolutionsOn(rows, today);
    const organisations = inForceOn(catalog.organisations, today);
    return {
      placeholders: placeholdersOf(catalog, today).map((p) => {
        const c = current.get(p.id);
        return {
          placeholder: p.id,
          position: p.appendix1Position ?? null,
          titles: p.titles,
          note: (p as { note?: string }).note ?? null,
          current: c
            ? {
                organisation: c.organisation,
                titles: organisations.find((o) => o.id === c.organisation)?.titles ?? null,
                validFrom: c.valid_from,
              }
            : null,
          history: rows
            .filter((r) => r.placeholder === p.id)
            .map((r) => ({
              organisation: r.organisation,
              validFrom: r.valid_from,
              source: r.source,
              resolvedBy: r.resolved_by,
              resolvedAt: r.resolved_at.toISOString(),
            })),
        };
      }),
    };
  },
});

const field = (name: string, code: string, message: string) =>
  invalidInput(message, [{ pointer: `/body/${name}`, code, message }]);

/**
 * Resolves a placeholder of Appendix 1 to an organisation of the catalogue from a day on. The
 * organisation must be in force that day and must not already receive a collection the
 * placeholder is in (two cells of one row cannot be one body), nor resolve another placeholder.
 */
export const resolveRecipient = command({
  name: 'resolve a placeholder recipient of Appendix 1',
  policy: hasRole('admin'),
  run: async (
    ctx,
    input: { placeholder: string; organisation: string; validFrom: string; source: string },
  ) => {
    const { catalog } = await currentCatalog(ctx.trx);
    const source = input.source.trim();
    if (!source) throw field('source', 'source_required', 'Say where the resolution comes from.');
    if (!isIsoDate(input.validFrom))
      throw field('validFrom', 'invalid_date', `'${input.validFrom}' is not a date (YYYY-MM-DD).`);
    const on = input.validFrom as IsoDate;
    const placeholder = catalog.organisations.find(
      (o) => o.id === input.placeholder && o.kind === 'placeholder' && o.status === 'unresolved',
    );
    if (!placeholder) throw notFound(`Placeholder recipient ${input.placeholder}`, 'placeholder_not_found');
    if (on < placeholder.validFrom)
      throw field(
        'validFrom',
        'before_placeholder',
        `${input.placeholder} exists from ${placeholder.validFrom}; ${on} is before it.`,
      );
    const organisation = inForceOn(catalog.organisations, on).find((o) => o.id === input.organisation);
    if (!organisation || organisation.kind === 'placeholder')
      throw field(
        'organisation',
        'unknown_organisation',
        `'${input.organisation}' is not an organisation of the catalogue in force on ${on}.`,
      );
    // One resolution at a time: the checks below read every row (no phantom may slip between).
    await sql`LOCK TABLE collection_recipient_resolutions IN SHARE ROW EXCLUSIVE MODE`.execute(ctx.trx);
    const rows = await allResolutions(ctx.trx);
    if (rows.some((r) => r.placeholder === input.placeholder && r.valid_from === on))
      throw conflict(
        `${input.placeholder} already has a resolution from ${on}; a correction takes a later day.`,
        'resolution_exists',
      );
    const rowsWith = catalog.collections.filter((c) =>
      c.recipients.some((r) => r.recipient === input.placeholder),
    );
    if (rowsWith.some((c) => c.recipients.some((r) => r.recipient === organisation.id)))
      throw conflict(
        `${organisation.id} already has its own cell in a collection ${input.placeholder} is in.`,
        'already_a_recipient',
      );
    const others = [...new Set(rows.map((r) => r.placeholder))].filter((p) => p !== input.placeholder);
    for (const other of others) {
      const theirs = rows.filter((r) => r.placeholder === other);
      // in force on the day, or from a later day: either way two placeholders would be one body
      const clash = theirs.some(
        (r) =>
          r.organisation === organisation.id &&
          (r.valid_from >= on || resolutionsOn(theirs, on).get(other)?.id === r.id),
      );
      if (clash)
        throw conflict(
          `${organisation.id} already resolves ${other}; one organisation is one cell.`,
          'resolves_another',
        );
    }
    const row = await ctx.trx
      .insertInto('collection_recipient_resolutions')
      .values({
        placeholder: input.placeholder,
        organisation: organisation.id,
        valid_from: on,
        source,
        resolved_by: ctx.actor.name,
        resolved_at: ctx.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await ctx.record({
      action: 'collections.recipient.resolved',
      objectType: 'organisation',
      objectId: input.placeholder,
      summary: {
        organisation: organisation.id,
        validFrom: on,
        source,
        before: resolutionsOn(rows, on).get(input.placeholder)?.organisation ?? null,
        collections: rowsWith.map((c) => c.id),
        clause: 'o25.i.p11',
      },
    });
    return {
      placeholder: row.placeholder,
      organisation: row.organisation,
      validFrom: on,
      source: row.source,
      resolvedBy: row.resolved_by,
      resolvedAt: row.resolved_at.toISOString(),
    };
  },
});

/** The resolutions read in a transaction or not (used by the build and the schedule). */
export async function resolutionsFor(db: Queryable | Trx, on: string): Promise<Map<string, ResolutionRow>> {
  return resolutionsOn(await allResolutions(db), on);
}
