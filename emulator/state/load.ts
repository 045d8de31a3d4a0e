// Turns a seeded tenant (emulator/seed's DemoTenant shape) into the emulator's state: users, groups,
// mailboxes with folders, messages and attachments, calendars and master categories.
import type * as MG from '@microsoft/microsoft-graph-types';
import type { Clock } from '../clock.js';
import { guid } from '../ids.js';
import { unreadMessageState } from './new-message.js';
import type { DemoTenant, SeedApp } from '../seed/types.js';
import { parseDtz } from '../timezones.js';
import type { AppRec, EventFields, MessageFields, StateData } from './model.js';
import { Store, createMailbox } from './store.js';

/** What the emulator needs of a tenant; the seed's DemoTenant fits (its extras are ignored). */
export type EmulatorTenant = Omit<DemoTenant, 'extras'> & { extras?: unknown };

export function appRec(app: SeedApp & { certificates?: AppRec['certificates'] }): AppRec {
  return {
    clientId: app.clientId,
    clientSecret: app.clientSecret,
    displayName: app.displayName,
    roles: [...app.roles],
    rbacRoles: [...(app.rbacRoles ?? [])],
    mailboxScope: [...app.mailboxScope],
    calendarScope: [...app.calendarScope],
    certificates: app.certificates,
    servicePrincipalId: guid(),
  };
}

export function loadTenant(
  tenant: EmulatorTenant,
  clock: Clock,
  extraApps: Array<SeedApp & { certificates?: AppRec['certificates'] }> = [],
  teamsAppCatalogId?: string,
  teamsAppExternalId?: string,
): StateData {
  const users: MG.User[] = tenant.users.map((u) => ({ ...u, id: u.id ?? guid() }));
  const byUpn = new Map(users.map((u) => [(u.userPrincipalName ?? '').toLowerCase(), u]));
  const data: StateData = {
    version: 1,
    tenantId: tenant.tenantId,
    domain: tenant.domain,
    apps: [appRec(tenant.app), ...extraApps.map(appRec)],
    users,
    groups: tenant.groups.map((g) => ({
      group: { ...g.group, id: g.group.id ?? guid() },
      memberIds: g.memberUpns
        .map((upn) => byUpn.get(upn.toLowerCase())?.id)
        .filter((x): x is string => !!x),
    })),
    mailboxes: {},
    subscriptions: {},
    installedApps: {},
    outbox: [],
    teamsCatalog: [
      {
        id: teamsAppCatalogId ?? 'f4b1e5a2-6c3d-4e8f-9a0b-1c2d3e4f5a6b',
        externalId: teamsAppExternalId ?? tenant.app.clientId,
        appId: tenant.app.clientId,
        displayName: tenant.app.displayName,
      },
    ],
  };
  for (const u of users) data.mailboxes[u.id!] = createMailbox(u.id!, u.userPrincipalName ?? u.id!);
  const store = new Store(data, clock);
  for (const [upn, seed] of Object.entries(tenant.mailboxes)) {
    const user = byUpn.get(upn.toLowerCase());
    if (!user) throw new Error(`Seed mailbox ${upn} has no user in the tenant`);
    const mb = store.mailbox(user.id!);
    const root = store.rootFolderId(mb);
    for (const name of seed.childFolders ?? []) {
      if (!store.folderByDisplayName(mb, name)) store.createFolder(mb, root, name);
    }
    for (const sm of seed.messages) {
      let folder = store.folderByDisplayName(mb, sm.folder);
      if (!folder) folder = store.createFolder(mb, root, sm.folder);
      const {
        id: _id,
        attachments: _a,
        parentFolderId: _p,
        hasAttachments: _h,
        ...fields
      } = sm.message;
      const received = fields.receivedDateTime ?? store.nowIso();
      const msgFields: MessageFields = {
        ...unreadMessageState(),
        sentDateTime: fields.sentDateTime ?? received,
        ...fields,
        receivedDateTime: received,
      };
      store.addMessage(
        mb,
        folder.id,
        msgFields,
        (sm.attachments ?? []).map((a) => ({
          name: a.name,
          contentType: a.contentType,
          contentBytes: a.contentBytes,
          isInline: a.isInline ?? false,
        })),
        received,
      );
    }
    for (const ev of seed.events) {
      const {
        id: _id,
        start,
        end,
        createdDateTime: _c,
        lastModifiedDateTime: _l,
        changeKey: _k,
        ...rest
      } = ev;
      const fields: EventFields = {
        isCancelled: false,
        isOrganizer: true,
        showAs: 'busy',
        type: 'singleInstance',
        isAllDay: false,
        responseStatus: { response: 'organizer', time: '0001-01-01T00:00:00Z' },
        iCalUId: guid(),
        ...rest,
      };
      store.addEvent(mb, {
        startMs: parseDtz(start as never, 'start'),
        endMs: parseDtz(end as never, 'end'),
        startTimeZone: start?.timeZone ?? 'UTC',
        endTimeZone: end?.timeZone ?? 'UTC',
        fields,
      });
    }
    mb.masterCategories = (seed.masterCategories ?? []).map((c) => ({ ...c, id: c.id ?? guid() }));
  }
  return data;
}
