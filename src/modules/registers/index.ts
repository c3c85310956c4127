// The registers of Order 84 (banned terrorist and extremist organisations and materials), kept with
// their history: imports of whole lists, point-in-time reads, each entry's versions; the official
// lists that ship in seed/registers; each register's rows for its DataStore resource.
export { parseRegisterCsv, REGISTER_COLUMNS, type ListRow } from './register.csv.js';
export { changesOf, type ListChanges } from './register.changes.js';
export {
  importRegisterList,
  listRegisters,
  readRegister,
  readRegisterEntry,
  type ImportInput,
  type DecisionInput,
  type RegisterOnView,
} from './registers.service.js';
export { registerRegisterRoutes } from './registers.routes.js';
export {
  loadShippedLists,
  shippedListsDir,
  SHIPPED_LISTS,
  SHIPPED_LISTS_CAPTURED_ON,
  type ListsLoadReport,
} from './shipped-lists.js';
export {
  registerRows,
  registerLastModified,
  REGISTER_FIELDS,
  type RegisterRows,
  type RegisterField,
  type RegisterFieldType,
} from './registers.datastore.js';
export type { ImportView, EntryView, DecisionView } from './registers.presenter.js';
export { loadOfficialListsJob, LOAD_OFFICIAL_LISTS_JOB } from './registers.jobs.js';
export { registerPersonsRoutes } from './persons.routes.js';
export {
  searchPersons,
  addPerson,
  removePerson,
  PERSONS_REGISTER,
  type PersonView,
} from './persons.service.js';
