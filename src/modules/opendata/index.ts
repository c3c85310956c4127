// Open data (Order 84; Order 25, para 3 item 2): the 29 datasets with resources built from the
// published releases, a CKAN-compatible Action API and DataStore, and the DCAT-AP catalogue.
export { rebuildResources, datastoreRows, datastoreCsv, DATASTORE_FIELDS } from './opendata.build.js';
export { datastoreSearch } from './opendata.datastore.js';
export { registerCkanRoutes, catalogView } from './ckan/ckan.routes.js';
export { stableUuid, datasetUuid, resourceUuid } from './opendata.ids.js';
export { registerDcatRoutes } from './dcat/dcat.routes.js';
export { dcatGraph } from './dcat/dcat.graph.js';
