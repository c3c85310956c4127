export {
  createHttpServer,
  registerServiceRoutes,
  metaOf,
  actorPaths,
  machinePrefixes,
  type HttpApp,
} from './server.js';
export { toProblem, type Problem } from './problem.js';
export * as schemas from './schemas.js';
export { problemHeadline, localiseProblem, problemLangOf, type ProblemLang } from './problem-text.js';
export { contentSecurityPolicy } from './security-headers.js';
export {
  registerRouteAccess,
  mayCall,
  openApiPath,
  type RouteAccess,
  type RouteKey,
  type RouteMatrix,
} from './route-access.js';
export * from './uploads.js';
export { csvLimitsOf, workbookLimitsOf } from './upload-parsers.js';
export { parseJsonStrictly } from './hardening.js';
