import type { CatalogEntry, CatalogKind } from './catalog.kinds.js';

/** The kinds an entry may point at. */
export type ReferenceTarget =
  'acts' | 'clauses' | 'channels' | 'forms' | 'datasets' | 'registers' | 'organisations' | 'regions';

/**
 * One reference from an entry to another entry: where it is (pointer relative to the entry), what
 * it names, and, for a clause, the act it is cited with (its id must carry that act's prefix).
 */
export interface CatalogReference {
  readonly pointer: string;
  readonly target: ReferenceTarget;
  readonly id: string;
  readonly act?: string;
}

interface WithActAndClause {
  act: string;
  clause: string;
  seeAlso?: string[];
  legalBasis?: { act: string };
}

function actAndClause(entry: WithActAndClause, prefix = ''): CatalogReference[] {
  const references: CatalogReference[] = [
    { pointer: `${prefix}/act`, target: 'acts', id: entry.act },
    { pointer: `${prefix}/clause`, target: 'clauses', id: entry.clause, act: entry.act },
  ];
  entry.seeAlso?.forEach((id, index) =>
    references.push({ pointer: `${prefix}/seeAlso/${index}`, target: 'clauses', id, act: entry.act }),
  );
  if (entry.legalBasis)
    references.push({ pointer: `${prefix}/legalBasis/act`, target: 'acts', id: entry.legalBasis.act });
  return references;
}

function obligations(list: readonly { channel: string; act: string; clause: string; dataset?: string }[]) {
  return list.flatMap((obligation, index) => {
    const prefix = `/obligations/${index}`;
    const references = [
      { pointer: `${prefix}/channel`, target: 'channels', id: obligation.channel } as CatalogReference,
      ...actAndClause(obligation, prefix),
    ];
    if (obligation.dataset)
      references.push({ pointer: `${prefix}/dataset`, target: 'datasets', id: obligation.dataset });
    return references;
  });
}

/** Every reference an entry of `kind` makes, to be resolved against the whole catalogue. */
export function referencesOf<K extends CatalogKind>(kind: K, entry: CatalogEntry<K>): CatalogReference[] {
  switch (kind) {
    case 'acts': {
      const act = entry as CatalogEntry<'acts'>;
      return [
        ...act.amends.map((id, index) => ({ pointer: `/amends/${index}`, target: 'acts', id }) as const),
        ...act.repeals.map((id, index) => ({ pointer: `/repeals/${index}`, target: 'acts', id }) as const),
        ...(act.inForceClause
          ? [{ pointer: '/inForceClause', target: 'clauses', id: act.inForceClause, act: act.id } as const]
          : []),
        ...(act.repealsEarlier ?? []).map(
          (earlier, index) =>
            ({
              pointer: `/repealsEarlier/${index}/clause`,
              target: 'clauses',
              id: earlier.clause,
              act: act.id,
            }) as const,
        ),
      ];
    }
    case 'channels': {
      const channel = entry as CatalogEntry<'channels'>;
      const references = actAndClause(channel);
      if (channel.nonWorkingDayClause) {
        references.push({
          pointer: '/nonWorkingDayClause',
          target: 'clauses',
          id: channel.nonWorkingDayClause,
          act: channel.act,
        });
      }
      return references;
    }
    case 'forms': {
      const form = entry as CatalogEntry<'forms'>;
      return [...actAndClause(form), ...obligations(form.obligations)];
    }
    case 'datasets': {
      const dataset = entry as CatalogEntry<'datasets'>;
      const references = [
        ...actAndClause(dataset),
        ...dataset.responsibleUnits.map(
          (id, index) => ({ pointer: `/responsibleUnits/${index}`, target: 'organisations', id }) as const,
        ),
      ];
      const madeFrom = dataset.madeFrom;
      if (madeFrom.kind === 'form')
        references.push({ pointer: '/madeFrom/form', target: 'forms', id: madeFrom.form });
      if (madeFrom.kind === 'register') {
        references.push({ pointer: '/madeFrom/register', target: 'registers', id: madeFrom.register });
      }
      return references;
    }
    case 'collections': {
      const collection = entry as CatalogEntry<'collections'>;
      const references = [
        ...actAndClause(collection),
        ...obligations(collection.obligations),
        ...collection.recipients.map(
          (recipient, index) =>
            ({
              pointer: `/recipients/${index}/recipient`,
              target: 'organisations',
              id: recipient.recipient,
            }) as const,
        ),
      ];
      (collection.contents ?? []).forEach((content, index) => {
        references.push({ pointer: `/contents/${index}/form`, target: 'forms', id: content.form });
        references.push({
          pointer: `/contents/${index}/clause`,
          target: 'clauses',
          id: content.clause,
          act: collection.act,
        });
      });
      if (collection.para12Clause) {
        references.push({
          pointer: '/para12Clause',
          target: 'clauses',
          id: collection.para12Clause,
          act: collection.act,
        });
      }
      return references;
    }
    case 'organisations': {
      const organisation = entry as CatalogEntry<'organisations'>;
      const references: CatalogReference[] = [];
      if (organisation.parent)
        references.push({ pointer: '/parent', target: 'organisations', id: organisation.parent });
      if (organisation.region)
        references.push({ pointer: '/region', target: 'regions', id: organisation.region });
      if (organisation.clause)
        references.push({ pointer: '/clause', target: 'clauses', id: organisation.clause });
      organisation.submits?.forEach((submission, index) => {
        references.push({ pointer: `/submits/${index}/form`, target: 'forms', id: submission.form });
        if (Array.isArray(submission.regions)) {
          submission.regions.forEach((region, regionIndex) =>
            references.push({
              pointer: `/submits/${index}/regions/${regionIndex}`,
              target: 'regions',
              id: region,
            }),
          );
        }
      });
      return references;
    }
    case 'requestPrinciples':
    case 'requestReceiptChannels':
    case 'requestSignatories':
    case 'requestRequiredContent':
    case 'requestGrounds':
    case 'requestTerms':
      return actAndClause(entry as CatalogEntry<'requestTerms'>);
    case 'accessRights': {
      const right = entry as CatalogEntry<'accessRights'>;
      return [
        ...actAndClause(right),
        ...right.organisations.map((id, index) => ({
          pointer: `/organisations/${index}`,
          target: 'organisations' as const,
          id,
        })),
      ];
    }
    default:
      return [];
  }
}
