// The statistics store: form structures with control relations, submissions validated as a whole
// and kept as immutable revisions, and the tables read from them.
export {
  loadFormStructures,
  submitFigures,
  structureFor,
  parsePeriodAt,
  type SubmitInput,
  type SubmissionPart,
} from './statistics.service.js';
export {
  readTable,
  readSeries,
  listRevisions,
  mayRead,
  type RevisionEntry,
  type TableInput,
} from './statistics.query.js';
export type { Table, TableColumn, ValueStatus, Comparison } from './statistics.table.js';
export {
  TableSchema,
  JsonStatDatasetSchema,
  SeriesSchema,
  RevisionHistorySchema,
  RevisionEntrySchema,
  tableAnswer,
} from './statistics.answers.js';
export {
  noticeText,
  coverageText,
  coverageNote,
  missingText,
  type RegionCoverage,
  type TableNotice,
} from './statistics.notices.js';
export {
  areDemonstration,
  coverageOf,
  coverageOfStore,
  dayAfterShippedFigures,
  holdsEveryRegion,
  publishedSectionCoverage,
  type PublishedState,
  breakdownNamesOf,
  type Coverage,
} from './statistics.coverage.js';
export {
  registerStatisticsRoutes,
  asOfMoment,
  TableParams,
  TableQuery,
  SeriesQuery,
} from './statistics.routes.js';
export { checkRelations, cellKey } from './relations.js';
export { validateSubmission, submissionRefused, type SubmittedValue } from './submission.validate.js';
export { loadStructuresDir, checkStructure } from './structure.loader.js';
export type { FormStructure, Section, Graph, Row, Relation, Access } from './structure.schema.js';

/** The form structures that ship with zanstat. */
export const builtInStructuresDir: string = new URL('../../../catalog/structures', import.meta.url).pathname;
export { partsFromCsv } from './submission.csv.js';
export { searchLabels, articleOfQuery, type LabelHit } from './statistics.search.js';
export { submitWorkbook, hintsFromFileName, type WorkbookSubmission } from './submission.workbook.js';
export { parseOfficialWorkbook } from './workbook.js';
export {
  loadShippedFigures,
  storeIsEmpty,
  storeHoldsOnlyShippedData,
  shippedFiguresDir,
  type LoadReport,
} from './official-figures.js';
export * from './exports/index.js';
export { submissionTemplate } from './submission.template.js';
export { loadDemonstrationFigures } from './demonstration.js';
export { generateSynthetic } from './synthetic.js';
