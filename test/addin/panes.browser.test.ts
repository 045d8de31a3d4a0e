// The Outlook add-in's panes in real (headless) Chromium against the local mode, with Office.js
// routed from Microsoft's CDN address to the local Office stand-in (a mocked mailbox item and
// appointment). The organizer pane fills exactly the visit's start, end, attendees, location, subject
// and body and records the visit once; the mail pane shows a seeded mail's classification and a
// correction moves the unit, and a signup naming no meeting opens with the likely one chosen; a mail
// outside the shared mailbox, a non-coordinator, someone who leads no team and a time taken
// meanwhile each get a clear answer. Screenshots: test-artifacts/addin/.
import { readFileSync } from 'node:fs';
import type { Event } from '@microsoft/microsoft-graph-types';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIL_KIND_LABELS } from '../../core/intake/index.js';
import { PARTICIPATION_STATE_LABELS } from '../../core/participation.js';
import type { IntakeService } from '../../features/intake/index.js';
import type { VisitsService } from '../../features/visits/index.js';
import { intakeFeatures } from '../../server/jobs/intake.js';
import { createVisitsFeature } from '../../server/jobs/visits.js';
import type { ExaminerTeamRecord } from '../../store/index.js';
import { DEMO_COORDINATOR, tabToken } from '../support/tab-token.js';
import { expectAccessible, startTabBrowser, type TabBrowser } from '../support/tab-browser.js';
import type { TestServer } from '../server/harness.js';

const ARTIFACTS = 'test-artifacts/addin';
const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const STAND_IN = readFileSync(
  new URL('../../tab/public/addin/office-standin.js', import.meta.url),
  'utf8',
);
const SHARED = 'kvalitetsutmarkelsen@stockholm.example';
const YEAR = 2026;

let server: TestServer;
let browser: Browser;
let intake!: IntakeService;
let visits!: VisitsService;
let teams: ExaminerTeamRecord[];

let tab: TabBrowser;

beforeAll(async () => {
  tab = await startTabBrowser({
    env: { AWARD_NOW: '2026-08-24T09:00:00+02:00' },
    features: [
      ...intakeFeatures({ onService: (s) => (intake = s) }),
      createVisitsFeature({ sweepMs: 0, onService: (s) => (visits = s) }),
    ],
    artifacts: ARTIFACTS,
  });
  ({ server, browser } = tab);
  await intake.idle();
  teams = await server.store.examinerTeams.listTeams(YEAR);
}, 300_000);

afterAll(async () => {
  await tab?.stop();
});

/** A pane as Outlook would open it, with Office.js from the CDN answered by the stand-in. */
async function openPane(
  pane: 'mail' | 'appointment',
  standIn: Record<string, string>,
): Promise<Page> {
  const page = await browser.newPage({ locale: 'sv-SE', viewport: { width: 360, height: 900 } });
  await page.route(OFFICE_CDN, (route) =>
    route.fulfill({ contentType: 'text/javascript', body: STAND_IN }),
  );
  await page.addInitScript((settings) => {
    (window as unknown as { __officeStandIn: unknown }).__officeStandIn = settings;
  }, standIn);
  await page.goto(`${server.url}/tab/addin/${pane}.html`);
  return page;
}

async function unbookedOf(team: ExaminerTeamRecord): Promise<string | undefined> {
  return (await visits.calendar(YEAR, 'site', [team.id])).find((r) => r.status === 'unbooked')?.ref
    .unitId;
}

interface Filled {
  start?: string;
  end?: string;
  subject?: string;
  location?: string;
  body?: string;
  bodyType?: string;
  requiredAttendees: { emailAddress: string }[];
}

const filled = (page: Page) =>
  page.evaluate(() => {
    const s = (window as unknown as { __officeStandInState: { appointment: Filled } })
      .__officeStandInState.appointment;
    return {
      ...s,
      start: s.start ? new Date(s.start).toISOString() : undefined,
      end: s.end ? new Date(s.end).toISOString() : undefined,
    };
  });

const iso = (s: string) => new Date(s).toISOString();

// Like the tab's browser tests: a browser's waits (30 s each by default) need more than the
// runner's 30 s per test on a loaded machine.
describe('the "Boka besök" organizer pane', { timeout: 120_000 }, () => {
  it('fills exactly the chosen slot, the team and unit manager, the visiting address and the documents, and records the visit once', async () => {
    const team = teams[0]!;
    const unitId = (await unbookedOf(team))!;
    const unit = (await server.store.units.get(unitId))!;
    const token = await tabToken(server.emulatorUrl!, team.leader);
    const proposals = (await (
      await fetch(`${server.url}/api/tab/addin/visits/proposals?unitId=${unitId}&kind=site`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as { slots: { start: string; end: string }[] };
    const slot = proposals.slots[0]!;

    const page = await openPane('appointment', { user: team.leader, item: 'appointment' });
    await page.getByRole('button', { name: new RegExp(`^${unit.name} \\(Platsbesök\\)`) }).click();
    await page.getByTestId('slots').getByRole('button').first().click();
    await page.getByText('Mötet är ifyllt').waitFor();

    const a = await filled(page);
    expect(a.start).toBe(iso(slot.start));
    expect(a.end).toBe(iso(slot.end));
    const expected = [
      ...team.members.map((m) => m.address).filter((x) => x !== team.leader),
      unit.managerEmail.toLowerCase(),
    ];
    expect(a.requiredAttendees.map((p) => p.emailAddress).sort()).toEqual(
      [...new Set(expected)].sort(),
    );
    const v = unit.visitingAddress!;
    expect(a.location).toBe(`${unit.name}, ${v.street}, ${v.postalCode} ${v.city}`);
    expect(a.subject).toBe(`Platsbesök Kvalitetsutmärkelsen: ${unit.name}`);
    expect(a.bodyType).toBe('html');
    expect(a.body).toContain('Verksamhetsplan');
    expect(a.body).toContain('Dokumentation av medarbetarenkät');

    await page.getByRole('button', { name: 'Spara och registrera besöket' }).click();
    await page.getByText('Besöket är registrerat').waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/appointment-recorded.png`, fullPage: true });
    await expectAccessible(page, 'pane');
    const visit = (await visits.getVisit({ unitId, year: YEAR, kind: 'site' }))!;
    expect(visit.status).toBe('booked');
    expect(iso(visit.start!)).toBe(iso(slot.start));

    // Saved and recorded again (a second click): the same event, the same visit.
    await page.getByRole('button', { name: 'Spara och registrera besöket' }).click();
    await page.getByText('Besöket var redan registrerat').waitFor();
    const events = await server.graph.json<{ value: Event[] }>({
      path: `/users/${team.leader}/calendarView`,
      query: { startDateTime: slot.start, endDateTime: slot.end, $top: 50 },
    });
    const mine = events.value.filter((e) => e.subject === a.subject);
    expect(mine).toHaveLength(1);
    expect((await visits.getVisit({ unitId, year: YEAR, kind: 'site' }))!.eventId).toBe(
      mine[0]!.id,
    );
    await page.close();
  });

  it('shows fresh proposals when the time was taken meanwhile', async () => {
    const team = teams[1]!;
    const unitId = (await unbookedOf(team))!;
    const unit = (await server.store.units.get(unitId))!;
    const page = await openPane('appointment', { user: team.leader, item: 'appointment' });
    await page.getByRole('button', { name: new RegExp(`^${unit.name} \\(Platsbesök\\)`) }).click();
    await page.getByTestId('slots').getByRole('button').first().click();
    await page.getByText('Mötet är ifyllt').waitFor();
    const { start, end } = await filled(page);
    // Another booking takes the team's hour between filling and saving.
    const held = await server.store.visits.reserve(
      {
        id: `${YEAR}:feedback:${unitId}`,
        unitId,
        year: YEAR,
        kind: 'feedback',
        status: 'booking',
        start: start!,
        end: end!,
      },
      team.members.map((m) => m.address),
    );
    expect(held.reserved).toBe(true);
    await page.getByRole('button', { name: 'Spara och registrera besöket' }).click();
    await page.getByText('Tiden hann bokas av någon annan').waitFor();
    await page.getByTestId('slots').getByRole('button').first().waitFor();
    const times = await page.getByTestId('slots').getByRole('button').allTextContents();
    expect(times.length).toBeGreaterThan(0);
    await page.screenshot({ path: `${ARTIFACTS}/appointment-taken.png`, fullPage: true });
    expect((await visits.getVisit({ unitId, year: YEAR, kind: 'site' }))?.status).not.toBe(
      'booked',
    );
    await page.close();
  });

  it('tells someone who leads no team that there is nothing to book', async () => {
    const page = await openPane('appointment', { user: DEMO_COORDINATOR, item: 'appointment' });
    await page.getByRole('alert').getByText('Du leder inget examinatorslag').waitFor();
    expect(await page.getByRole('button').count()).toBe(0);
    await page.close();
    // In English when Outlook's display language is English.
    const english = await openPane('appointment', {
      user: DEMO_COORDINATOR,
      item: 'appointment',
      displayLanguage: 'en-US',
    });
    await english.getByRole('heading', { name: 'Book a visit' }).waitFor();
    await english.getByRole('alert').getByText('You lead no examiner team').waitFor();
    await english.close();
  });
});

describe('the mail read pane', { timeout: 120_000 }, () => {
  it('shows how a seeded mail was classified and a coordinator’s correction moves the unit', async () => {
    // A seeded mail about one unit that the intake left to a coordinator (a registration or
    // withdrawal it was unsure of), whose unit may still withdraw; the coordinator decides withdrawal.
    let item: Awaited<ReturnType<typeof intake.listTriage>>[number] | undefined;
    for (const i of await intake.listTriage({ limit: 100 })) {
      if (i.suggestedKind !== 'withdrawal' && i.suggestedKind !== 'pre-registration') continue;
      if (!i.suggestedUnitId) continue;
      const p = await server.store.participations.get(i.suggestedUnitId, YEAR);
      const mayWithdraw = ['interested', 'pre-registered', 'submitted', 'in-protocol', 'eligible'];
      if (p && !mayWithdraw.includes(p.state)) continue;
      item = i;
      break;
    }
    if (!item) throw new Error('no triage mail about one unit in the seeded mailbox');
    const suggested = item.suggestedKind as 'withdrawal' | 'pre-registration';
    const record = await server.store.mails.get({ mailbox: SHARED, messageId: item.messageId });
    const unit = (await server.store.units.get(item.suggestedUnitId!))!;
    const page = await openPane('mail', {
      user: DEMO_COORDINATOR,
      item: 'message',
      internetMessageId: record!.internetMessageId!,
      mailbox: SHARED,
    });
    await page.getByTestId('kind').getByText(MAIL_KIND_LABELS[suggested].sv).waitFor();
    await page.getByText('Väntar på en samordnare').waitFor();
    expect(await page.getByTestId('reasons').locator('li').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('units').textContent()).toContain(unit.name);
    await page.screenshot({ path: `${ARTIFACTS}/mail-triage.png`, fullPage: true });
    await expectAccessible(page, 'pane');

    if (suggested !== 'withdrawal') {
      await page.getByRole('combobox', { name: 'Typ' }).click();
      await page.getByRole('option', { name: MAIL_KIND_LABELS.withdrawal.sv }).click();
    }
    await page.getByRole('button', { name: 'Spara beslutet' }).click();
    await page.getByText('Beslutet är sparat.').waitFor();
    await page
      .getByTestId('units')
      .getByText(`${unit.name}: ${PARTICIPATION_STATE_LABELS.withdrawn.sv}`)
      .waitFor();
    expect((await server.store.participations.get(unit.id, YEAR))?.state).toBe('withdrawn');
    // Decided now: by whom, no longer waiting; correcting it again stays possible.
    await page.getByText(/^Beslutat av /).waitFor();
    expect(await page.getByText('Väntar på en samordnare').count()).toBe(0);
    await page.close();
  });

  it('opens a signup naming no meeting with the likely meeting chosen, and saving signs it up for that one', async () => {
    // A unit manager signs up without saying which meeting while all 2027 meetings are ahead.
    const unit = (await server.store.units.list())[0]!;
    const subject = 'Anmälan till informationsmöte (tilläggstest)';
    const delivered = await fetch(`${server.emulatorUrl}/_admin/deliver`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        to: SHARED,
        from: { name: unit.managerName, address: unit.managerEmail },
        subject,
        body: `Hej!\nJag vill gärna komma på informationsmötet om Kvalitetsutmärkelsen.\nMvh ${unit.managerName}`,
      }),
    });
    expect(delivered.status).toBe(200);
    await intake.syncNow();
    await intake.idle();
    const item = (await intake.listTriage({ limit: 500 })).find((i) => i.subject === subject);
    expect(item?.suggestedMeetingId).toBe('im-2027-1');
    const key = { mailbox: SHARED, messageId: item!.messageId };
    const page = await openPane('mail', {
      user: DEMO_COORDINATOR,
      item: 'message',
      internetMessageId: (await server.store.mails.get(key))!.internetMessageId!,
      mailbox: SHARED,
    });
    const meeting = page.getByRole('combobox', { name: 'Informationsmöte' });
    await meeting.waitFor();
    await expect(meeting.textContent()).resolves.toMatch(/16 feb/);
    await page.screenshot({ path: `${ARTIFACTS}/mail-meeting-choice.png`, fullPage: true });
    await page.getByRole('button', { name: 'Spara beslutet' }).click();
    await page.getByText('Beslutet är sparat.').waitFor();
    await expect
      .poll(async () => (await server.store.mails.get(key))?.details, { timeout: 20_000 })
      .toMatchObject({ infoMeeting: { id: 'im-2027-1', certain: true } });
    // Its confirmation has gone out (Sent Items holds it): nothing is left pending in the emulator.
    const sentItems = async () =>
      (
        (await (
          await fetch(
            `${server.emulatorUrl}/_admin/messages?upn=${encodeURIComponent(SHARED)}&folder=Sent%20Items`,
          )
        ).json()) as { value: { subject: string }[] }
      ).value.filter((m) => m.subject.startsWith('Anmälan till informationsmöte bekräftad'));
    await expect.poll(async () => (await sentItems()).length, { timeout: 30_000 }).toBe(1);
    await page.close();
  });

  it('says so for a mail outside the shared mailbox and for someone who is not a coordinator, with no actions', async () => {
    const someMail = (await server.store.mails.list({ mailbox: SHARED, limit: 1 }))[0]!;
    const outside = await openPane('mail', {
      user: DEMO_COORDINATOR,
      item: 'message',
      internetMessageId: '<a-private-mail@stockholm.example>',
    });
    await outside
      .getByRole('alert')
      .getByText(/inte i Kvalitetsutmärkelsens funktionsbrevlåda/)
      .waitFor();
    expect(await outside.getByRole('button').count()).toBe(0);
    await outside.close();

    const manager = (await server.store.units.list())[0]!.managerEmail;
    const notCoordinator = await openPane('mail', {
      user: manager,
      item: 'message',
      internetMessageId: someMail.internetMessageId!,
      mailbox: SHARED,
    });
    await notCoordinator
      .getByRole('alert')
      .getByText(/ingår inte i din roll/)
      .waitFor();
    expect(await notCoordinator.getByRole('button').count()).toBe(0);
    await notCoordinator.close();
  });
});
