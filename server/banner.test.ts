import { describe, expect, it } from 'vitest';
import { bannerText } from './banner.js';
import { loadConfig } from './config.js';

const banner = (env: Record<string, string>) =>
  bannerText({
    config: loadConfig({ PORT: '0', DATA_DIR: '/tmp/x', ...env }, { envFile: false }),
    url: 'http://localhost:3978',
    botEndpoint: 'http://localhost:3978/api/messages',
    emulatorUrl: 'http://127.0.0.1:3979',
  });

describe('the start-up banner', () => {
  it('shows the public demo secret, never one set in LOCAL_M365_CLIENT_SECRET', () => {
    expect(banner({})).toContain('client_secret=local-demo-secret-kvalitet');
    const own = banner({ LOCAL_M365_CLIENT_SECRET: 'my-own-secret-value-1234' });
    expect(own).not.toContain('my-own-secret-value-1234');
    expect(own).toContain('client_secret=*** (LOCAL_M365_CLIENT_SECRET)');
  });
});
