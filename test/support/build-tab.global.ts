// Vitest global setup: the tab is built once (Vite, in a child process) before any test file runs,
// so every test that loads /tab/ finds it; an up-to-date build is kept as it is.
import { buildTab } from '../../scripts/tab-build.mjs';

export default async function setup(): Promise<void> {
  await buildTab();
}
