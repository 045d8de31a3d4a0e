// The seeded demo tenant's shape: what the emulator loads (users, groups, mailboxes, calendars) and the
// award data the app's local mode can import (units, organisations, examiner teams, participations).
import type * as MG from '@microsoft/microsoft-graph-types';
import type { JuryResult, Organisation, ParticipationState, Unit } from '../../core/model.js';

export interface SeedAttachment {
  name: string;
  contentType: string;
  /** Base64 of the file's bytes. */
  contentBytes: string;
  isInline?: boolean;
}

export interface SeedMessage {
  /** A well-known folder name (inbox, sentitems, drafts, deleteditems) or a child folder's displayName. */
  folder: string;
  message: MG.Message;
  attachments?: SeedAttachment[];
}

export interface SeedMailbox {
  childFolders?: string[];
  messages: SeedMessage[];
  events: MG.Event[];
  masterCategories?: MG.OutlookCategory[];
}

export interface SeedApp {
  clientId: string;
  clientSecret: string;
  displayName: string;
  /**
   * Entra application permissions granted (the token's roles). A Mail.*, MailboxSettings.* or
   * Calendars.* permission here reaches every mailbox of the tenant: no RBAC scope narrows it.
   */
  roles: string[];
  /**
   * Exchange RBAC for Applications role assignments ('Application Mail.ReadWrite', 'Application
   * Mail.Send', 'Application MailboxSettings.ReadWrite', 'Application Calendars.ReadWrite'): they
   * are not in the token; each reaches only the mailboxes of its scope below.
   */
  rbacRoles?: string[];
  /** The management scope (UPNs, or '*') of the mail and mailbox-settings role assignments. */
  mailboxScope: string[];
  /** The management scope (UPNs, or '*') of the calendar role assignments. */
  calendarScope: string[];
}

export interface DemoTenant {
  tenantId: string;
  domain: string;
  app: SeedApp;
  users: MG.User[];
  groups: Array<{ group: MG.Group; memberUpns: string[] }>;
  mailboxes: Record<string /* upn */, SeedMailbox>;
  extras: DemoExtras;
}

export interface ExaminerTeam {
  id: string;
  name: string;
  leaderUpn: string;
  memberUpns: string[];
  unitIds: string[];
}

export interface SeedParticipation {
  unitId: string;
  year: number;
  state: ParticipationState;
  juryResult?: JuryResult;
}

export interface PreviousResult {
  unitId: string;
  year: number;
  result: 'winner' | 'honourable-mention';
}

export interface DemoExtras {
  units: Unit[];
  organisations: Organisation[];
  examinerTeams: ExaminerTeam[];
  /** Coordinators' UPNs. */
  coordinators: string[];
  participations: SeedParticipation[];
  previousResults: PreviousResult[];
}

export interface DemoTenantOptions {
  /** The cycle in progress (default 2026). Mails span its February–June, calendars its September–February. */
  cycleYear?: number;
  /** The demo's "now": nothing is created after it (default `${cycleYear}-11-24T08:00:00+01:00`). */
  now?: string;
  /** Dates of the cycle's timeline used by the calendars (defaults follow cycles/2026.json). */
  ceremonyDate?: string;
  juryDate?: string;
  infoMeetings?: Array<{ start: string; end: string; place: string }>;
}
