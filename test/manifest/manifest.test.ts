// The app manifest validates offline against the bundled Teams schema, in both languages, and the
// package command's zip holds exactly what Teams wants, with this installation's ids and host.
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import {
  buildAppPackage,
  buildManifestFiles,
  EN_US_PATH,
  fillTemplate,
  manifestValues,
  ManifestValuesError,
  TEMPLATE_PATH,
  type ManifestValues,
} from '../../manifest/build.js';
import { validateLocalization, validateManifest } from '../../manifest/validate.js';
import { HELP_CAPABILITIES } from '../../cards/help.js';

const tenantValues: ManifestValues = {
  version: '1.2.3',
  teamsAppId: 'b232149b-8655-4dbe-8a27-6f502ae7131d',
  botAppId: '7c0f5a1e-2b3d-4e5f-8a9b-0c1d2e3f4a5b',
  aadAppId: '22222222-3333-4444-8555-666666666666',
  publicHostname: 'kvalitet.stockholm.se',
};

type Manifest = Record<string, unknown> & {
  bots: Array<{
    botId: string;
    scopes: string[];
    commandLists: Array<{ commands: Array<{ title: string }> }>;
  }>;
  staticTabs: Array<{ contentUrl?: string; scopes: string[] }>;
  configurableTabs: Array<{ configurationUrl: string; scopes: string[] }>;
  webApplicationInfo: { id: string; resource: string };
  localizationInfo: {
    defaultLanguageTag: string;
    additionalLanguages: Array<{ languageTag: string; file: string }>;
  };
};

const manifestFor = (values: ManifestValues) =>
  JSON.parse(buildManifestFiles(values)['manifest.json']) as Manifest;

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('manifest', () => {
  it('validates against its $schema (a 1.2x Teams schema bundled with @microsoft/app-manifest)', async () => {
    const manifest = manifestFor(tenantValues);
    expect(manifest.$schema).toMatch(/\/teams\/v1\.2\d\/MicrosoftTeams\.schema\.json$/);
    expect(await validateManifest(manifest)).toEqual([]);
  });

  it('has an English localization file that validates, with Swedish as the default language', async () => {
    const manifest = manifestFor(tenantValues);
    expect(manifest.localizationInfo.defaultLanguageTag).toBe('sv-SE');
    expect(manifest.localizationInfo.additionalLanguages).toEqual([
      { languageTag: 'en-us', file: 'en-us.json' },
    ]);
    const english = JSON.parse(readFileSync(EN_US_PATH, 'utf8')) as Record<string, unknown>;
    expect(await validateLocalization(english)).toEqual([]);
    expect(english['bots[0].commandLists[0].commands[0].title']).toBe('help');
  });

  it('catches a broken manifest', async () => {
    const broken = { ...manifestFor(tenantValues), accentColor: 'blue', bots: [{ botId: 'x' }] };
    const failures = await validateManifest(broken);
    expect(failures.join('\n')).toMatch(/accentColor/);
    expect(failures.join('\n')).toMatch(/botId|scopes/);
  });

  it("offers the bot in personal, team and group chats with Swedish commands, the help card's own", () => {
    const bot = manifestFor(tenantValues).bots[0]!;
    expect(bot.botId).toBe(tenantValues.botAppId);
    expect(bot.scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(bot.commandLists[0]!.commands.map((c) => c.title)).toEqual([
      'hjälp',
      'tidsplan',
      'granska',
      'läget',
      'vad saknas för oss?',
      'mina enheter',
    ]);
    // The help card lists the same commands, in both languages.
    const english = JSON.parse(readFileSync(EN_US_PATH, 'utf8')) as Record<string, string>;
    expect(HELP_CAPABILITIES.map((c) => c.command.sv)).toEqual(
      bot.commandLists[0]!.commands.map((c) => c.title),
    );
    expect(HELP_CAPABILITIES.map((c) => c.command.en)).toEqual(
      bot.commandLists[0]!.commands.map(
        (_, i) => english[`bots[0].commandLists[0].commands[${i}].title`],
      ),
    );
  });

  it('has a personal tab (Teams, Outlook, microsoft365.com) and a configurable team tab on the app host', () => {
    const manifest = manifestFor(tenantValues);
    expect(manifest.staticTabs[0]).toMatchObject({
      contentUrl: 'https://kvalitet.stockholm.se/tab/?locale={locale}',
      scopes: ['personal'],
    });
    expect(manifest.configurableTabs[0]).toMatchObject({
      configurationUrl: 'https://kvalitet.stockholm.se/tab/config.html',
      scopes: ['team', 'groupChat'],
    });
    expect(manifest.validDomains).toEqual(['kvalitet.stockholm.se']);
  });

  it('adds the Outlook add-in (unified manifest extensions): a mail-read pane for the shared mailbox and "Boka besök" on a new appointment', () => {
    const manifest = manifestFor(tenantValues) as Manifest & {
      authorization: { permissions: { resourceSpecific: Array<{ name: string; type: string }> } };
      extensions: Array<{
        requirements: {
          scopes: string[];
          capabilities: Array<{ name: string; minVersion: string }>;
        };
        runtimes: Array<{ id: string; code: { page: string }; actions: Array<{ id: string }> }>;
        ribbons: Array<{
          contexts: string[];
          tabs: Array<{ groups: Array<{ controls: Array<{ label: string; actionId: string }> }> }>;
        }>;
      }>;
    };
    const extension = manifest.extensions[0]!;
    // saveAsync/getItemIdAsync on an appointment and getSharedPropertiesAsync need Mailbox 1.8.
    expect(extension.requirements).toEqual({
      scopes: ['mail'],
      capabilities: [{ name: 'Mailbox', minVersion: '1.8' }],
    });
    const pageOf = (context: string) => {
      const ribbon = extension.ribbons.find((r) => r.contexts.includes(context))!;
      const control = ribbon.tabs[0]!.groups[0]!.controls[0]!;
      const runtime = extension.runtimes.find((r) =>
        r.actions.some((a) => a.id === control.actionId),
      )!;
      return { label: control.label, page: runtime.code.page };
    };
    // The app's client id rides in the page address: the panes' nested app authentication needs it.
    expect(pageOf('mailRead').page).toBe(
      `https://kvalitet.stockholm.se/tab/addin/mail.html?client=${tenantValues.aadAppId}`,
    );
    expect(pageOf('meetingDetailsOrganizer')).toEqual({
      label: 'Boka besök',
      page: `https://kvalitet.stockholm.se/tab/addin/appointment.html?client=${tenantValues.aadAppId}`,
    });
    // Shared folders and mailboxes (the award's mailbox), and writing the appointment being composed.
    expect(manifest.authorization.permissions.resourceSpecific).toEqual(
      expect.arrayContaining([
        { name: 'Mailbox.SharedFolder', type: 'Delegated' },
        { name: 'MailboxItem.ReadWrite.User', type: 'Delegated' },
      ]),
    );
    const english = JSON.parse(readFileSync(EN_US_PATH, 'utf8')) as Record<string, string>;
    expect(english['extensions[0].ribbons[1].tabs[0].groups[0].controls[0].label']).toBe(
      'Book visit',
    );
  });

  it('declares the SSO app with an api:// resource on the app host', () => {
    expect(manifestFor(tenantValues).webApplicationInfo).toEqual({
      id: tenantValues.aadAppId,
      resource: `api://kvalitet.stockholm.se/${tenantValues.aadAppId}`,
    });
  });

  it('leaves no placeholder unfilled and refuses unknown ones', () => {
    expect(buildManifestFiles(tenantValues)['manifest.json']).not.toContain('{{');
    expect(() => fillTemplate('{"x": "{{NOPE}}"}', tenantValues)).toThrow(/NOPE/);
    expect(readFileSync(TEMPLATE_PATH, 'utf8')).toContain('{{BOT_APP_ID}}');
  });
});

describe('manifest values from configuration', () => {
  const source = {
    version: '0.1.0',
    port: 3978,
    aadAppId: '22222222-3333-4444-8555-666666666666',
  };

  it('refuses a tenant package without PUBLIC_URL and BOT_APP_ID, naming both', () => {
    expect(() => manifestValues({ ...source, mode: 'tenant' })).toThrow(ManifestValuesError);
    expect(() => manifestValues({ ...source, mode: 'tenant' })).toThrow(/PUBLIC_URL.*BOT_APP_ID/s);
  });

  it('refuses a plain-http public URL for a tenant', () => {
    expect(() =>
      manifestValues({
        ...source,
        mode: 'tenant',
        publicUrl: 'http://kvalitet.example',
        botAppId: tenantValues.botAppId,
      }),
    ).toThrow(/https/);
  });

  it('fills demo values in local mode so the playground gets a package', async () => {
    const values = manifestValues({ ...source, mode: 'local' });
    expect(values.publicHostname).toBe('localhost:3978');
    expect(values.botAppId).toBe(source.aadAppId);
    expect(await validateManifest(manifestFor(values))).toEqual([]);
  });

  it('takes the host from PUBLIC_URL', () => {
    const values = manifestValues({
      ...source,
      mode: 'tenant',
      publicUrl: 'https://kvalitet.stockholm.se',
      botAppId: tenantValues.botAppId,
    });
    expect(values.publicHostname).toBe('kvalitet.stockholm.se');
  });
});

describe('app package', () => {
  it('zips manifest, localization and icons at the root', async () => {
    const zip = await JSZip.loadAsync(await buildAppPackage(buildManifestFiles(tenantValues)));
    expect(Object.keys(zip.files).sort()).toEqual([
      'color.png',
      'en-us.json',
      'manifest.json',
      'outline.png',
    ]);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as Manifest;
    expect(manifest.version).toBe('1.2.3');
    expect(manifest.bots[0]!.botId).toBe(tenantValues.botAppId);
  });

  it('has a 192×192 colour icon and a 32×32 outline icon that is white on transparent', async () => {
    const files = buildManifestFiles(tenantValues);
    expect(pngSize(files['color.png'])).toEqual({ width: 192, height: 192 });
    expect(pngSize(files['outline.png'])).toEqual({ width: 32, height: 32 });
    const { inflateSync } = await import('node:zlib');
    // One IDAT chunk at offset 33 (after signature and IHDR); rows are filter byte + RGBA.
    const idatLength = files['outline.png'].readUInt32BE(33);
    const pixels = inflateSync(files['outline.png'].subarray(41, 41 + idatLength));
    let opaque = 0;
    let transparent = 0;
    for (let y = 0; y < 32; y++) {
      for (let x = 0; x < 32; x++) {
        const i = y * (32 * 4 + 1) + 1 + x * 4;
        expect([pixels[i], pixels[i + 1], pixels[i + 2]]).toEqual([255, 255, 255]);
        if (pixels[i + 3] === 255) opaque++;
        if (pixels[i + 3] === 0) transparent++;
      }
    }
    expect(opaque).toBeGreaterThan(100);
    expect(transparent).toBeGreaterThan(300);
  });

  it('is identical for identical input', async () => {
    const files = buildManifestFiles(tenantValues);
    expect((await buildAppPackage(files)).equals(await buildAppPackage(files))).toBe(true);
  });
});
