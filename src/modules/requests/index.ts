// Requests for legal statistical information (Order 25, paras 4-9): the decision by the rules in
// use on the registration date, the register with its terms, and the staff's API.
export {
  decide,
  answerKindOf,
  CHECKS,
  GROUNDS_OF_CHECK,
  type Decision,
  type IndicatorFinding,
  type Outcome,
} from './request.decide.js';
export { requestRulesOn, holdsOfficialUse, type RequestRules } from './request.rules.js';
export { findCopiesRequest } from './request.copies.js';
export { parseRequestPeriod, formPeriodsFor } from './request.period.js';
export { considerationTerm, latestExtension } from './request.terms.js';
export { RequestBodySchema, type RequestBody } from './request.input.js';
export {
  checkRequest,
  registerRequest,
  listRequests,
  getRequest,
  correctRequest,
  extendRequestTerm,
  closeRequest,
  remindOfTerms,
  overdueRequests,
} from './requests.service.js';
export { registerRequestRoutes } from './requests.routes.js';
export { registerLetterRoutes } from './letters.routes.js';
export {
  draftLetter,
  approveLetter,
  listLetters,
  readLetterDocument,
  REPLY_KIND,
  type LetterView,
} from './letters.service.js';
export { requestStatus, APPLICANT_STATUSES, type ApplicantStatus } from './request.status.js';
export { LETTER_LANGS, shortfallText, type LetterLang } from './letter.words.js';
export { registerIntakeRoutes } from './intake.routes.js';
export {
  takeSignedRequest,
  roleOfPosition,
  INTAKE_SYSTEMS,
  SIGNED_FORMAT,
  type SignedRequest,
} from './request.signed.js';
