// Test runner setup: unit tests beside the code, integration tests in test/, build output excluded.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['node_modules/**', 'dist/**', 'tab/dist/**', 'data/**'],
    testTimeout: 30_000,
    // A server's set-up (emulator, PGlite, the seed mailbox through the intake) took up to 80 s on
    // the shared 2-core machine under load, and over 120 s once: set-ups get 300 s.
    hookTimeout: 300_000,
    pool: 'forks',
    // The tab's client (tab/dist) is built once for the browser and server tests; the migrated PGlite
    // template test servers start from, once per schema.
    globalSetup: ['test/support/build-tab.global.ts', 'test/support/pglite-template.global.ts'],
  },
});
