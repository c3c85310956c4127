// Publishing: releases on the legal schedule (Order 25, para 14, Appendix 2), embargoed until their
// time and published once; the advance release calendar; the public statistics API of published
// figures, rendered once per revision and served as bytes.
export { transition, shownStatus, type ReleaseStatus, type ReleaseAction } from './lifecycle.js';
export { announceReleases, lateCountsFrom } from './releases.announce.js';
export {
  approveRelease,
  rescheduleRelease,
  publishReleaseNow,
  reviseRelease,
  publishDue,
  recordLateReleases,
  publishShippedFigures,
} from './releases.service.js';
export { listReleases, releaseSchedule, type ReleaseView } from './releases.query.js';
export { releasesToICalendar } from './releases.ics.js';
export { startPublisher, type Publisher } from './publisher.js';
export { registerPublicRoutes, sendCached } from './public.routes.js';
export { PublishedCache, negotiateEncoding, type CachedBody } from './published-cache.js';
export { registerStaffRoutes } from './staff.routes.js';
export {
  publishedCatalogOf,
  publishedPeriodsOf,
  publicationsOf,
  type PublishedEntry,
} from './published-index.js';
export { resolveFormPeriod } from './releases.input.js';
