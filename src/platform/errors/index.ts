export * from './domain-error.js';
export { translateDatabaseError } from './sqlstate.js';
export {
  problemDetail,
  describedProblem,
  DETAIL_CODES,
  type ProblemLang,
  type ProblemParams,
} from './problem-detail.js';
