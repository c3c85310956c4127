import type { Static, TSchema } from '@sinclair/typebox';
import { AccessRightSchema } from './access-right.schema.js';
import { ActSchema, ClauseSchema } from './act.schema.js';
import { ChannelSchema } from './channel.schema.js';
import { CollectionSchema } from './collection.schema.js';
import { DatasetSchema, RegisterSchema } from './dataset.schema.js';
import { FormSchema } from './form.schema.js';
import { OrganisationSchema } from './organisation.schema.js';
import { RegionSchema } from './region.schema.js';
import {
  RequestContentRequirementSchema,
  RequestGroundSchema,
  RequestPrincipleSchema,
  RequestReceiptChannelSchema,
  RequestSignatorySchema,
  RequestTermSchema,
} from './request-rules.schema.js';

/**
 * Every kind of catalogue entry, by the top-level key that holds its list in a YAML file. A file
 * may hold several kinds (`request-rules.yaml`); a kind may be spread over several files (`forms/`).
 * A file whose root is a list holds the kind named by the file (`clauses.yaml`).
 * `versioned`: entries carry validFrom/validUntil and are keyed by (id, validFrom).
 */
export const catalogKinds = {
  acts: { schema: ActSchema, versioned: true },
  clauses: { schema: ClauseSchema, versioned: false },
  channels: { schema: ChannelSchema, versioned: true },
  forms: { schema: FormSchema, versioned: true },
  datasets: { schema: DatasetSchema, versioned: true },
  registers: { schema: RegisterSchema, versioned: true },
  collections: { schema: CollectionSchema, versioned: true },
  organisations: { schema: OrganisationSchema, versioned: true },
  regions: { schema: RegionSchema, versioned: true },
  requestPrinciples: { schema: RequestPrincipleSchema, versioned: true },
  requestReceiptChannels: { schema: RequestReceiptChannelSchema, versioned: true },
  requestSignatories: { schema: RequestSignatorySchema, versioned: true },
  requestRequiredContent: { schema: RequestContentRequirementSchema, versioned: true },
  requestGrounds: { schema: RequestGroundSchema, versioned: true },
  requestTerms: { schema: RequestTermSchema, versioned: true },
  accessRights: { schema: AccessRightSchema, versioned: true },
} as const satisfies Record<string, { schema: TSchema; versioned: boolean }>;

export type CatalogKind = keyof typeof catalogKinds;
export const CATALOG_KINDS = Object.keys(catalogKinds) as CatalogKind[];

export function isCatalogKind(name: string): name is CatalogKind {
  return Object.hasOwn(catalogKinds, name);
}

export type CatalogEntry<K extends CatalogKind> = Static<(typeof catalogKinds)[K]['schema']>;

/** The whole regulation as data: every version of every entry of every kind. */
export type Catalog = { readonly [K in CatalogKind]: readonly CatalogEntry<K>[] };

export function emptyCatalog(): { [K in CatalogKind]: CatalogEntry<K>[] } {
  const catalog = {} as { [K in CatalogKind]: CatalogEntry<K>[] };
  for (const kind of CATALOG_KINDS) (catalog as Record<CatalogKind, unknown[]>)[kind] = [];
  return catalog;
}

/** Where an entry was read: the file and the JSON pointer of the entry in it. */
export interface EntryOrigin {
  readonly file: string;
  readonly pointer: string;
}
