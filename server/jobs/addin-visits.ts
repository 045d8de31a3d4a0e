// The Outlook add-in's "Boka besök" pane API (under /api/tab, behind the tab's sign-in), mounted by
// the visits feature: the caller's units still needing a visit, the visits feature's proposals with
// the appointment to fill in (subject, attendees, location, body: what booking through Graph sends),
// and recording the visit from the saved appointment. Office.js gives the appointment's EWS id; it is
// translated to an immutable Graph id as the signed-in user (translateExchangeIds is delegated only)
// and the visits feature reads the event from the leader's calendar: no second event is created.
import express, { Router, type Response } from 'express';
import { z } from 'zod';
import type { Bilingual, Cycle } from '../../core/model.js';
import { errorBody } from '../errors.js';
import { toImmutableIds } from '../../graph/exchange-ids.js';
import type { Graph } from '../../graph/client.js';
import { principalOf, type Principal } from '../../features/roles/index.js';
import { type Proposals, type VisitsService } from '../../features/visits/index.js';
import { activeYear } from './visits-bot.js';

const refQuery = z.object({
  unitId: z.string().trim().min(1).max(200),
  kind: z.enum(['site', 'feedback']),
  mode: z.enum(['on-site', 'digital']).default('on-site'),
});

const recordBody = refQuery.extend({
  /** Office.js item id: getItemIdAsync gives an EWS id; convertToRestId a REST id. */
  itemId: z.string().trim().min(8).max(2000),
  idType: z.enum(['ewsId', 'restId']).default('ewsId'),
});

function fail(res: Response, status: number, code: string, messages: Bilingual): void {
  res
    .status(status)
    .json(
      errorBody({ status, code, message: messages.en, messageSv: messages.sv, expected: true }),
    );
}

const NO_TEAM: Bilingual = {
  sv: 'Du leder inget examinatorslag i år, så det finns inga besök för dig att boka här.',
  en: 'You lead no examiner team this year, so there are no visits for you to book here.',
};

function badInput(res: Response, error: z.ZodError): void {
  const detail = error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
  fail(res, 400, 'bad-input', { sv: `Ogiltig begäran: ${detail}`, en: `Bad request: ${detail}` });
}

/** The slots as the pane lists them (with who is tentative, and the alternatives when none fit). */
export function proposalsJson(p: Proposals) {
  return {
    unit: { unitId: p.unit.id, name: p.unit.name },
    team: { teamId: p.team.id, name: p.team.name },
    mode: p.mode,
    slots: p.answer.slots.map((s) => ({
      start: s.start,
      end: s.end,
      tentativeWith: s.tentativeWith,
    })),
    alternatives: p.answer.alternatives.map((a) => ({
      start: a.start,
      end: a.end,
      busy: a.busy.map((id) => p.names[id] ?? id),
    })),
    ...(p.answer.reason ? { reason: p.answer.reason } : {}),
    ...(p.managerWithoutMailbox ? { managerWithoutMailbox: p.managerWithoutMailbox } : {}),
  };
}

export function addinVisitsApi(deps: {
  service: VisitsService;
  cycles: readonly Cycle[];
  now: () => Date;
  /** Graph as the signed-in user (on-behalf-of their token), for translateExchangeIds. */
  userGraph?: (userToken: string) => Graph;
}): Router {
  const { service } = deps;
  const router = Router();
  const actorOf = (p: Principal) => ({
    objectId: p.objectId,
    address: p.userPrincipalName,
    name: p.displayName,
  });
  const leads = (p: Principal, year: number) =>
    p.examinerTeams.some((t) => t.year === year && t.leader);

  // The caller's teams' units still without a visit this year, site visits and feedback visits.
  router.get('/addin/visits', async (_req, res) => {
    const principal = principalOf(res);
    const year = activeYear(deps.cycles, deps.now());
    if (!leads(principal, year)) return fail(res, 403, 'not-team-leader', NO_TEAM);
    const units = [];
    for (const kind of ['site', 'feedback'] as const) {
      const { leading, rows } = await service.myVisits(actorOf(principal), year, kind);
      for (const row of rows)
        if (leading.includes(row.teamId))
          units.push({
            unitId: row.ref.unitId,
            name: row.unitName,
            team: row.teamName,
            kind,
            status: row.status,
            needsVisit: row.status !== 'booked' && row.status !== 'held',
            ...(row.start ? { start: row.start } : {}),
          });
    }
    res.json({ year, units });
  });

  // Proposals for one unit, with what the appointment should say.
  router.get('/addin/visits/proposals', async (req, res) => {
    const q = refQuery.safeParse(req.query);
    if (!q.success) return badInput(res, q.error);
    const principal = principalOf(res);
    const year = activeYear(deps.cycles, deps.now());
    if (!leads(principal, year)) return fail(res, 403, 'not-team-leader', NO_TEAM);
    const ref = { unitId: q.data.unitId, year, kind: q.data.kind };
    const actor = actorOf(principal);
    const proposals = await service.proposeFor(actor, ref, q.data.mode);
    const appointment = await service.appointmentFor(actor, ref, q.data.mode);
    res.json({ ref, ...proposalsJson(proposals), appointment });
  });

  // The saved appointment becomes the unit's visit (once; a moved appointment moves it).
  router.post('/addin/visits/record', express.json({ limit: '16kb' }), async (req, res) => {
    const body = recordBody.safeParse(req.body);
    if (!body.success) return badInput(res, body.error);
    const principal = principalOf(res);
    const year = activeYear(deps.cycles, deps.now());
    if (!leads(principal, year)) return fail(res, 403, 'not-team-leader', NO_TEAM);
    const token = /^Bearer\s+(\S+)/i.exec(req.headers.authorization ?? '')?.[1];
    if (!deps.userGraph || !token) throw new Error('add-in: no Graph as the signed-in user');
    const [eventId] = await toImmutableIds(
      deps.userGraph(token),
      [body.data.itemId],
      body.data.idType,
    );
    if (!eventId)
      return fail(res, 404, 'not-in-calendar', {
        sv: 'Mötet finns inte i din kalender: spara det i Outlook först.',
        en: 'The meeting is not in your calendar: save it in Outlook first.',
      });
    const ref = { unitId: body.data.unitId, year, kind: body.data.kind };
    const outcome = await service.recordFromEvent(actorOf(principal), ref, body.data.mode, eventId);
    if (outcome.outcome === 'taken') {
      res.status(409).json({
        outcome: 'taken',
        error: {
          code: 'slot-taken',
          message: 'That time was taken meanwhile: pick one of the fresh proposals and save again.',
          messageSv:
            'Tiden hann bokas av någon annan: välj ett av de nya förslagen och spara igen.',
        },
        proposals: proposalsJson(outcome.proposals),
      });
      return;
    }
    res.json({
      outcome: outcome.outcome,
      visit: {
        id: outcome.visit.id,
        status: outcome.visit.status,
        start: outcome.visit.start,
        end: outcome.visit.end,
        eventId: outcome.visit.eventId,
      },
      ...(outcome.details.missingJoinUrl ? { missingTeamsMeeting: true } : {}),
    });
  });
  return router;
}
