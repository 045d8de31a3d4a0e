import mammoth from 'mammoth';
import { extractText } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { countNonSpace } from './application-text.js';
import {
  buildDemoTenant,
  buildLabelledDemoTenant,
  buildLabelledDemoTenantFresh,
  type LabelledDemoTenant,
} from './tenant.js';

const SHARED = 'kvalitetsutmarkelsen@stockholm.example';
let built: LabelledDemoTenant;

beforeAll(async () => {
  built = await buildLabelledDemoTenant();
});

async function attachmentText(name: string, base64: string): Promise<string> {
  const bytes = Buffer.from(base64, 'base64');
  if (name.endsWith('.pdf'))
    return (await extractText(new Uint8Array(bytes), { mergePages: true })).text;
  return (await mammoth.extractRawText({ buffer: bytes })).value;
}

function inbox() {
  return built.sharedMailbox.filter((m) => m.folder === 'inbox');
}

describe('the demo tenant', () => {
  it('is the same on every build', async () => {
    const again = await buildLabelledDemoTenantFresh();
    expect(again).toEqual(built);
  });

  it('hands every caller its own copy', async () => {
    const a = await buildDemoTenant();
    a.users.pop();
    expect((await buildDemoTenant()).users).toHaveLength(built.tenant.users.length);
  });

  it('has the agreed ids, app registration and scopes', () => {
    const { tenant } = built;
    expect(tenant.tenantId).toBe('5f1c3a2e-7b4d-4e8a-9c61-2d0b8e4f9a17');
    expect(tenant.app.clientId).toBe('0a7d9e3c-1b2f-4c5d-8e6f-7a8b9c0d1e2f');
    expect(tenant.app.clientSecret).toBe('local-demo-secret-kvalitet');
    expect(tenant.app.roles).toEqual(expect.arrayContaining(['User.Read.All', 'Group.Read.All']));
    // Mail and calendars only through Exchange RBAC for Applications, never tenant-wide.
    expect(tenant.app.roles.filter((r) => /^(Mail|MailboxSettings|Calendars)\./.test(r))).toEqual(
      [],
    );
    expect(tenant.app.rbacRoles).toEqual(
      expect.arrayContaining([
        'Application Mail.ReadWrite',
        'Application Mail.Send',
        'Application MailboxSettings.ReadWrite',
        'Application Calendars.ReadWrite',
      ]),
    );
    expect(tenant.app.mailboxScope).toEqual([SHARED]);
    for (const team of tenant.extras.examinerTeams)
      expect(tenant.app.calendarScope).toEqual(expect.arrayContaining(team.memberUpns));
    for (const unit of tenant.extras.units)
      expect(tenant.app.calendarScope).toContain(unit.managerEmail);
    expect(tenant.app.calendarScope).toContain(SHARED);
    const shared = tenant.users.find((u) => u.userPrincipalName === SHARED);
    expect(shared?.displayName).toBe('Kvalitetsutmärkelsen');
  });

  it('has about sixty units in all five classes and several boards, each managed by a user of the tenant', () => {
    const { units, organisations } = built.tenant.extras;
    expect(units.length).toBeGreaterThanOrEqual(55);
    expect(units.length).toBeLessThanOrEqual(65);
    expect(new Set(units.map((u) => u.classId))).toEqual(
      new Set(['forskola', 'skola', 'aldreomsorg', 'socialtjanst', 'andra']),
    );
    expect(organisations.filter((o) => o.kind === 'district').length).toBeGreaterThanOrEqual(10);
    expect(organisations.some((o) => o.kind === 'company')).toBe(true);
    const upns = new Set(built.tenant.users.map((u) => u.userPrincipalName));
    for (const unit of units) {
      expect(upns.has(unit.managerEmail), unit.name).toBe(true);
      expect(organisations.some((o) => o.id === unit.organisationId)).toBe(true);
    }
    expect(units.some((u) => (u.staffCount ?? 0) < 5)).toBe(true);
    expect(units.some((u) => u.ownership === 'private' && (u.stockholmShare ?? 1) < 0.51)).toBe(
      true,
    );
    expect(new Set(units.map((u) => u.id)).size).toBe(units.length);
  });

  it('has the coordinator and examiner groups, and examiner teams led by their members', () => {
    const { groups, extras } = built.tenant;
    const byNick = new Map(groups.map((g) => [g.group.mailNickname, g]));
    expect(byNick.get('kvalitet-samordnare')?.memberUpns).toEqual(extras.coordinators);
    expect(extras.coordinators).toHaveLength(3);
    const examiners = byNick.get('kvalitet-examinatorer')!.memberUpns;
    expect(examiners.length).toBeGreaterThanOrEqual(18);
    expect(extras.examinerTeams.length).toBeGreaterThanOrEqual(5);
    const unitIds = new Set(extras.units.map((u) => u.id));
    for (const team of extras.examinerTeams) {
      expect(team.memberUpns).toContain(team.leaderUpn);
      for (const m of team.memberUpns) expect(examiners).toContain(m);
      for (const id of team.unitIds) expect(unitIds.has(id)).toBe(true);
    }
  });

  it('has participations for known units, with jury results and earlier winners', () => {
    const { participations, previousResults, units } = built.tenant.extras;
    const ids = new Set(units.map((u) => u.id));
    for (const p of [...participations, ...previousResults]) expect(ids.has(p.unitId)).toBe(true);
    const current = participations.filter((p) => p.year === 2026);
    expect(current.filter((p) => p.juryResult === 'winner').length).toBeGreaterThanOrEqual(5);
    expect(current.some((p) => p.state === 'withdrawn')).toBe(true);
    expect(current.some((p) => p.state === 'not-eligible')).toBe(true);
    expect(previousResults.some((r) => r.year === 2025 && r.result === 'winner')).toBe(true);
  });
});

describe('the shared mailbox', () => {
  it('holds a realistic mix of the cycle so far, February to June, plus a few replies in sent items', () => {
    const mails = inbox();
    expect(mails.length).toBeGreaterThanOrEqual(40);
    const kinds = new Set(mails.map((m) => m.label?.kind));
    for (const kind of [
      'pre-registration',
      'withdrawal',
      'submission',
      'board-protocol',
      'info-meeting-signup',
      'question',
      'auto-reply',
      'other',
    ]) {
      expect(kinds.has(kind as never), kind).toBe(true);
    }
    for (const m of mails) {
      const at = m.message.receivedDateTime!;
      expect(at >= '2026-02-01' && at < '2026-07-01', m.message.subject!).toBe(true);
    }
    const sent = built.sharedMailbox.filter((m) => m.folder === 'sentitems');
    expect(sent.length).toBeGreaterThanOrEqual(3);
    for (const m of sent) expect(m.message.from?.emailAddress?.address).toBe(SHARED);
  });

  it('gives every message the properties Graph clients select', () => {
    const ids = new Set<string>();
    for (const { message: m, attachments } of built.tenant.mailboxes[SHARED]!.messages) {
      expect(m.from?.emailAddress?.address).toMatch(/@/);
      expect(m.toRecipients?.length).toBeGreaterThan(0);
      expect(typeof m.subject).toBe('string');
      expect(['text', 'html']).toContain(m.body?.contentType);
      expect(m.receivedDateTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(m.sentDateTime! <= m.receivedDateTime!).toBe(true);
      expect(m.internetMessageId).toMatch(/^<.+@.+>$/);
      expect(m.conversationId).toBeTruthy();
      expect(m.hasAttachments).toBe((attachments ?? []).some((a) => !a.isInline));
      expect(typeof m.isRead).toBe('boolean');
      expect(m.importance).toBeTruthy();
      expect(ids.has(m.id!)).toBe(false);
      ids.add(m.id!);
      expect(m).not.toHaveProperty('label');
    }
  });

  it('labels every inbox mail with units that exist', () => {
    const ids = new Set(built.tenant.extras.units.map((u) => u.id));
    for (const m of inbox()) {
      expect(m.label, m.message.subject!).toBeDefined();
      for (const id of m.label!.unitIds) expect(ids.has(id)).toBe(true);
    }
  });

  it('has submissions whose .docx and .pdf files extract to the application text', async () => {
    const submissions = inbox().filter((m) => m.label?.kind === 'submission');
    expect(submissions.some((m) => m.attachments?.some((a) => a.name.endsWith('.docx')))).toBe(
      true,
    );
    expect(submissions.some((m) => m.attachments?.some((a) => a.name.endsWith('.pdf')))).toBe(true);
    for (const m of submissions.filter((s) => !s.label!.tags.includes('unsupported-format'))) {
      const file = m.attachments!.find((a) => /\.(docx|pdf)$/.test(a.name))!;
      const text = await attachmentText(file.name, file.contentBytes);
      expect(text, file.name).toMatch(/kvalitetsutmärkelse/i);
      if (!m.label!.tags.includes('part-2'))
        expect(text.replace(/\s+/g, ' '), file.name).toContain('Verksamhetens namn:');
    }
  });

  it('has one submission over 85 000 characters excluding spaces, counted on the extracted text', async () => {
    const over = inbox().filter((m) => m.label?.tags.includes('over-limit'));
    expect(over).toHaveLength(1);
    const file = over[0]!.attachments![0]!;
    expect(countNonSpace(await attachmentText(file.name, file.contentBytes))).toBeGreaterThan(
      85_000,
    );
  });

  it('has a submission sent after 17 May 24:00 and one just before', () => {
    const late = inbox().find((m) => m.label?.tags.includes('late'))!;
    expect(late.message.sentDateTime! >= '2026-05-17T22:00:00Z').toBe(true); // 18 May 00:00 CEST
    const justInTime = inbox().find((m) => m.label?.tags.includes('just-in-time'))!;
    expect(justInTime.message.sentDateTime! < '2026-05-17T22:00:00Z').toBe(true);
  });

  it('has a submission missing questions 19–24', async () => {
    const m = inbox().find((x) => x.label?.tags.includes('missing-questions'))!;
    const text = await attachmentText(m.attachments![0]!.name, m.attachments![0]!.contentBytes);
    expect(text).toContain('18. Skriv era mål');
    expect(text).not.toContain('19. Beskriv hur er planering');
  });

  it('has board protocols listing their units', async () => {
    const protocols = inbox().filter((m) => m.label?.kind === 'board-protocol');
    expect(protocols.length).toBeGreaterThanOrEqual(5);
    const units = new Map(built.tenant.extras.units.map((u) => [u.id, u]));
    const sodermalm = protocols.find((p) => p.message.subject!.includes('Södermalms'))!;
    const file = sodermalm.attachments![0]!;
    expect(file.contentType).toBe('application/pdf');
    const text = (await attachmentText(file.name, file.contentBytes)).replace(/\s+/g, ' ');
    expect(text).toContain('Stadsdelsnämnden beslutar att anmäla följande enheter');
    for (const id of sodermalm.label!.unitIds.filter(
      (i) => units.get(i)!.name !== 'Barn- och ungdomsenheten Södermalm',
    )) {
      expect(text).toContain(units.get(id)!.name);
    }
  });

  it('marks auto-replies with Auto-Submitted and newsletters with list headers', () => {
    for (const m of inbox().filter((x) => x.label?.kind === 'auto-reply')) {
      const header = m.message.internetMessageHeaders?.find((h) => h.name === 'Auto-Submitted');
      expect(header?.value).toMatch(/^auto-(replied|generated)$/);
    }
    const newsletter = inbox().find((x) => x.label?.tags.includes('newsletter'))!;
    expect(
      newsletter.message.internetMessageHeaders?.some((h) => h.name === 'List-Unsubscribe'),
    ).toBe(true);
  });
});

describe('calendars', () => {
  it('keep examiners busy from September to February, in W. Europe Standard Time, with Christmas off', () => {
    const { tenant } = built;
    for (const team of tenant.extras.examinerTeams) {
      const events = tenant.mailboxes[team.leaderUpn]!.events;
      expect(events.length).toBeGreaterThan(100);
      for (const e of events) {
        expect(e.start?.timeZone).toBe('W. Europe Standard Time');
        expect(e.end?.timeZone).toBe('W. Europe Standard Time');
        expect(e.start!.dateTime! < e.end!.dateTime!).toBe(true);
      }
      expect(
        events.some(
          (e) => e.showAs === 'oof' && e.isAllDay && e.start!.dateTime!.startsWith('2026-12'),
        ),
      ).toBe(true);
      expect(events.some((e) => e.start!.dateTime!.startsWith('2027-02'))).toBe(true);
      expect(events.some((e) => e.subject?.startsWith('Platsbesök'))).toBe(true);
    }
  });

  it("puts a site visit in the unit manager's calendar too, as the same meeting", () => {
    const { tenant } = built;
    const team = tenant.extras.examinerTeams[0]!;
    const unit = tenant.extras.units.find((u) => u.id === team.unitIds[0])!;
    const visit = tenant.mailboxes[team.leaderUpn]!.events.find(
      (e) => e.subject === `Platsbesök Kvalitetsutmärkelsen: ${unit.name}`,
    )!;
    const copy = tenant.mailboxes[unit.managerEmail]!.events.find(
      (e) => e.iCalUId === visit.iCalUId,
    )!;
    expect(copy.isOrganizer).toBe(false);
    expect(visit.attendees?.map((a) => a.emailAddress?.address)).toContain(unit.managerEmail);
  });

  it("creates nothing after the demo's now", () => {
    for (const mailbox of Object.values(built.tenant.mailboxes)) {
      for (const e of mailbox.events)
        expect(e.createdDateTime! < '2026-11-24T07:00:00Z').toBe(true);
    }
  });

  it('never double-books a person with generated meetings', () => {
    const events = built.tenant.mailboxes[
      built.tenant.extras.examinerTeams[1]!.leaderUpn
    ]!.events.filter((e) => !e.isAllDay);
    const sorted = [...events].sort((a, b) => a.start!.dateTime!.localeCompare(b.start!.dateTime!));
    let overlaps = 0;
    for (let i = 1; i < sorted.length; i++)
      if (sorted[i]!.start!.dateTime! < sorted[i - 1]!.end!.dateTime!) overlaps++;
    expect(overlaps).toBe(0);
  });
});
