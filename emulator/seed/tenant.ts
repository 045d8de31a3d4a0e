// The seeded demo tenant the local Microsoft 365 emulator loads: the app registration, users (unit
// managers, coordinators, examiners, board secretaries, the shared mailbox), groups, mailboxes with the
// cycle's mail and busy calendars, and the award data (units, organisations, teams, participations).
// Deterministic: no clock and no unseeded randomness; the same options always give the same tenant.
import type * as MG from '@microsoft/microsoft-graph-types';
import { buildCalendars } from './calendars.js';
import { stableId, stableToken } from './ids.js';
import type { Addr, LabelledSeedMessage } from './message.js';
import { ORGANISATIONS, toOrganisation } from './organisations.js';
import {
  COORDINATORS,
  DOMAIN,
  EXAMINERS,
  SECRETARIES,
  SHARED_MAILBOX,
  makeUser,
  upnOf,
  type Person,
} from './people.js';
import { EXAMINER_TEAMS, LAST_YEAR_OTHERS, PARTICIPANTS, PREVIOUS_RESULTS } from './scenario.js';
import { buildSharedMailbox } from './shared-mailbox.js';
import type {
  DemoExtras,
  DemoTenant,
  DemoTenantOptions,
  SeedMailbox,
  SeedMessage,
} from './types.js';

export type { DemoTenantOptions } from './types.js';
import { buildUnits, toUnit, type SeedUnit } from './units.js';

export const DEMO_TENANT_ID = '5f1c3a2e-7b4d-4e8a-9c61-2d0b8e4f9a17';
export const DEMO_CLIENT_ID = '0a7d9e3c-1b2f-4c5d-8e6f-7a8b9c0d1e2f';
export const DEMO_CLIENT_SECRET = 'local-demo-secret-kvalitet';
export const DEMO_DOMAIN = DOMAIN;
export const DEMO_SHARED_MAILBOX = SHARED_MAILBOX;
export const COORDINATORS_GROUP = 'kvalitet-samordnare';
export const EXAMINERS_GROUP = 'kvalitet-examinatorer';

/** The demo tenant plus the ground truth intake tests need: a label for every mail in the shared mailbox. */
export interface LabelledDemoTenant {
  tenant: DemoTenant;
  /** The shared mailbox's messages with their labels (same order and ids as in the tenant). */
  sharedMailbox: LabelledSeedMessage[];
  /** Units with the seed's extra fields (key, manager's given name and phone). */
  units: SeedUnit[];
}

function personAddr(p: Person): Addr {
  return { name: `${p.given} ${p.surname}`, address: upnOf(p.given, p.surname) };
}

const cache = new Map<string, Promise<LabelledDemoTenant>>();

/**
 * The tenant and the mail labels. Building takes a few seconds (about thirty documents and thousands
 * of events), so a build is kept per options and each caller gets its own deep copy.
 */
export async function buildLabelledDemoTenant(
  options: DemoTenantOptions = {},
): Promise<LabelledDemoTenant> {
  const key = JSON.stringify(options);
  let pending = cache.get(key);
  if (!pending) {
    pending = buildLabelledDemoTenantFresh(options);
    cache.set(key, pending);
    pending.catch(() => cache.delete(key));
  }
  return structuredClone(await pending);
}

/** Builds the tenant from scratch, bypassing the cache (determinism tests use it). */
export async function buildLabelledDemoTenantFresh(
  options: DemoTenantOptions = {},
): Promise<LabelledDemoTenant> {
  const year = options.cycleYear ?? 2026;
  const now = options.now ?? `${year}-11-24T08:00:00+01:00`;
  const units = buildUnits();
  const unitByKey = new Map(units.map((u) => [u.key, u]));
  const unit = (key: string) => {
    const found = unitByKey.get(key);
    if (!found) throw new RangeError(`Scenario names an unknown unit ${key}`);
    return found;
  };

  // --- users -----------------------------------------------------------------------------------------------
  let phone = 61;
  const nextPhone = () => `08-465 004 ${String(phone++).padStart(2, '0')}`;
  const users: MG.User[] = [];
  users.push(
    makeUser({
      given: '',
      surname: '',
      displayName: 'Kvalitetsutmärkelsen',
      upn: SHARED_MAILBOX,
      accountEnabled: false, // shared mailboxes have a disabled account
      department: 'Stadsledningskontoret',
    }),
  );
  for (const c of COORDINATORS)
    users.push(makeUser({ ...c, businessPhone: nextPhone(), employeeType: 'Employee' }));
  for (const e of EXAMINERS)
    users.push(makeUser({ ...e, businessPhone: nextPhone(), employeeType: 'Employee' }));
  for (const s of Object.values(SECRETARIES))
    users.push(makeUser({ ...s, employeeType: 'Employee' }));
  const titles: Record<SeedUnit['classId'], string> = {
    forskola: 'Förskolechef',
    skola: 'Rektor',
    aldreomsorg: 'Enhetschef',
    socialtjanst: 'Enhetschef',
    andra: 'Avdelningschef',
  };
  for (const u of units) {
    const org = ORGANISATIONS.find((o) => o.id === u.organisationId)!;
    users.push(
      makeUser({
        given: u.managerGivenName,
        surname: u.managerSurname,
        upn: u.managerEmail,
        jobTitle: titles[u.classId],
        department: `${u.name}, ${org.name}`,
        officeLocation: u.name,
        businessPhone: u.phone,
        mobilePhone: u.managerPhone,
        companyName: u.ownership === 'private' ? u.name : 'Stockholms stad',
        streetAddress: u.visitingAddress?.street,
        postalCode: u.visitingAddress?.postalCode,
        city: u.visitingAddress?.city,
        employeeType: 'Employee',
      }),
    );
  }
  const upns = users.map((u) => u.userPrincipalName);
  if (new Set(upns).size !== upns.length) throw new Error('Demo tenant: two users share a UPN');

  // --- groups ----------------------------------------------------------------------------------------------
  const coordinatorUpns = COORDINATORS.map((c) => upnOf(c.given, c.surname));
  const examinerUpns = EXAMINERS.map((e) => upnOf(e.given, e.surname));
  const group = (mailNickname: string, displayName: string, description: string): MG.Group => ({
    id: stableId('group', mailNickname),
    displayName,
    description,
    mailNickname,
    mail: `${mailNickname}@${DOMAIN}`,
    mailEnabled: true,
    securityEnabled: true,
    groupTypes: [],
    visibility: 'Private',
    createdDateTime: `${year - 3}-01-15T09:00:00Z`,
  });

  // --- examiner teams, participations ------------------------------------------------------------------------
  const examinerTeams = EXAMINER_TEAMS.map((t, index) => {
    const members = t.examiners.map((i) => upnOf(EXAMINERS[i]!.given, EXAMINERS[i]!.surname));
    return {
      id: stableId('examiner-team', year, index),
      name: t.name,
      leaderUpn: members[0]!,
      memberUpns: members,
      unitIds: PARTICIPANTS.filter((p) => p.team === index).map((p) => unit(p.key).id),
    };
  });
  const participations: DemoExtras['participations'] = PARTICIPANTS.map((p) => {
    const entry: DemoExtras['participations'][number] = {
      unitId: unit(p.key).id,
      year,
      state: p.state,
    };
    if (p.juryResult) entry.juryResult = p.juryResult;
    return entry;
  });
  for (const r of PREVIOUS_RESULTS.filter((r) => r.yearsAgo === 1)) {
    participations.push({
      unitId: unit(r.key).id,
      year: year - 1,
      state: 'feedback-visit-held',
      juryResult: r.result,
    });
  }
  for (const key of LAST_YEAR_OTHERS) {
    participations.push({
      unitId: unit(key).id,
      year: year - 1,
      state: 'feedback-visit-held',
      juryResult: 'none',
    });
  }
  const previousResults = PREVIOUS_RESULTS.map((r) => ({
    unitId: unit(r.key).id,
    year: year - r.yearsAgo,
    result: r.result,
  }));

  // --- mailboxes and calendars -------------------------------------------------------------------------------
  const shared = await buildSharedMailbox({ year, units });
  const examinedUnits = (index: number) =>
    PARTICIPANTS.filter((p) => p.team === index).map((p) => unit(p.key));
  const calendars = buildCalendars({
    year,
    now,
    examiners: EXAMINERS.map(personAddr),
    managers: PARTICIPANTS.map((p) => unit(p.key)).map((u) => ({
      addr: { name: u.managerName, address: u.managerEmail },
      unit: u,
    })),
    teams: EXAMINER_TEAMS.map((t, index) => ({
      name: t.name,
      leader: personAddr(EXAMINERS[t.examiners[0]!]!),
      members: t.examiners.map((i) => personAddr(EXAMINERS[i]!)),
      units: examinedUnits(index),
    })),
    ceremonyDate: options.ceremonyDate ?? `${year}-11-26`,
    juryDate: options.juryDate ?? `${year}-11-05`,
    infoMeetings: options.infoMeetings ?? [
      {
        start: `${year}-02-17T09:00:00+01:00`,
        end: `${year}-02-17T10:00:00+01:00`,
        place: 'Teams',
      },
      {
        start: `${year}-02-19T14:00:00+01:00`,
        end: `${year}-02-19T15:00:00+01:00`,
        place: 'Stadshuset, Ragnar Östbergs plan 1',
      },
      {
        start: `${year}-03-03T14:00:00+01:00`,
        end: `${year}-03-03T15:00:00+01:00`,
        place: 'Teams',
      },
      {
        start: `${year}-03-10T09:00:00+01:00`,
        end: `${year}-03-10T10:00:00+01:00`,
        place: 'Stadshuset, Ragnar Östbergs plan 1',
      },
    ],
  });

  const mailboxes: Record<string, SeedMailbox> = {};
  for (const user of users)
    mailboxes[user.userPrincipalName!] = {
      messages: [],
      events: calendars[user.userPrincipalName!] ?? [],
    };
  const strip = ({ label: _label, ...m }: LabelledSeedMessage): SeedMessage => m;
  mailboxes[SHARED_MAILBOX] = {
    childFolders: shared.childFolders,
    messages: shared.messages.map(strip),
    events: calendars[SHARED_MAILBOX] ?? [],
    masterCategories: shared.masterCategories,
  };

  // The coordinators' replies also sit in the recipients' inboxes, as Exchange would have delivered them.
  for (const sent of shared.messages.filter((m) => m.folder === 'sentitems')) {
    const m = sent.message;
    const recipients = [
      ...(m.toRecipients ?? []),
      ...(m.ccRecipients ?? []),
      ...(m.bccRecipients ?? []),
    ]
      .map((r) => r.emailAddress?.address ?? '')
      .filter((address) => address !== SHARED_MAILBOX && mailboxes[address]);
    for (const address of new Set(recipients)) {
      mailboxes[address]!.messages.push({
        folder: 'inbox',
        message: {
          ...structuredClone(m),
          id: `AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0A${stableToken(40, 'delivered', m.id!, address)}AAA=`,
          bccRecipients: [],
          isRead: true,
        },
      });
    }
  }

  const managerUpns = units.map((u) => u.managerEmail);
  const tenant: DemoTenant = {
    tenantId: DEMO_TENANT_ID,
    domain: DOMAIN,
    app: {
      clientId: DEMO_CLIENT_ID,
      clientSecret: DEMO_CLIENT_SECRET,
      displayName: 'Kvalitetsutmärkelsen (lokal demo)',
      // Entra grants (tenant-wide) only for the directory and Teams; mail, mailbox settings and
      // calendars come from Exchange RBAC for Applications, scoped below.
      roles: [
        'User.Read.All',
        'Group.Read.All',
        'TeamsAppInstallation.ReadWriteSelfForUser.All',
        'AppCatalog.Read.All',
      ],
      rbacRoles: [
        'Application Mail.ReadWrite',
        'Application Mail.Send',
        'Application MailboxSettings.ReadWrite',
        'Application Calendars.ReadWrite',
      ],
      mailboxScope: [SHARED_MAILBOX],
      calendarScope: [...examinerUpns, ...managerUpns, SHARED_MAILBOX],
    },
    users,
    groups: [
      {
        group: group(
          COORDINATORS_GROUP,
          'Kvalitetsutmärkelsen – samordnare',
          'Samordnarna för Stockholms stads kvalitetsutmärkelse',
        ),
        memberUpns: coordinatorUpns,
      },
      {
        group: group(
          EXAMINERS_GROUP,
          'Kvalitetsutmärkelsen – examinatorer',
          'Examinatorer i Stockholms stads kvalitetsutmärkelse',
        ),
        memberUpns: examinerUpns,
      },
    ],
    mailboxes,
    extras: {
      units: units.map(toUnit),
      organisations: ORGANISATIONS.map(toOrganisation),
      examinerTeams,
      coordinators: coordinatorUpns,
      participations,
      previousResults,
    },
  };
  return { tenant, sharedMailbox: shared.messages, units };
}

/** The demo tenant for the emulator (default cycle 2026, "now" 2026-11-24). */
export async function buildDemoTenant(options: DemoTenantOptions = {}): Promise<DemoTenant> {
  return (await buildLabelledDemoTenant(options)).tenant;
}
