// Open data (Order 84; Order 25, para 3 item 2): the 29 datasets with resources built from the
// published releases, a CKAN-compatible Action API and DataStore, and the DCAT-AP catalogue.
export { rebuildResources, datastoreRows, datastoreCsv, DATASTORE_FIELDS } from './opendata.build.js';
export { datastoreSearch } from './opendata.datastore.js';
export { registerCkanRoutes } from './ckan/ckan.routes.js';
export { catalogView } from './ckan/catalog-view.js';
export { deadlineOf, type DatasetDeadline } from './opendata.deadlines.js';
export { stableUuid, datasetUuid, resourceUuid } from './opendata.ids.js';
export { registerDcatRoutes } from './dcat/dcat.routes.js';
export { dcatGraph } from './dcat/dcat.graph.js';
export { registerOpenDataRoutes, readDeadlines, presentDeadline } from './opendata.routes.js';
export { searchDatasets, datasetDetail, type PortalSearch } from './opendata.portal.js';
export { DATASTORE_KEY } from './opendata.build.js';
