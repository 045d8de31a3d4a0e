// The start-up banner `npm start` prints: where the app, the bot, the tab and (local mode) the
// emulator are, and the demo credentials. A secret that is not the public demo one is never printed.
import { LOCAL_DEFAULTS } from './config.js';
import type { RunningServer } from './start.js';

export function bannerText(
  r: Pick<RunningServer, 'config' | 'url' | 'botEndpoint' | 'emulatorUrl'>,
): string {
  const c = r.config;
  const lines = [
    '',
    `Kvalitetsutmärkelsen ${c.version} — ${c.mode === 'local' ? 'local mode (no tenant needed)' : `tenant ${c.m365.tenantId}`}`,
    `  App          ${r.url}   (health: ${r.url}/healthz, ready: ${r.url}/readyz)`,
    `  Bot endpoint ${r.botEndpoint}`,
    `  Tab          ${r.url}/tab/`,
  ];
  if (c.awardNow) lines.push(`  Clock        starts at ${c.awardNow} (AWARD_NOW)`);
  if (c.mode === 'local') {
    const graph = r.emulatorUrl ? `${r.emulatorUrl}/v1.0` : c.m365.graphBaseUrl;
    // As start-up does: an emulator run on its own has its token endpoint beside /v1.0.
    const tokens =
      r.emulatorUrl ??
      c.m365.authorityHost ??
      (c.m365.graphBaseUrl ? new URL(c.m365.graphBaseUrl).origin : undefined);
    lines.push(
      `  Emulator     ${graph}   (Microsoft Graph v1.0, demo tenant stockholm.example)`,
      `  Token        POST ${tokens}/${c.m365.tenantId}/oauth2/v2.0/token`,
      // The demo secret is public (README); one set in LOCAL_M365_CLIENT_SECRET is not printed.
      `  Demo app     client_id=${c.m365.clientId}  client_secret=${c.m365.clientSecret === LOCAL_DEFAULTS.clientSecret ? c.m365.clientSecret : '*** (LOCAL_M365_CLIENT_SECRET)'}`,
      `  Mailbox      ${c.m365.sharedMailbox}`,
      `  Teams        ${tokens}/smba/   (Bot Connector stand-in; chats: GET ${tokens}/_admin/teams/messages?upn=<upn>)`,
      `  Playground   TEAMSAPPTESTER_BROWSER=none npx agentsplayground -e ${r.botEndpoint.replace('localhost', '127.0.0.1')} -c msteams --disable-telemetry`,
    );
  }
  lines.push('');
  return lines.join('\n');
}
