// The portal: server-rendered pages in Kazakh, Russian and English over the published figures,
// the release calendar and the catalogue, and the staff's area for releases and submissions.
export { registerWebRoutes } from './web.routes.js';
export { html, escapeHtml, type SafeHtml } from './html.js';
export { translator, LANGS, type Lang } from './i18n.js';
