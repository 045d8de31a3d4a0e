// The tab in real (headless) Chromium against the running local mode: each role signs in through the
// local sign-in page and does one real task (a coordinator resolves a triage item, and decides
// info-meeting signups with the meeting pre-selected, or chosen when there is no pick, a unit manager
// withdraws with confirmation, an examiner declares a conflict of interest), sees only their own
// data, and axe-core finds no serious or critical violations. A script in a mail body or a unit
// name stays inert. Screenshots go to test-artifacts/tab/.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntakeService } from '../../features/intake/index.js';
import { intakeFeatures } from '../../server/jobs/intake.js';
import { tabFeature } from '../../server/jobs/tab.js';
import { createVisitsFeature } from '../../server/jobs/visits.js';
import { EXAMINERS } from '../../emulator/seed/people.js';
import { expectAccessible, startTabBrowser, type TabBrowser } from '../support/tab-browser.js';
import type { TestServer } from '../server/harness.js';

const ARTIFACTS = 'test-artifacts/tab';
const SHARED = 'kvalitetsutmarkelsen@stockholm.example';
const XSS_NAME = 'Förskolan <img src=x onerror="window.__xss=1">';

let tab: TabBrowser;
let server: TestServer;
let browser: Browser;
let intake: IntakeService;
let manager: { name: string; unitId: string; unitName: string };

beforeAll(async () => {
  tab = await startTabBrowser({
    env: { AWARD_NOW: '2026-12-07T10:00:00+01:00' },
    features: [
      ...intakeFeatures({ onService: (s) => (intake = s) }),
      tabFeature(),
      // The conflicts of interest are the visits feature's; no demo teams, so no examiner
      // examines a unit yet.
      createVisitsFeature({ importDemoData: false, sweepMs: 0 }),
    ],
    artifacts: ARTIFACTS,
  });
  ({ server, browser } = tab);
  const units = await server.store.units.list();
  const taking = await server.store.participations.list({ year: 2026 });
  const unit = units.find((u) =>
    taking.some(
      (p) =>
        p.unitId === u.id &&
        ['pre-registered', 'submitted', 'in-protocol', 'eligible'].includes(p.state),
    ),
  )!;
  manager = { name: unit.managerName, unitId: unit.id, unitName: unit.name };
});

afterAll(async () => {
  await tab?.stop();
});

// December: the 2026 cycle (feedback visits) and the 2027 one overlap; the demo units are in 2026.
const signIn: TabBrowser['signIn'] = (person, options) => tab.signIn(person, options);

describe('the tab, signed in locally', { timeout: 120_000 }, () => {
  it('lists the demo people by name and role on the local sign-in page', async () => {
    const page = await browser.newPage({ locale: 'sv-SE' });
    await page.goto(`${server.url}/tab/`);
    await page.getByRole('heading', { name: 'samordnare' }).waitFor({ timeout: 20_000 });
    await expect(page.getByRole('heading', { name: 'examinator' }).count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: /^Maria Lindqvist/ }).count()).resolves.toBe(1);
    await page.screenshot({ path: `${ARTIFACTS}/sign-in.png`, fullPage: true });
    await expectAccessible(page, 'sign-in');
    await page.close();
  });

  it('a coordinator sees the coming dates and the pipeline, and resolves a triage item', async () => {
    const page = await signIn('Maria Lindqvist');
    await page.getByText('Kommande datum').waitFor();
    await page.getByTestId('dates-2026').waitFor();
    await page.getByText('Läget i omgången').waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/coordinator-overview.png`, fullPage: true });
    await expectAccessible(page, 'coordinator overview');

    await page.getByRole('tab', { name: 'Granska mejl' }).click();
    const before = (await server.store.mails.list({ status: 'triage' })).length;
    expect(before).toBeGreaterThan(0);
    const card = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('button', { name: 'Bekräfta' }) })
      .first();
    await card.waitFor({ timeout: 20_000 });
    await page.screenshot({ path: `${ARTIFACTS}/coordinator-triage.png`, fullPage: true });
    await expectAccessible(page, 'triage');
    // Decide it as a question: no unit needed, and nothing sent to anyone.
    await card.getByRole('combobox', { name: /^Typ/ }).selectOption('question');
    await card.getByRole('button', { name: 'Bekräfta' }).click();
    await page.getByText('Beslutat: 1').waitFor({ timeout: 20_000 });
    await expect
      .poll(async () => (await server.store.mails.list({ status: 'triage' })).length, {
        timeout: 20_000,
      })
      .toBe(before - 1);
    await page.close();
  });

  it('a coordinator decides signups naming no meeting: the likely one pre-selected, else a choice required', async () => {
    // A unit manager signs up twice without saying which meeting while all four 2027 meetings are
    // ahead: the intake asks a coordinator, pre-selecting the next one (16 February). The second
    // mail's pick is taken away, as for a mail triaged before there were picks: nothing is
    // pre-selected, and the decision waits for a choice (2 March).
    const unit = (await server.store.units.get(manager.unitId))!;
    const subjects = ['Anmälan till informationsmöte (test)', 'Informationsmötet, vi kommer två'];
    const emulator = (path: string, init?: RequestInit) =>
      fetch(`${server.emulatorUrl}/_admin/${path}`, {
        ...init,
        headers: { 'content-type': 'application/json' },
      });
    for (const [i, subject] of subjects.entries()) {
      const delivered = await emulator('deliver', {
        method: 'POST',
        body: JSON.stringify({
          to: SHARED,
          from: { name: unit.managerName, address: unit.managerEmail },
          subject,
          body: `Hej!\n${i === 0 ? 'Jag vill anmäla mig till' : 'Vi är två som gärna kommer på'} informationsmötet om Kvalitetsutmärkelsen.\nMvh ${unit.managerName}`,
        }),
      });
      expect(delivered.status).toBe(200);
    }
    // A delta round reads them in (as the intake's timer would; this test does not wait for one).
    await intake.syncNow();
    await intake.idle();
    const triage = await intake.listTriage({ limit: 500 });
    const [likely, unsure] = subjects.map((subject) => triage.find((i) => i.subject === subject)!);
    for (const item of [likely, unsure])
      expect(item).toMatchObject({
        suggestedKind: 'info-meeting-signup',
        suggestedMeetingId: 'im-2027-1',
      });
    const keyOf = (item: typeof likely) => ({ mailbox: SHARED, messageId: item!.messageId });
    const { suggestedMeetingId: _dropped, ...older } = (await server.store.mails.get(
      keyOf(unsure),
    ))!.details as Record<string, unknown>;
    expect(
      await server.store.mails.resolve(keyOf(unsure), { status: 'triage', details: older }),
    ).toBe(true);

    const page = await signIn('Maria Lindqvist');
    await page.getByRole('tab', { name: 'Granska mejl' }).click();
    const cardOf = (subject: string) =>
      page.getByRole('listitem').filter({ has: page.getByText(subject, { exact: true }) });
    const meetingOf = (subject: string) =>
      cardOf(subject).getByRole('combobox', { name: /^Informationsmöte/ });
    await meetingOf(subjects[0]!).waitFor({ timeout: 20_000 });
    for (const subject of subjects) {
      await expect(
        cardOf(subject).getByRole('combobox', { name: /^Typ/ }).inputValue(),
      ).resolves.toBe('info-meeting-signup');
      await cardOf(subject)
        .getByRole('combobox', { name: /^Enhet/ })
        .selectOption(manager.unitId);
    }
    await expect(meetingOf(subjects[0]!).inputValue()).resolves.toBe('im-2027-1');
    await expect(meetingOf(subjects[0]!).locator('option:checked').textContent()).resolves.toMatch(
      /^16 feb/,
    );
    await expect(meetingOf(subjects[1]!).inputValue()).resolves.toBe('');
    const confirmUnsure = cardOf(subjects[1]!).getByRole('button', { name: 'Bekräfta' });
    await expect(confirmUnsure.isDisabled()).resolves.toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}/coordinator-triage-meeting.png`, fullPage: true });
    await expectAccessible(page, 'triage meeting choice');

    await cardOf(subjects[0]!).getByRole('button', { name: 'Bekräfta' }).click();
    await page.getByText('Beslutat: 1').waitFor({ timeout: 20_000 });
    await meetingOf(subjects[1]!).selectOption('im-2027-3');
    await confirmUnsure.click();
    await page.getByText('Beslutat: 2').waitFor({ timeout: 20_000 });

    // Each sender's confirmation goes out for the meeting decided, once (Exchange has sent it: the
    // shared mailbox's Sent Items holds it), and each mail is recorded for that meeting.
    const sentItems = async () =>
      (
        (await (
          await emulator(`messages?upn=${encodeURIComponent(SHARED)}&folder=Sent%20Items`)
        ).json()) as { value: { id: string; subject: string }[] }
      ).value.filter((m) => m.subject.startsWith('Anmälan till informationsmöte bekräftad'));
    await expect.poll(async () => (await sentItems()).length, { timeout: 30_000 }).toBe(2);
    const sent = await Promise.all(
      (await sentItems()).map((m) =>
        server.graph.json<{
          body: { content: string };
          toRecipients: { emailAddress: { address: string } }[];
        }>({ path: `/users/${SHARED}/messages/${m.id}`, query: { $select: 'body,toRecipients' } }),
      ),
    );
    for (const m of sent)
      expect(m.toRecipients.map((r) => r.emailAddress.address)).toEqual([unit.managerEmail]);
    const days = sent.map((m) => /(16 februari|2 mars) 2027/.exec(m.body.content)?.[1]).sort();
    expect(days).toEqual(['16 februari', '2 mars']);
    expect((await server.store.mails.get(keyOf(likely)))?.details).toMatchObject({
      infoMeeting: { id: 'im-2027-1', certain: true },
    });
    expect((await server.store.mails.get(keyOf(unsure)))?.details).toMatchObject({
      infoMeeting: { id: 'im-2027-3', certain: true },
    });
    await page.close();
  });

  it('a coordinator sorts and filters the unit table and opens a unit page', async () => {
    const page = await signIn('Maria Lindqvist', { width: 390 });
    await page.getByRole('tab', { name: 'Enheter' }).click();
    const table = page.getByTestId('unit-table');
    await table.getByRole('row').nth(1).waitFor();
    const names = async () => table.getByRole('row').locator('td:first-child').allTextContents();
    const ascending = await names();
    await page.getByRole('columnheader', { name: 'Enhet' }).click();
    const descending = (list: string[]) =>
      list.every((name, i) => i === 0 || list[i - 1]!.localeCompare(name, 'sv') >= 0);
    await expect
      .poll(async () => descending(await names()) && (await names())[0] !== ascending[0])
      .toBe(true);
    await expect(
      page.getByRole('columnheader', { name: 'Enhet' }).getAttribute('aria-sort'),
    ).resolves.toBe('descending');
    await page.getByRole('textbox', { name: 'Sök enhet' }).fill(manager.unitName);
    await expect.poll(async () => (await names()).length).toBeGreaterThan(0);
    for (const name of await names())
      expect(name.toLowerCase()).toContain(manager.unitName.toLowerCase());
    await page.screenshot({ path: `${ARTIFACTS}/coordinator-units-phone.png`, fullPage: true });
    await expectAccessible(page, 'unit table');
    await table.getByRole('button', { name: manager.unitName }).first().click();
    await page.getByRole('heading', { name: manager.unitName, level: 2 }).waitFor();
    await page.getByText('Historik').waitFor();
    await page.close();
  });

  it('a unit manager sees only their unit and withdraws it after confirming', async () => {
    const page = await signIn(manager.name);
    await expect(page.getByRole('tab', { name: 'Granska mejl' }).count()).resolves.toBe(0);
    await expect(page.getByRole('tab', { name: 'Enheter' }).count()).resolves.toBe(0);
    await page.getByRole('tab', { name: 'Vår enhet' }).click();
    await page.getByRole('heading', { name: manager.unitName }).waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/unit-manager.png`, fullPage: true });
    await expectAccessible(page, 'our unit');
    await page.getByRole('button', { name: 'Ta tillbaka vår anmälan' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Ta tillbaka anmälan?').waitFor();
    // Cancelling changes nothing.
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    expect((await server.store.participations.get(manager.unitId, 2026))?.state).not.toBe(
      'withdrawn',
    );
    await page.getByRole('button', { name: 'Ta tillbaka vår anmälan' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ja, ta tillbaka' }).click();
    await page.getByText('Anmälan är tillbakatagen.').waitFor({ timeout: 20_000 });
    await expect
      .poll(async () => (await server.store.participations.get(manager.unitId, 2026))?.state)
      .toBe('withdrawn');
    await page.close();
  });

  it('an examiner declares a conflict of interest', async () => {
    const examiner = `${EXAMINERS[0]!.given} ${EXAMINERS[0]!.surname}`;
    const page = await signIn(examiner);
    await expect(page.getByRole('tab', { name: 'Granska mejl' }).count()).resolves.toBe(0);
    await page.getByRole('tab', { name: 'Jäv' }).click();
    await page.getByText('Du har inte anmält något jäv.').waitFor({ timeout: 20_000 });
    await page.getByRole('combobox', { name: 'Enhet' }).selectOption({ label: manager.unitName });
    await page.getByRole('textbox', { name: 'Skäl (valfritt)' }).fill('Min syster arbetar där');
    await expectAccessible(page, 'conflicts');
    await page.getByRole('button', { name: 'Anmäl jäv' }).click();
    await page.getByTestId('conflicts').getByText(manager.unitName).waitFor({ timeout: 20_000 });
    await page.screenshot({ path: `${ARTIFACTS}/examiner-conflicts.png`, fullPage: true });
    const declared = await server.store.examinerTeams.conflicts(2026);
    expect(declared).toContainEqual(
      expect.objectContaining({ unitId: manager.unitId, reason: 'Min syster arbetar där' }),
    );
    // Their units view shows no unit they do not examine.
    await page.getByRole('tab', { name: 'Mina enheter' }).click();
    await page.getByText('Inga enheter att visa.').waitFor({ timeout: 20_000 });
    await page.close();
  });

  it('keeps a script in a mail body or a unit name inert', async () => {
    // A unit whose name carries markup, and a mail about it whose HTML body carries scripts.
    const unit = (await server.store.units.get(manager.unitId))!;
    const evil = {
      ...unit,
      id: 'unit-xss',
      name: XSS_NAME,
      managerEmail: 'nobody@stockholm.example',
    };
    await server.store.units.upsert(evil);
    await server.store.participations.applyTransition('unit-xss', 2026, () => ({
      unitId: 'unit-xss',
      year: 2026,
      state: 'pre-registered',
      history: [
        {
          from: null,
          to: 'pre-registered',
          at: '2026-03-01T09:00:00+01:00',
          actor: { id: 'test' },
          source: { kind: 'system', ref: 'xss-test' },
        },
      ],
    }));
    const draft = await server.graph.json<{ id: string }>({
      method: 'POST',
      path: `/users/${SHARED}/messages`,
      body: {
        subject: 'Hej <b>där</b>',
        body: {
          contentType: 'html',
          content:
            '<p>Vi vill delta.</p><script>window.__xss=2</script><img src=x onerror="window.__xss=3"><a href="javascript:window.__xss=4">klicka</a>',
        },
      },
    });
    const key = { mailbox: SHARED, messageId: draft.id };
    await server.store.mails.recordSeen({
      ...key,
      subject: 'Hej <b>där</b>',
      from: 'x@example.org',
      receivedAt: new Date(),
    });
    await server.store.mails.resolve(key, {
      status: 'processed',
      unitId: 'unit-xss',
      classification: 'question',
    });

    const page = await signIn('Maria Lindqvist');
    await page.getByRole('tab', { name: 'Enheter' }).click();
    await page.getByRole('textbox', { name: 'Sök enhet' }).fill('onerror');
    await page.getByTestId('unit-table').getByRole('button', { name: XSS_NAME }).click();
    await page.getByRole('heading', { name: XSS_NAME, level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Visa mejlet' }).first().click();
    const frame = page.getByTestId('mail-body');
    await frame.waitFor();
    const srcdoc = (await frame.getAttribute('srcdoc')) ?? '';
    expect(srcdoc).toContain('Vi vill delta.');
    expect(srcdoc).not.toMatch(/<script|onerror|javascript:/i);
    expect(await frame.getAttribute('sandbox')).toBe('');
    await page
      .frameLocator('[data-testid="mail-body"]')
      .getByText('klicka')
      .click()
      .catch(() => undefined);
    await page.waitForTimeout(300);
    expect(
      await page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
    ).toBeUndefined();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}/xss-inert.png`, fullPage: true });
    await page.close();
  });

  it('keeps its contrast in the dark and high-contrast themes at phone width', async () => {
    for (const [name, look] of [
      ['dark', { colorScheme: 'dark' }],
      ['high-contrast', { forcedColors: 'active' }],
    ] as const) {
      const page = await signIn('Maria Lindqvist', { width: 390, ...look });
      await page.getByText('Läget i omgången').waitFor();
      await page.screenshot({ path: `${ARTIFACTS}/coordinator-${name}-phone.png`, fullPage: true });
      await expectAccessible(page, name);
      await page.close();
    }
  });

  it('speaks English when the host says English', async () => {
    const page = await browser.newPage({ locale: 'en-US' });
    await page.goto(`${server.url}/tab/?locale=en-US`);
    await page.getByRole('heading', { name: 'Sign in to the demo' }).waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: /^Maria Lindqvist/ }).click();
    await page.getByText('Coming dates').waitFor({ timeout: 20_000 });
    await page.close();
  });
});
