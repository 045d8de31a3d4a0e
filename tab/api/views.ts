// The tab's own API (under /api/tab, behind the sign-in of auth.ts): who am I, the award at a glance,
// the unit table, a unit's page with the mails behind it, a unit manager's withdrawal (an examiner's conflicts are the visits feature's, /api/tab/visits/conflicts). Every answer is cut to the caller:
// coordinators see every unit, examiners their teams' units, unit managers their own. The numbers
// and lists come from features/status (the same the bot shows).
import express, { Router } from 'express';
import { isUnitClassId } from '../../core/classes.js';
import { DomainError } from '../../core/errors.js';
import type { ParticipationState } from '../../core/model.js';
import { PARTICIPATION_STATE_LABELS, transition } from '../../core/participation.js';
import { sanitizeMailHtml } from '../../features/documents/html.js';
import {
  Forbidden,
  principalOf,
  requireRole,
  requireUnit,
  type Principal,
} from '../../features/roles/index.js';
import type { StatusService } from '../../features/status/service.js';
import type { UnitListFilter } from '../../features/status/types.js';
import type { Store } from '../../store/index.js';

/** The examiner side of the store (the visits feature's); read only when the store has it. */
export interface ExaminerStore {
  assignments(year: number): Promise<{ unitId: string; teamId: string }[]>;
  conflicts(
    year: number,
  ): Promise<{ year: number; address: string; unitId: string; reason?: string }[]>;
}

export interface TabViewsDeps {
  status: StatusService;
  store: Store;
  now: () => Date;
  /** The mail behind a unit's history, read from the shared mailbox (HTML sanitised here). */
  mailBody?: (messageId: string) => Promise<{ contentType: string; content: string } | undefined>;
  mailbox: string;
}

const STATES = Object.keys(PARTICIPATION_STATE_LABELS) as ParticipationState[];

export function tabViewsApi(deps: TabViewsDeps): Router {
  const router = Router();
  const examiners = (deps.store as unknown as { examinerTeams?: ExaminerStore }).examinerTeams;

  const yearOf = (value: unknown): number => {
    if (value === undefined || value === '') return deps.status.workingYear();
    const year = Number(value);
    if (!Number.isInteger(year) || !deps.status.cycle(year))
      throw badRequest('bad-year', 'No cycle for that year.');
    return year;
  };

  /** Units the examiner's teams examine in this year. */
  const examinedUnits = async (p: Principal, year: number): Promise<string[]> => {
    const teamIds = new Set(p.examinerTeams.filter((t) => t.year === year).map((t) => t.teamId));
    if (teamIds.size === 0 || !examiners) return [];
    return (await examiners.assignments(year))
      .filter((a) => teamIds.has(a.teamId))
      .map((a) => a.unitId);
  };

  /** undefined = every unit (coordinators). */
  const visibleUnits = async (p: Principal, year: number): Promise<string[] | undefined> => {
    if (p.roles.includes('coordinator')) return undefined;
    return [...new Set([...p.unitIds, ...(await examinedUnits(p, year))])];
  };

  router.get('/me', async (_req, res) => {
    const p = principalOf(res);
    const units = await Promise.all(p.unitIds.map((id) => deps.store.units.get(id)));
    res.json({
      displayName: p.displayName,
      userPrincipalName: p.userPrincipalName,
      locale: p.locale,
      roles: p.roles,
      units: units.flatMap((u) => (u ? [{ unitId: u.id, name: u.name }] : [])),
      examinerTeams: p.examinerTeams,
      years: [...new Set((await deps.status.overview()).years.map((y) => y.year))],
      workingYear: deps.status.workingYear(),
    });
  });

  // Everyone: the next dates of every cycle that has any; coordinators also the numbers.
  router.get('/overview', async (_req, res) => {
    const p = principalOf(res);
    const overview = await deps.status.overview();
    if (p.roles.includes('coordinator')) {
      res.json(overview);
      return;
    }
    res.json({
      now: overview.now,
      year: overview.year,
      years: overview.years.map((y) => ({ year: y.year, phase: y.phase })),
      deadlines: overview.deadlines,
    });
  });

  router.get('/units', async (req, res) => {
    const p = principalOf(res);
    const year = yearOf(req.query.year);
    const visible = await visibleUnits(p, year);
    const filter: UnitListFilter = { year, ...(visible ? { unitIds: visible } : {}) };
    const state = req.query.state;
    if (typeof state === 'string' && state) {
      const states = state.split(',') as ParticipationState[];
      if (!states.every((s) => STATES.includes(s))) throw badRequest('bad-state', 'Unknown state.');
      filter.states = states;
    }
    const classId = req.query.classId;
    if (typeof classId === 'string' && classId) {
      if (!isUnitClassId(classId)) throw badRequest('bad-class', 'Unknown class.');
      filter.classId = classId;
    }
    if (req.query.all === 'true') {
      const { items } = await deps.status.allUnits(filter);
      res.json({
        year,
        filter,
        items,
        total: items.length,
        page: 0,
        pageSize: items.length,
        pages: 1,
      });
      return;
    }
    const page = intParam(req.query.page, 0);
    const pageSize = intParam(req.query.pageSize, 200);
    res.json(await deps.status.units(filter, { page, pageSize }));
  });

  router.get('/units/:unitId', async (req, res) => {
    const p = principalOf(res);
    const year = yearOf(req.query.year);
    const unitId = String(req.params.unitId);
    requireUnit(p, unitId, await examinedUnits(p, year));
    const detail = await deps.status.detail(unitId, year);
    // The mails behind the unit's history: coordinators only (they show senders and subjects).
    const mails = p.roles.includes('coordinator')
      ? (await deps.store.mails.list({ unitId, mailbox: deps.mailbox, limit: 50 })).map((m) => ({
          messageId: m.messageId,
          subject: m.subject ?? '',
          from: m.from ?? '',
          receivedAt: m.receivedAt,
          classification: m.classification ?? '',
          status: m.status,
        }))
      : [];
    const conflicts =
      examiners && p.roles.includes('examiner')
        ? (await examiners.conflicts(year)).filter(
            (c) => c.unitId === unitId && c.address === p.userPrincipalName.toLowerCase(),
          )
        : [];
    res.json({ ...detail, mails, myConflict: conflicts[0] });
  });

  // One mail's body, sanitised: a coordinator reads what a unit wrote.
  router.get('/units/:unitId/mails/:messageId', async (req, res) => {
    const p = principalOf(res);
    requireRole(p, 'coordinator');
    const record = await deps.store.mails.get({
      mailbox: deps.mailbox,
      messageId: String(req.params.messageId),
    });
    if (!record || record.unitId !== req.params.unitId) {
      res.status(404).json({
        error: {
          code: 'mail-not-found',
          message: 'No such mail for this unit.',
          messageSv: 'Mejlet finns inte bland enhetens mejl.',
        },
      });
      return;
    }
    const body = await deps.mailBody?.(record.messageId);
    const html =
      body?.contentType === 'html'
        ? sanitizeMailHtml(body.content)
        : sanitizeMailHtml(escapeText(body?.content ?? '').replace(/\n/g, '<br>'));
    res.json({
      messageId: record.messageId,
      subject: record.subject ?? '',
      from: record.from ?? '',
      html,
    });
  });

  // A unit manager withdraws their unit's participation (confirmed in the tab first).
  router.post('/units/:unitId/withdraw', express.json({ limit: '4kb' }), async (req, res) => {
    const p = principalOf(res);
    const unitId = String(req.params.unitId);
    const body = (req.body ?? {}) as { year?: unknown; confirm?: unknown; requestId?: unknown };
    const year = yearOf(body.year);
    if (!p.unitIds.includes(unitId) && !p.roles.includes('coordinator'))
      throw new Forbidden('Only the unit’s manager or a coordinator may withdraw it.');
    if (body.confirm !== true)
      throw badRequest('confirm-required', 'Send { "confirm": true } after asking the user.');
    const requestId =
      typeof body.requestId === 'string' && /^[\w-]{8,64}$/.test(body.requestId)
        ? body.requestId
        : `${unitId}:${year}`;
    const result = await deps.store.participations.applyTransition(
      unitId,
      year,
      (current) => {
        if (!current)
          throw badRequest('not-participating', 'The unit does not take part this year.');
        return transition(current, 'withdrawn', {
          at: deps.now(),
          actor: { id: p.objectId, name: p.displayName },
          source: { kind: 'tab', ref: `tab:withdraw:${requestId}` },
        });
      },
      { idempotencyKey: `tab:withdraw:${requestId}` },
    );
    res.json({ applied: result.applied, state: result.participation.state });
  });

  return router;
}

declare module '../../core/errors.js' {
  interface DomainErrorReasons {
    /** A tab API request with a missing or malformed value (400). */
    'invalid-tab-request': true;
  }
}

const SV: Record<string, string> = {
  'bad-year': 'Det finns ingen omgång för det året.',
  'bad-state': 'Okänt läge.',
  'bad-class': 'Okänd klass.',
  paging: 'Sida och sidstorlek ska vara heltal.',
  'confirm-required': 'Bekräfta först.',
  'not-participating': 'Enheten deltar inte det året.',
};

function badRequest(code: string, message: string): DomainError {
  return new DomainError('invalid-tab-request', { sv: SV[code] ?? message, en: message }, { code });
}

function intParam(value: unknown, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw badRequest('paging', 'page and pageSize are whole numbers.');
  return n;
}

function escapeText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
