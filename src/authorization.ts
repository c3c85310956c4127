// The route × role matrix: who may call each route of the API. The gate of
// platform/http/route-access.ts enforces it before any body is read; each use case checks its
// own policy again inside (docs/access.md). `npm run docs:authorization` writes
// docs/authorization.md from it; test/http/authorization.db.test.ts calls every route of the
// OpenAPI document with every role and with none and holds the answers to it — a route the
// matrix does not name fails that test by name.
import type { RouteMatrix } from './platform/http/route-access.js';

const staff = ['admin', 'editor'] as const;
const staffAndAuditor = ['admin', 'editor', 'auditor'] as const;

export const routeMatrix: RouteMatrix = {
  // the service's own endpoints
  'GET /healthz': 'public',
  'GET /readyz': 'public',
  'GET /metrics': 'public',
  // session: signing in is for anyone; signing out for a signed-in person
  'POST /api/v1/session': 'public',
  'DELETE /api/v1/session': 'signed-in',
  'POST /api/v1/session/challenge': 'public',
  'POST /api/v1/session/certificate': 'public',
  // the Administrator (Order 25, para 2, item 3): users, tokens, the calendar's transfers
  'GET /api/v1/admin/users': ['admin'],
  'POST /api/v1/admin/users': ['admin'],
  'POST /api/v1/admin/users/{id}/unlock': ['admin'],
  'GET /api/v1/admin/tokens': ['admin'],
  'POST /api/v1/admin/tokens': ['admin'],
  'DELETE /api/v1/admin/tokens/{id}': ['admin'],
  'PUT /api/v1/admin/calendar/transfers/{year}': ['admin'],
  // the log journal (Order 25, para 2, item 1): the auditor and the Administrator
  'GET /api/v1/staff/journal': ['admin', 'auditor'],
  'GET /api/v1/staff/journal.csv': ['admin', 'auditor'],
  'GET /api/v1/staff/journal/verification': ['admin', 'auditor'],
  // the catalogue and the calendar of obligations: public
  'GET /api/v1/acts': 'public',
  'GET /api/v1/forms': 'public',
  'GET /api/v1/datasets': 'public',
  'GET /api/v1/collections': 'public',
  'GET /api/v1/channels': 'public',
  'GET /api/v1/organisations': 'public',
  'GET /api/v1/regions': 'public',
  'GET /api/v1/forms/{code}': 'public',
  'GET /api/v1/datasets/{id}': 'public',
  'GET /api/v1/obligations': 'public',
  'GET /api/v1/obligations.ics': 'public',
  'GET /api/v1/calendar/{year}': 'public',
  // submissions: the reporting bodies (subject, for the forms their organisation files) and the staff
  'POST /api/v1/submissions': ['admin', 'editor', 'subject'],
  'POST /api/v1/submissions/csv': ['admin', 'editor', 'subject'],
  'POST /api/v1/submissions/xlsx': ['admin', 'editor', 'subject'],
  'GET /api/v1/submissions/template': ['admin', 'editor', 'subject'],
  // the figures before publication: the staff and the auditor
  'GET /api/v1/staff/forms/{code}/tables/{period}': staffAndAuditor,
  'GET /api/v1/staff/forms/{code}/revisions/{period}': staffAndAuditor,
  // published figures and the release calendar: public
  'GET /api/v1/forms/{code}/tables/{period}': 'public',
  'GET /api/v1/forms/{code}/series': 'public',
  'GET /api/v1/forms/{code}/revisions/{period}': 'public',
  'GET /api/v1/releases': 'public',
  'GET /api/v1/releases.ics': 'public',
  // releases: the staff decide, the auditor reads the schedule
  'GET /api/v1/staff/releases': staffAndAuditor,
  'POST /api/v1/staff/releases/{code}/{period}/approve': staff,
  'POST /api/v1/staff/releases/{code}/{period}/reschedule': staff,
  'POST /api/v1/staff/releases/{code}/{period}/publish': staff,
  'POST /api/v1/staff/releases/{code}/{period}/revise': staff,
  'POST /api/v1/staff/releases/announce': staff,
  // requests for information (Order 25, paras 4-9): the staff's register
  'POST /api/v1/staff/requests/check': staff,
  'POST /api/v1/staff/requests': staff,
  'GET /api/v1/staff/requests': staff,
  'GET /api/v1/staff/requests/{number}': staff,
  'POST /api/v1/staff/requests/{number}/correct': staff,
  'POST /api/v1/staff/requests/{number}/extend': staff,
  'POST /api/v1/staff/requests/{number}/close': staff,
  'POST /api/v1/staff/requests/{number}/letters': staff,
  'GET /api/v1/staff/requests/{number}/letters': staff,
  'GET /api/v1/staff/requests/{number}/letters/{version}/{file}': staff,
  'POST /api/v1/staff/requests/{number}/letters/{version}/approve': staff,
  // the applicant's status (by the request's number and code) and the intake from the channels
  // (each authenticated by its signature, not a role): public, rate-limited per address
  'POST /api/v1/requests/status': 'public',
  'POST /api/v1/intake/edms/requests': 'public',
  'POST /api/v1/intake/kadagalau/requests': 'public',
  'POST /api/v1/intake/e-appeals/requests': 'public',
  // registers
  'GET /api/v1/registers': 'public',
  'GET /api/v1/registers/{id}': 'public',
  'GET /api/v1/registers/{id}/entries/{seq}': 'public',
  'POST /api/v1/staff/registers/{id}/imports': staff,
  'GET /api/v1/registers/persons-prosecuted-for-sexual-offences-against-minors/search': 'public',
  'POST /api/v1/staff/registers/persons-prosecuted-for-sexual-offences-against-minors/entries': staff,
  'POST /api/v1/staff/registers/persons-prosecuted-for-sexual-offences-against-minors/entries/{entry}/removal':
    staff,
  // open data (Order 84): public
  'GET /api/3/action/{action}': 'public',
  'POST /api/3/action/{action}': 'public',
  'GET /api/action/{action}': 'public',
  'POST /api/action/{action}': 'public',
  'GET /api/3': 'public',
  'GET /dataset/{dataset}/resource/{id}/download/{file}': 'public',
  'GET /datastore/dump/{id}': 'public',
  'GET /catalog.jsonld': 'public',
  'GET /catalog.ttl': 'public',
  'GET /catalog.rdf': 'public',
  'GET /api/v1/datasets/deadlines': 'public',
  // the outbox and the collections: the staff; a receiver acknowledges by its signed receipt
  'GET /api/v1/staff/outbox': staff,
  'POST /api/v1/staff/outbox/{id}/resend': staff,
  'POST /api/v1/outbox/receipts': 'public',
  'GET /api/v1/staff/collections': staff,
  'POST /api/v1/staff/collections/{collection}/{quarter}/build': staff,
  'GET /api/v1/staff/collections/recipients': staff,
  'POST /api/v1/staff/collections/recipients/{placeholder}/resolutions': ['admin'],
  // the recipients of the collections (Appendix 1): their own copies
  'GET /api/v1/recipient/copies': ['recipient'],
  'GET /api/v1/recipient/copies/{id}/documents/{name}': ['recipient'],
};
