export { createHttpServer, registerServiceRoutes, metaOf, actorPaths, type HttpApp } from './server.js';
export { toProblem, type Problem } from './problem.js';
export * as schemas from './schemas.js';
export { problemDetail, describedProblem, type ProblemParams } from './problem-detail.js';
export { problemHeadline, localiseProblem, problemLangOf, type ProblemLang } from './problem-text.js';
