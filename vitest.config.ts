// The black-box suites run once per storage: always on the embedded PGlite, and on
// PostgreSQL too when TEST_DATABASE_URL is set (a fresh database per run). Each storage
// project starts one real server process (tests/support/global-setup.ts); test files create
// their own organizations, so they never see each other's data.
//
// The `unit` project runs the pure specs (tests/unit/**/*.spec.ts): no server, no database,
// no global setup; `npx vitest run --project unit` takes seconds.
import { defineConfig } from 'vitest/config';

const storages = ['pglite', ...(process.env.TEST_DATABASE_URL ? ['postgres'] : [])];

export default defineConfig({
  test: {
    projects: [
      ...storages.map((storage) => ({
        test: {
          name: storage,
          include: ['tests/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
          env: { TEST_STORAGE: storage },
        },
      })),
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.spec.ts'],
          testTimeout: 10_000,
        },
      },
    ],
  },
});
