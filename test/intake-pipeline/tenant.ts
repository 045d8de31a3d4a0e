// A small tenant for the intake pipeline tests: the shared mailbox, a coordinator, four unit managers,
// a board secretary, and a harness app that may send as the managers (as they would from Outlook).
import type { Organisation, Unit } from '../../core/model.js';
import type { AppRegistration, EmulatorTenant } from '../../emulator/server.js';

export const TENANT_ID = '5f1c3a2e-7b4d-4e8a-9c61-2d0b8e4f9a17';
export const CLIENT_ID = '0a7d9e3c-1b2f-4c5d-8e6f-7a8b9c0d1e2f';
export const CLIENT_SECRET = 'local-demo-secret-kvalitet';
export const SHARED = 'kvalitetsutmarkelsen@stockholm.example';
export const COORD = 'anna.samordnare@stockholm.example';
export const BO = 'bo.berg@stockholm.example';
export const CECILIA = 'cecilia.ek@stockholm.example';
export const DANA = 'dana.lind@stockholm.example';
export const ERIK = 'erik.holm@stockholm.example';
export const SECRETARY = 'fia.sekreterare@stockholm.example';
/** The coordinator's AAD object id (the tenant's user id). */
export const COORD_ID = '33333333-0000-0000-0000-000000000002';
export const HARNESS_ID = '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
export const HARNESS_SECRET = 'harness-secret-for-intake-tests';

const MANAGERS = [BO, CECILIA, DANA, ERIK, SECRETARY, COORD];

const user = (n: number, upn: string, displayName: string, jobTitle: string) => ({
  id: `33333333-0000-0000-0000-${String(n).padStart(12, '0')}`,
  userPrincipalName: upn,
  mail: upn,
  displayName,
  jobTitle,
  preferredLanguage: 'sv-SE',
});

export function intakeTenant(): EmulatorTenant {
  return {
    tenantId: TENANT_ID,
    domain: 'stockholm.example',
    app: {
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      displayName: 'Kvalitetsutmärkelsen',
      roles: ['User.Read.All', 'Group.Read.All'],
      rbacRoles: [
        'Application Mail.ReadWrite',
        'Application Mail.Send',
        'Application MailboxSettings.ReadWrite',
        'Application Calendars.ReadWrite',
      ],
      mailboxScope: [SHARED],
      calendarScope: [SHARED],
    },
    users: [
      user(1, SHARED, 'Kvalitetsutmärkelsen', 'Funktionsbrevlåda'),
      user(2, COORD, 'Anna Samordnare', 'Samordnare'),
      user(3, BO, 'Bo Berg', 'Förskolechef'),
      user(4, CECILIA, 'Cecilia Ek', 'Rektor'),
      user(5, DANA, 'Dana Lind', 'Enhetschef'),
      user(6, ERIK, 'Erik Holm', 'Enhetschef'),
      user(7, SECRETARY, 'Fia Sekreterare', 'Nämndsekreterare'),
    ],
    groups: [
      {
        group: {
          id: '44444444-0000-0000-0000-000000000001',
          displayName: 'Kvalitet samordnare',
          mailNickname: 'kvalitet-samordnare',
          mail: 'kvalitet-samordnare@stockholm.example',
          mailEnabled: true,
          securityEnabled: true,
          groupTypes: [],
        },
        memberUpns: [COORD],
      },
    ],
    mailboxes: Object.fromEntries(
      [SHARED, ...MANAGERS].map((upn) => [upn, { messages: [], events: [] }]),
    ),
  };
}

/** An app that may send as the managers (the test's stand-in for them using Outlook). */
export const harnessApp: AppRegistration = {
  clientId: HARNESS_ID,
  clientSecret: HARNESS_SECRET,
  displayName: 'Test harness',
  roles: ['Mail.ReadWrite', 'Mail.Send', 'User.Read.All'],
  mailboxScope: MANAGERS,
  calendarScope: [],
};

export const organisations: Organisation[] = [
  { id: 'sdn-norr', name: 'Norrmalms stadsdelsnämnd', kind: 'district' },
  { id: 'sdn-syd', name: 'Södermalms stadsdelsnämnd', kind: 'district' },
];

const unit = (
  id: string,
  name: string,
  classId: Unit['classId'],
  organisationId: string,
  managerName: string,
  managerEmail: string,
): Unit => ({
  id,
  name,
  classId,
  organisationId,
  managerName,
  managerEmail,
  ownership: 'municipal',
  staffCount: 12,
});

export const units: Unit[] = [
  unit('u-solrosen', 'Förskolan Solrosen', 'forskola', 'sdn-norr', 'Bo Berg', BO),
  unit('u-kastanjen', 'Kastanjeskolan', 'skola', 'sdn-norr', 'Cecilia Ek', CECILIA),
  unit('u-linden', 'Äldreboendet Linden', 'aldreomsorg', 'sdn-syd', 'Dana Lind', DANA),
  unit('u-hamnen', 'Hemtjänsten Hamnen', 'aldreomsorg', 'sdn-syd', 'Erik Holm', ERIK),
];
