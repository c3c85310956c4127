import { defineConfig } from 'vitest/config';

// Two projects: `unit` runs pure cores with no database; `db` runs everything that needs
// PostgreSQL (embedded by default, or DATABASE_URL). `npm test` runs both.
export default defineConfig({
  test: {
    env: { TZ: 'UTC' },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['**/*.db.test.ts', 'node_modules/**'],
          env: { TZ: 'UTC' },
        },
      },
      {
        test: {
          name: 'db',
          include: ['src/**/*.db.test.ts', 'test/**/*.db.test.ts'],
          globalSetup: ['test/support/global-db.ts'],
          env: { TZ: 'UTC' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
