// A tiny deterministic tenant for the emulator's own tests: a shared mailbox, a coordinator, two unit
// managers, two examiners, groups, a few mails (one with an attachment) and calendar events.
import type { EmulatorTenant } from '../../emulator/server.js';

export const TENANT_ID = '5f1c3a2e-7b4d-4e8a-9c61-2d0b8e4f9a17';
export const CLIENT_ID = '0a7d9e3c-1b2f-4c5d-8e6f-7a8b9c0d1e2f';
export const CLIENT_SECRET = 'local-demo-secret-kvalitet';
export const SHARED = 'kvalitetsutmarkelsen@stockholm.example';
export const COORD = 'anna.coordinator@stockholm.example';
export const MANAGER = 'bo.manager@stockholm.example';
export const MANAGER2 = 'cecilia.manager@stockholm.example';
export const EXAMINER = 'david.examiner@stockholm.example';
export const EXAMINER2 = 'eva.examiner@stockholm.example';

const user = (id: string, upn: string, displayName: string, jobTitle: string) => ({
  id,
  userPrincipalName: upn,
  mail: upn,
  displayName,
  jobTitle,
  department: 'Stadsledningskontoret',
  preferredLanguage: 'sv-SE',
  mobilePhone: null,
  businessPhones: ['+46 8 508 00 000'],
  officeLocation: 'Stadshuset',
});

export function fixtureTenant(): EmulatorTenant {
  return {
    tenantId: TENANT_ID,
    domain: 'stockholm.example',
    app: {
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      displayName: 'Kvalitetsutmärkelsen',
      roles: ['User.Read.All', 'Group.Read.All', 'TeamsAppInstallation.ReadWriteSelfForUser.All'],
      rbacRoles: [
        'Application Mail.ReadWrite',
        'Application Mail.Send',
        'Application MailboxSettings.ReadWrite',
        'Application Calendars.ReadWrite',
      ],
      mailboxScope: [SHARED],
      calendarScope: [EXAMINER, EXAMINER2, MANAGER, MANAGER2, SHARED],
    },
    users: [
      user(
        '11111111-0000-0000-0000-000000000001',
        SHARED,
        'Kvalitetsutmärkelsen',
        'Funktionsbrevlåda',
      ),
      user('11111111-0000-0000-0000-000000000002', COORD, 'Anna Samordnare', 'Samordnare'),
      user('11111111-0000-0000-0000-000000000003', MANAGER, 'Bo Chef', 'Förskolechef'),
      user('11111111-0000-0000-0000-000000000004', MANAGER2, 'Cecilia Chef', 'Rektor'),
      user('11111111-0000-0000-0000-000000000005', EXAMINER, 'David Examinator', 'Examinator'),
      user('11111111-0000-0000-0000-000000000006', EXAMINER2, 'Eva Examinator', 'Lagledare'),
    ],
    groups: [
      {
        group: {
          id: '22222222-0000-0000-0000-000000000001',
          displayName: 'Kvalitet samordnare',
          mailNickname: 'kvalitet-samordnare',
          mail: 'kvalitet-samordnare@stockholm.example',
          mailEnabled: true,
          securityEnabled: true,
          groupTypes: [],
        },
        memberUpns: [COORD],
      },
      {
        group: {
          id: '22222222-0000-0000-0000-000000000002',
          displayName: 'Kvalitet examinatorer',
          mailNickname: 'kvalitet-examinatorer',
          mail: 'kvalitet-examinatorer@stockholm.example',
          mailEnabled: true,
          securityEnabled: true,
          groupTypes: [],
        },
        memberUpns: [EXAMINER, EXAMINER2],
      },
    ],
    mailboxes: {
      [SHARED]: {
        childFolders: ['2026'],
        masterCategories: [{ displayName: 'Bidrag', color: 'preset0' }],
        messages: [
          {
            folder: 'inbox',
            message: {
              subject: 'Intresseanmälan Förskolan Solen',
              body: { contentType: 'text', content: 'Hej! Vi vill anmäla intresse.' },
              from: { emailAddress: { name: 'Bo Chef', address: MANAGER } },
              toRecipients: [{ emailAddress: { address: SHARED } }],
              receivedDateTime: '2026-03-10T08:00:00Z',
            },
          },
          {
            folder: 'inbox',
            message: {
              subject: 'Bidrag Skolan Månen',
              body: { contentType: 'html', content: '<p>Här är vårt <b>bidrag</b>.</p>' },
              from: { emailAddress: { name: 'Cecilia Chef', address: MANAGER2 } },
              toRecipients: [{ emailAddress: { address: SHARED } }],
              receivedDateTime: '2026-05-17T21:30:00Z',
              categories: ['Bidrag'],
            },
            attachments: [
              {
                name: 'bidrag.pdf',
                contentType: 'application/pdf',
                contentBytes: Buffer.from('%PDF-1.4 fake').toString('base64'),
              },
            ],
          },
          {
            folder: 'inbox',
            message: {
              subject: 'Nyhetsbrev',
              body: { contentType: 'text', content: 'Nyheter från staden' },
              from: { emailAddress: { name: 'Nyheter', address: 'news@external.example' } },
              toRecipients: [{ emailAddress: { address: SHARED } }],
              receivedDateTime: '2026-04-01T06:00:00Z',
              isRead: true,
            },
          },
        ],
        events: [],
      },
      [EXAMINER]: {
        messages: [],
        events: [
          {
            subject: 'Upptagen',
            start: { dateTime: '2026-11-25T09:00:00', timeZone: 'W. Europe Standard Time' },
            end: { dateTime: '2026-11-25T10:30:00', timeZone: 'W. Europe Standard Time' },
            showAs: 'busy',
          },
          {
            subject: 'Kanske',
            start: { dateTime: '2026-11-25T13:00:00', timeZone: 'W. Europe Standard Time' },
            end: { dateTime: '2026-11-25T14:00:00', timeZone: 'W. Europe Standard Time' },
            showAs: 'tentative',
          },
        ],
      },
    },
  };
}
