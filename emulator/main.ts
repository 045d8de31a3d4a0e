// `npm run emulator`: runs the local Microsoft 365 alone and prints its URLs and the demo credentials.
// Options: --port N (or EMULATOR_PORT), --state FILE (or EMULATOR_STATE_FILE), --latency MS.
import { startEmulator } from './server.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const port = Number(arg('port') ?? process.env.EMULATOR_PORT ?? 3979);
const stateFile = arg('state') ?? process.env.EMULATOR_STATE_FILE ?? undefined;
const latency = arg('latency');

const emu = await startEmulator({
  port,
  stateFile,
  // Where Teams' activities for the bot go (the app's /api/messages), e.g. http://localhost:3978/api/messages.
  ...(process.env.EMULATOR_BOT_ENDPOINT ? { botEndpoint: process.env.EMULATOR_BOT_ENDPOINT } : {}),
  faults: latency ? { latencyMs: Number(latency) } : undefined,
  logger: {
    info: () => undefined,
    warn: (o, m) => console.warn(m ?? '', o),
    error: (o, m) => console.error(m ?? '', o),
  },
});
const data = emu.admin.state();
const app = data.apps[0]!;
console.log(`Microsoft 365 emulator on ${emu.url}
  Graph:           ${emu.graphUrl}
  Token endpoint:  ${emu.tokenUrl(data.tenantId)}
  OpenID metadata: ${emu.url}/${data.tenantId}/v2.0/.well-known/openid-configuration
  Admin API:       ${emu.url}/_admin/...
  Bot Connector:   ${emu.url}/smba/ (bot endpoint: ${process.env.EMULATOR_BOT_ENDPOINT ?? 'not set, EMULATOR_BOT_ENDPOINT'})
  Tenant id:       ${data.tenantId} (${data.domain})
  Client id:       ${app.clientId}
  Client secret:   ${app.clientSecret}
  Users:           ${data.users.length}, state file: ${stateFile ?? '(memory only)'}

  curl -s -d grant_type=client_credentials -d client_id=${app.clientId} \\
       -d client_secret=${app.clientSecret} -d scope=https://graph.microsoft.com/.default \\
       ${emu.tokenUrl(data.tenantId)}`);

const stop = async () => {
  await emu.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
