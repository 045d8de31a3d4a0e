// Test runner setup: unit tests beside the code, integration tests in test/, build output excluded.
import { availableParallelism } from 'node:os';
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
    // Vitest's default (one worker fewer than the cores) runs one file at a time on a 2-core machine,
    // but the integration files spend much of their time waiting (child processes, a paced outbox,
    // Chromium, timers), so two files at a time there; the suite passed so with other work loading
    // both cores. Set-ups already get the long hook timeout above.
    maxWorkers: Math.max(2, availableParallelism()),
    // The tab's client (tab/dist) is built once for the browser and server tests; the migrated PGlite
    // template test servers start from, once per schema.
    globalSetup: ['test/support/build-tab.global.ts', 'test/support/pglite-template.global.ts'],
  },
});
