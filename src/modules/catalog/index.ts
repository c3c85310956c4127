// The regulation as data: schemas of the catalogue kinds, the validating loader, and pure lookups.
// The only public surface of the catalog module.

export type { IsoDate } from './common.schema.js';
export { isIsoDate, PERIODS } from './common.schema.js';
export type { Act, ActReference, Clause } from './act.schema.js';
export type { Form, Obligation } from './form.schema.js';
export type { Dataset, MadeFrom, Register } from './dataset.schema.js';
export type { Collection, CollectionContent, CollectionRecipient } from './collection.schema.js';
export type { Channel } from './channel.schema.js';
export type { Organisation, Submission } from './organisation.schema.js';
export type { Region, RegionName, RegionChangeBasis } from './region.schema.js';
export type { AccessRight } from './access-right.schema.js';
export { APPLICANT_KINDS, SIGNATORY_ROLES } from './request-rules.schema.js';
export type {
  ApplicantKind,
  RequestContentRequirement,
  RequestGround,
  RequestPrinciple,
  RequestReceiptChannel,
  RequestSignatory,
  RequestTerm,
} from './request-rules.schema.js';

export { CATALOG_KINDS, catalogKinds, emptyCatalog, isCatalogKind } from './catalog.kinds.js';
export type { Catalog, CatalogEntry, CatalogKind, EntryOrigin } from './catalog.kinds.js';
export { formatCatalogProblem } from './catalog.problem.js';
export type { CatalogProblem, CatalogProblemCode } from './catalog.problem.js';
export { listCatalogFiles, loadCatalogDir, loadCatalogDirs, parseCatalogFiles } from './catalog.loader.js';
export type { CatalogFile, CatalogLoadOptions, CatalogLoadResult } from './catalog.loader.js';
export { checkCatalog } from './catalog.checks.js';
export type { CheckCatalogOptions, SourcePosition } from './catalog.checks.js';

export {
  actInUseOn,
  actStatusOn,
  inForceOn,
  inUseOn,
  isEstimated,
  obligationsInUseOn,
  repealNotices,
  replacingActOn,
} from './validity.js';
export type { ActStatus, RepealNotice, Validity, VersionedEntry } from './validity.js';
export { regionNameOn } from './region-names.js';
export { territoryChangesBetween, type TerritoryChange } from './region-territory.js';
export { findForm, findFormVersions, formLookupKey, matchForm, normaliseFormCode } from './form-lookup.js';
export type { FormMatch, FormMatchKind } from './form-lookup.js';

export {
  loadCatalogFolders,
  checkCatalogFolders,
  putCalendarTransfers,
  readCatalog,
  currentCatalog,
} from './catalog.service.js';
export type { CatalogSnapshot, FileProblem } from './catalog.store.js';
export { registerCatalogRoutes } from './catalog.routes.js';
export { registerObligationRoutes } from './obligations.routes.js';

/** The catalogue that ships with zanstat. */
export const builtInCatalogDir: string = new URL('../../../catalog', import.meta.url).pathname;

export { dueOf, listObligations, MAX_OBLIGATION_RANGE_YEARS, ObligationInputError } from './obligations.js';
export type {
  ListObligationsQuery,
  ObligationDue,
  ObligationInputErrorCode,
  ObligationItemKind,
  ObligationTitles,
} from './obligations.js';
export { escapeICalendarText, foldICalendarLine, obligationsToICalendar } from './obligations.ics.js';
export type { ObligationsICalendarOptions } from './obligations.ics.js';
