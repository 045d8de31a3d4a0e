// `npm run smoke:tenant`: an administrator's check of a real tenant before go-live and after any
// change to the app registration or the Exchange RBAC assignments. Reads the same environment as
// the app (server/config.ts), runs server/smoke/steps.ts and prints one line per step; exit code 1
// when a step failed. Never run in CI: it writes to the real shared mailbox (and cleans up).
import { ConfigError, loadConfig } from '../config.js';
import { createGraphApi, createGraphClient, createTokenProvider } from '../../graph/index.js';
import { readCertificate } from '../certificate.js';
import { runTenantSmokeTest, type StepResult } from './steps.js';

const MARK: Record<StepResult['outcome'], string> = { pass: 'PASS', fail: 'FAIL', skip: 'SKIP' };

async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const m = config.m365;
  const againstEmulator = config.mode !== 'tenant';
  if (againstEmulator && !m.graphBaseUrl) {
    process.stderr.write(
      'smoke:tenant checks a real tenant: set M365_TENANT_ID, M365_CLIENT_ID, M365_CLIENT_SECRET (or a certificate) and SHARED_MAILBOX.\n' +
        '(Against a separately started emulator: GRAPH_BASE_URL=http://127.0.0.1:3979/v1.0.)\n',
    );
    return 2;
  }
  const graphBaseUrl = m.graphBaseUrl ?? 'https://graph.microsoft.com/v1.0';
  const tokens = createTokenProvider({
    tenantId: m.tenantId,
    clientId: m.clientId,
    clientSecret: m.clientSecret,
    certificate: m.certificate ? readCertificate(m.certificate) : undefined,
    ...(againstEmulator
      ? { localTokenEndpoint: m.authorityHost ?? new URL(graphBaseUrl).origin }
      : { authorityHost: m.authorityHost }),
  });
  const api = createGraphApi(createGraphClient({ baseUrl: graphBaseUrl, tokenProvider: tokens }));
  const target = againstEmulator ? `the emulator at ${graphBaseUrl}` : `tenant ${m.tenantId}`;
  process.stdout.write(`Smoke test of ${target}, mailbox ${m.sharedMailbox}\n`);
  const results = await runTenantSmokeTest({
    api,
    mailbox: m.sharedMailbox,
    ...(config.publicUrl
      ? {
          notificationUrl: `${config.publicUrl}/api/graph/notifications`,
          clientState: config.graphWebhookClientState,
        }
      : {}),
    onStep: (r) =>
      process.stdout.write(`${MARK[r.outcome]}  ${r.step} (${r.ms} ms): ${r.detail}\n`),
  });
  const failed = results.filter((r) => r.outcome === 'fail').length;
  const passed = results.filter((r) => r.outcome === 'pass').length;
  process.stdout.write(
    `${passed} passed, ${failed} failed, ${results.length - passed - failed} skipped\n`,
  );
  return failed > 0 ? 1 : 0;
}

process.exitCode = await main();
