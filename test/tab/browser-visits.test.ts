// The tab's visits and reminders views in real (headless) Chromium against the running local mode
// with the visits and reminders features: a coordinator signs in through the local sign-in page,
// sees the visit calendar (booked and unbooked visits, the examiner teams) and the reminders with
// their counts, in Swedish and in English; axe-core finds no serious or critical violations. The
// reminders API answers coordinators only and refuses an unknown year with a message. A team leader
// books an unbooked visit and moves a booked one (a time taken meanwhile brings fresh times).
// Screenshots go to test-artifacts/tab/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeFeatures } from '../../server/jobs/intake.js';
import { remindersFeature } from '../../server/jobs/reminders.js';
import { tabFeature } from '../../server/jobs/tab.js';
import { createVisitsFeature } from '../../server/jobs/visits.js';
import { EXAMINERS, upnOf } from '../../emulator/seed/people.js';
import { DEMO_COORDINATOR, signedInFetch, tabToken } from '../support/tab-token.js';
import { expectAccessible, startTabBrowser, type TabBrowser } from '../support/tab-browser.js';
import type { TestServer } from '../server/harness.js';

const ARTIFACTS = 'test-artifacts/tab';

let tab: TabBrowser;
let server: TestServer;

beforeAll(async () => {
  // Before the site visits: the demo teams formed, units assigned, some visits booked.
  tab = await startTabBrowser({
    env: { AWARD_NOW: '2026-08-24T09:00:00+02:00' },
    features: [
      ...intakeFeatures(),
      remindersFeature(),
      tabFeature(),
      createVisitsFeature({ sweepMs: 0 }),
    ],
    artifacts: ARTIFACTS,
  });
  server = tab.server;
}, 300_000);

afterAll(async () => {
  await tab?.stop();
});

const signIn = (person: string, locale = 'sv-SE') => tab.signIn(person, { locale });

describe('the tab’s visits and reminders', { timeout: 120_000 }, () => {
  it('a coordinator sees the visit calendar with what is unbooked, and the teams', async () => {
    const teams = await server.store.examinerTeams.listTeams(2026);
    expect(teams.length).toBeGreaterThan(0);
    const page = await signIn('Maria Lindqvist');
    // Keyboard: the view is reached from the tab list.
    await page.getByRole('tab', { name: 'Besök' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Besökskalender' }).waitFor();
    const calendar = page.getByTestId('visit-calendar');
    await calendar.waitFor();
    // The seed leaves each team's last unit unbooked; the import books the rest.
    await expect(calendar.getByText('obokat').count()).resolves.toBeGreaterThan(0);
    await expect(calendar.getByText('bokat', { exact: true }).count()).resolves.toBeGreaterThan(0);
    await expect(page.getByTestId('visit-counts').textContent()).resolves.toMatch(
      /\d+ bokade, \d+ obokade/,
    );
    const teamTable = page.getByTestId('team-table');
    await teamTable.getByText(teams[0]!.name, { exact: true }).waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/coordinator-visits.png`, fullPage: true });
    await expectAccessible(page, 'coordinator visits');
    await page.close();
  });

  it('a coordinator sees the reminders, planned and sent, with counts, in English too', async () => {
    const page = await signIn('Maria Lindqvist');
    await page.getByRole('tab', { name: 'Påminnelser' }).click();
    const table = page.getByTestId('reminder-table');
    await table.waitFor();
    await expect(page.getByTestId('reminder-counts').textContent()).resolves.toMatch(
      /\d+ planerad, \d+ skickad, \d+ pausad, \d+ passerad/,
    );
    // In August the earlier deadlines are past and the site-visit documents reminder is ahead.
    await table.getByText('Inför platsbesöket').first().waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/coordinator-reminders.png`, fullPage: true });
    await expectAccessible(page, 'coordinator reminders');
    await page.close();

    const en = await signIn('Maria Lindqvist', 'en-GB');
    await en.getByRole('tab', { name: 'Reminders' }).click();
    await en.getByTestId('reminder-table').getByText('Before the site visit').first().waitFor();
    await en.close();
  });

  it('a coordinator pauses, resumes and sends a reminder now from the tab', async () => {
    const as = signedInFetch(await tabToken(server.emulatorUrl!, DEMO_COORDINATOR));
    const overview = (await (await as(`${server.url}/api/tab/reminders?year=2026`)).json()) as {
      rows: { occurrenceId: string; status: string }[];
    };
    const planned = overview.rows.filter((r) => r.status === 'planned');
    expect(planned.length).toBeGreaterThan(0);
    const page = await signIn('Maria Lindqvist');
    await page.getByRole('tab', { name: 'Påminnelser' }).click();
    const row = page.getByTestId(`reminder-${planned[0]!.occurrenceId}`);
    await row.getByRole('button', { name: 'Pausa' }).click();
    await row.getByText('pausad').waitFor();
    await expectAccessible(page, 'reminders with buttons');
    await row.getByRole('button', { name: 'Återuppta' }).click();
    await row.getByText('planerad').waitFor();
    await row.getByRole('button', { name: 'Skicka nu' }).click();
    await row.getByText('skickad').waitFor({ timeout: 30_000 });
    await expect(row.getByRole('button').count()).resolves.toBe(0);
    await page.close();
    // Sent is sent: the route says so rather than sending twice.
    const again = await as(
      `${server.url}/api/tab/reminders/${encodeURIComponent(planned[0]!.occurrenceId)}/send-now`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ year: 2026 }),
      },
    );
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { messageSv: string } }).error.messageSv).toMatch(
      /redan skickad/,
    );
  });

  it('an examiner sees the visits of their team only, and no reminders', async () => {
    const teams = await server.store.examinerTeams.listTeams(2026);
    const first = EXAMINERS[0]!;
    const upn = upnOf(first.given, first.surname);
    const mine = teams.filter((t) => t.members.some((m) => m.address === upn));
    expect(mine.length).toBeGreaterThan(0);
    const page = await signIn(`${first.given} ${first.surname}`);
    await expect(page.getByRole('tab', { name: 'Påminnelser' }).count()).resolves.toBe(0);
    await page.getByRole('tab', { name: 'Besök' }).click();
    await page.getByRole('heading', { name: 'Mina besök' }).waitFor();
    const calendar = page.getByTestId('visit-calendar');
    await calendar.waitFor();
    const others = teams.filter((t) => !mine.includes(t));
    for (const t of others)
      await expect(calendar.getByText(t.name, { exact: true }).count()).resolves.toBe(0);
    await expect(page.getByTestId('team-table').count()).resolves.toBe(0);
    await page.close();

    const res = await signedInFetch(await tabToken(server.emulatorUrl!, upn))(
      `${server.url}/api/tab/reminders?year=2026`,
    );
    expect(res.status).toBe(403);
  });

  it('a team leader books an unbooked visit of their team from the tab', async () => {
    const teams = await server.store.examinerTeams.listTeams(2026);
    const visits = await server.store.visits.listForYear(2026, 'site');
    const unbooked = (id: string) =>
      !visits.some((v) => v.unitId === id && (v.status === 'booked' || v.status === 'held'));
    const team = teams.find((t) => t.unitIds.some(unbooked))!;
    const unitId = team.unitIds.find(unbooked)!;
    const unit = (await server.store.units.get(unitId))!;
    const leader = team.members.find((m) => m.address === team.leader)!;
    const page = await signIn(leader.name ?? leader.address);
    await page.getByRole('tab', { name: 'Besök' }).click();
    const row = page.getByTestId('visit-calendar').getByRole('row').filter({ hasText: unit.name });
    await row.getByRole('button', { name: 'Hitta tid' }).click();
    const book = row.getByRole('button', { name: /^Boka / }).first();
    await book.waitFor({ timeout: 30_000 });
    await expectAccessible(page, 'team leader booking');
    await book.click();
    await page.getByText('Besöket är bokat').waitFor({ timeout: 30_000 });
    await row.getByText('bokat', { exact: true }).waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/team-leader-booked.png`, fullPage: true });
    const visit = (await server.store.visits.listForUnit(unitId, 2026)).find(
      (v) => v.kind === 'site',
    );
    expect(visit?.status).toBe('booked');
    await page.close();
  });

  it('a team leader moves a booked visit; a time taken meanwhile brings fresh times', async () => {
    const teams = await server.store.examinerTeams.listTeams(2026);
    const booked = (await server.store.visits.listForYear(2026, 'site'))
      .filter((v) => v.status === 'booked' && v.eventId && v.start)
      .sort((a, b) => Date.parse(b.start!) - Date.parse(a.start!))[0]!;
    const team = teams.find((t) => t.unitIds.includes(booked.unitId))!;
    const unit = (await server.store.units.get(booked.unitId))!;
    const leader = team.members.find((m) => m.address === team.leader)!;
    const page = await signIn(leader.name ?? leader.address);
    await page.getByRole('tab', { name: 'Besök' }).click();
    const row = page
      .getByTestId('visit-calendar')
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: unit.name, exact: true }) });
    await row.getByRole('button', { name: 'Flytta', exact: true }).click();
    const times = row.getByRole('button', { name: /^Flytta till / });
    await times.first().waitFor({ timeout: 30_000 });
    await row.getByText(/^Nu bokat: /).waitFor();
    await expectAccessible(page, 'team leader moving a visit');

    // Meanwhile the unit manager's calendar fills at the first proposed time.
    const as = signedInFetch(await tabToken(server.emulatorUrl!, team.leader));
    const q = `unitId=${encodeURIComponent(unit.id)}&kind=site&year=2026`;
    const first = (
      (await (await as(`${server.url}/api/tab/visits/move/proposals?${q}`)).json()) as {
        slots: { start: string; end: string }[];
      }
    ).slots[0]!;
    const utc = (iso: string) => new Date(iso).toISOString().slice(0, 19);
    await server.graph.json({
      method: 'POST',
      path: `/users/${unit.managerEmail}/events`,
      body: {
        subject: 'Ledningsgrupp',
        start: { dateTime: utc(first.start), timeZone: 'UTC' },
        end: { dateTime: utc(first.end), timeZone: 'UTC' },
      },
    });
    const label = await times.first().textContent();
    await times.first().click();
    await row.getByText('Tiden hann bokas av någon annan: välj en annan.').waitFor();
    await expect.poll(() => times.first().textContent()).not.toBe(label);
    await page.screenshot({ path: `${ARTIFACTS}/team-leader-move-409.png`, fullPage: true });

    await times.first().click();
    await page.getByTestId('visit-notice').getByText('Besöket är flyttat').waitFor();
    await row.getByRole('button', { name: 'Flytta', exact: true }).waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/team-leader-moved.png`, fullPage: true });
    const moved = (await server.store.visits.get(booked.id))!;
    expect(moved.eventId).toBe(booked.eventId);
    expect(moved.start).not.toBe(booked.start);
    expect(Date.parse(moved.start!)).not.toBe(Date.parse(first.start));
    await page.close();
  });

  it('the reminders API refuses an unknown year with a message', async () => {
    const as = signedInFetch(await tabToken(server.emulatorUrl!, DEMO_COORDINATOR));
    const bad = await as(`${server.url}/api/tab/reminders?year=1999`);
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { messageSv: string } };
    expect(body.error.messageSv).toMatch(/ingen omgång/);
    const ok = await as(`${server.url}/api/tab/reminders?year=2026`);
    expect(ok.status).toBe(200);
    const data = (await ok.json()) as { year: number; rows: { status: string }[] };
    expect(data.year).toBe(2026);
    expect(data.rows.length).toBeGreaterThan(0);
  });
  it('a coordinator assigns as proposed; a conflict declared meanwhile is refused with its message', async () => {
    // One more unit found eligible, waiting for a team.
    const year = 2026;
    const model = (await server.store.units.list())[0]!;
    const unit = {
      ...model,
      id: 'unit-assign-test',
      name: 'Förskolan Fördelningen',
      managerEmail: 'nobody@stockholm.example',
    };
    await server.store.units.upsert(unit);
    await server.store.participations.applyTransition(unit.id, year, () => ({
      unitId: unit.id,
      year,
      state: 'eligible',
      history: [
        {
          from: null,
          to: 'eligible',
          at: '2026-06-01T09:00:00+02:00',
          actor: { id: 'test' },
          source: { kind: 'system', ref: 'assign-test' },
        },
      ],
    }));
    const coordinator = signedInFetch(await tabToken(server.emulatorUrl!, DEMO_COORDINATOR));
    const proposal = (await (
      await coordinator(`${server.url}/api/tab/visits/assignment?year=${year}`)
    ).json()) as { assignments: { unitId: string; teamId: string }[] };
    const teamId = proposal.assignments.find((a) => a.unitId === unit.id)!.teamId;
    const team = (await server.store.examinerTeams.getTeam(teamId))!;

    const page = await signIn('Maria Lindqvist');
    await page.getByRole('tab', { name: 'Besök' }).click();
    const table = page.getByTestId('assignment-table');
    await table.getByText(unit.name, { exact: true }).waitFor();
    await expectAccessible(page, 'assignment');
    // Meanwhile a member of the proposed team declares a conflict with the unit (in the bot).
    await server.store.examinerTeams.declareConflict({
      year,
      address: team.members[0]!.address,
      unitId: unit.id,
      reason: 'Släkting',
    });
    await page.getByRole('button', { name: 'Fördela enligt förslaget' }).click();
    // The visits route's 409, in the server's Swedish words, not a generic failure.
    const error = page.getByTestId('assignment-error');
    await error.waitFor();
    await expect(error.textContent()).resolves.toContain(
      `${team.name} kan inte examinera ${unit.name}: ${team.members[0]!.address.toLowerCase()} (anmält jäv)`,
    );
    await page.screenshot({ path: `${ARTIFACTS}/coordinator-assignment-409.png`, fullPage: true });
    expect(await server.store.examinerTeams.assignment(unit.id, year)).toBeUndefined();
    // The view asks again: the new proposal no longer gives the unit to that team.
    await expect
      .poll(async () =>
        (await table.getByRole('row').filter({ hasText: unit.name }).allTextContents()).join(),
      )
      .not.toContain(team.name);
    await page.close();
  });
});
