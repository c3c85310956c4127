// What the service loads and publishes: extra catalogue directories, jobs, demonstration data, the publication time and the published cache.
// Declared here, assembled in config.ts (see there for how a key is read and documented).
import type { Declaration } from './config.declaration.js';

export const publishingKeys = {
  CATALOG_EXTRA_DIRS: {
    kind: 'string',
    default: '',
    description:
      'Comma-separated catalogue folders (a newer act, say) loaded after the built-in catalog/ at every start.',
  },
  JOBS_ENABLED: {
    kind: 'boolean',
    default: 'true',
    description: 'Start scheduled jobs in the worker role (tests turn it off).',
  },
  DEMONSTRATION_FIGURES: {
    kind: 'boolean',
    default: 'true',
    description:
      'On an empty store, load synthetic demonstration figures for the forms that ship no real ones, and publish them marked as demonstration (in releases, the release calendar and its iCalendar feed, tables, exports and pages). false starts with the official figures only; demonstration figures already loaded stay.',
  },
  PERSONS_REGISTER_DEMONSTRATION: {
    kind: 'boolean',
    default: 'true',
    description:
      'The register of persons (Order 84, item 23) finds its demonstration entries — invented names, marked fictional wherever they show — so the search can be tried; no real personal data ships. false: only the entries staff have added.',
  },
  PUBLICATION_TIME: {
    kind: 'string',
    default: '10:00',
    pattern: /^([01]\d|2[0-3]):[0-5]\d$/,
    description:
      'Time of day (HH:MM, Kazakhstan) a release is published on its announced date when the editor names no time.',
  },
  LATE_FROM_PERIOD: {
    kind: 'string',
    default: null,
    pattern: /^\d{4}-(0[1-9]|1[0-2])$/,
    description:
      'First period (YYYY-MM) whose releases count as late when they miss their due day; default: the month after the latest period of the figures that ship with zanstat, so imported history is not late.',
  },
  RELEASE_HORIZON_MONTHS: {
    kind: 'integer',
    default: '12',
    min: 1,
    max: 60,
    description: 'How far ahead the release calendar announces releases (months).',
  },
  PUBLISHER_TICK_MS: {
    kind: 'integer',
    default: '1000',
    min: 50,
    max: 60_000,
    description: 'How often the worker looks for releases whose publication time has come.',
  },
  PUBLISHED_CACHE_MB: {
    kind: 'integer',
    default: '256',
    min: 1,
    max: 65_536,
    description: 'Memory for published tables rendered once and served as bytes (per instance).',
  },
} as const satisfies Record<string, Declaration>;
