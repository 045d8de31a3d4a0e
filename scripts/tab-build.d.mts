// Types of scripts/tab-build.mjs for the TypeScript callers (tests, benchmarks).
export function tabIsCurrent(): boolean;
export function buildTab(options?: { force?: boolean }): Promise<boolean>;
