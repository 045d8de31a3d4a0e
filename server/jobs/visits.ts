// Examiner teams and visits as a server feature: the visits service over the host's store, Graph and
// cycles; a subscription on each team leader's events (responses, declines), a sweep as safety net
// (responses read again, visits past their end move the unit on); fresh proposals delivered to the
// team leader after a decline; the bot's commands and verbs; the tab API's visit calendar,
// conflicts and assignment; and the examiner teams source for the roles resolver.
import { randomBytes } from 'node:crypto';
import { Router, json } from 'express';
import { z } from 'zod';
import { formatTimeRange } from '../../core/format.js';
import type { Cycle } from '../../core/model.js';
import type { Subscription } from '@microsoft/microsoft-graph-types';
import {
  createSubscription,
  deleteSubscription,
  keepSubscriptionAlive,
} from '../../graph/subscriptions.js';
import { Forbidden, principalOf, requireRole } from '../../features/roles/index.js';
import {
  createVisitsService,
  examinerTeamsSource,
  type MoveOutcome,
  type ResponseChange,
  type VisitsService,
} from '../../features/visits/index.js';
import { loadCycles } from '../cycles.js';
import { errorBody } from '../errors.js';
import type { FeatureContext, FeatureHandle, ServerFeature } from '../features.js';
import { importVisitsDemoData } from './visits-demo-data.js';
import { activeYear, bookedCard, proposalsCard, visitsBot } from './visits-bot.js';
import { addinVisitsApi, proposalsJson } from './addin-visits.js';

export interface VisitsFeatureOptions {
  cyclesDir?: string;
  /** Local mode: form the demo teams, assign units and import booked events (default true). */
  importDemoData?: boolean;
  /** How often booked visits are read again (default 10 minutes; 0 = never). */
  sweepMs?: number;
  /** Receives the running service (tests). */
  onService?: (service: VisitsService) => void;
}

export function createVisitsFeature(options: VisitsFeatureOptions = {}): ServerFeature {
  return {
    name: 'visits',
    async start(context: FeatureContext): Promise<FeatureHandle> {
      const { config, logger, store } = context;
      const cycles: Cycle[] = loadCycles(options.cyclesDir);
      const now = () => config.clock.now();
      const service = createVisitsService({
        store,
        graph: context.graph,
        cycles,
        now,
        scheduleAs: config.m365.sharedMailbox,
        logger,
      });
      options.onService?.(service);
      const year = activeYear(cycles, now());
      if (config.mode === 'local' && options.importDemoData !== false) {
        const r = await importVisitsDemoData(store, service, year, now()).catch((e: unknown) => {
          logger.warn({ err: String(e) }, 'visits demo data not imported');
          return undefined;
        });
        if (r) logger.info(r, 'visits demo data');
      }

      // Responses: a subscription on each team leader's events where Graph can reach us.
      const clientState = config.graphWebhookClientState ?? randomBytes(24).toString('base64url');
      // One per team leader of the active year, renewed before expiry (and made for teams formed
      // later) on every sweep; Graph keeps Outlook subscriptions at most 4,230 minutes.
      const subscriptions = new Map<string, Subscription>();
      const reachable = config.mode === 'local' || context.publicUrl.startsWith('https://');
      const ensureSubscriptions = async () => {
        if (!reachable) return;
        for (const team of await store.examinerTeams.listTeams(activeYear(cycles, now()))) {
          const options = {
            resource: `users/${team.leader}/events`,
            changeType: 'updated,deleted',
            notificationUrl: `${context.publicUrl}/api/graph/notifications`,
            clientState,
            minutes: 4230,
          };
          try {
            const current = subscriptions.get(team.leader);
            const sub = current
              ? await keepSubscriptionAlive(context.graph, current, options, now())
              : await createSubscription(context.graph, { ...options, now: now() });
            subscriptions.set(team.leader, sub);
          } catch (e) {
            logger.warn(
              { leader: team.leader, err: String(e) },
              'no event subscription: sweep only',
            );
          }
        }
      };
      await ensureSubscriptions();

      const notifyLeader = async (change: ResponseChange) => {
        if (!change.declined) return;
        const { proposals, by } = change.declined;
        const leader = proposals.team.leader;
        const slot =
          change.visit.start && change.visit.end
            ? formatTimeRange(change.visit.start, change.visit.end, 'sv')
            : '';
        await context.delivery
          .deliver({
            key: `visit:${change.visit.id}:declined:${change.visit.start ?? ''}`,
            to: { email: leader },
            card: (person) => proposalsCard(proposals, person.locale, 'declined', by),
            mail: () => ({
              subject: `Nytt förslag: ${proposals.unit.name}`,
              html: `<p>${by} har tackat nej till besöket ${slot}. Öppna Teams och skriv "besök" för nya tider.</p>`,
            }),
          })
          .catch((e: unknown) => logger.warn({ err: String(e) }, 'proposals not delivered'));
      };

      const notifyMoved = async (moved: Exclude<MoveOutcome, { outcome: 'taken' }>, by: string) => {
        const { visit, unit, team } = moved;
        await context.delivery
          .deliver({
            key: `visit:${visit.id}:moved:${visit.start ?? ''}`,
            to: { email: team.leader },
            card: (person) => bookedCard({ ...moved, outcome: 'moved' }, person.locale),
            mail: (person) => {
              const when = formatTimeRange(visit.start!, visit.end!, person.locale);
              return person.locale === 'en'
                ? {
                    subject: `Visit moved: ${unit.name}`,
                    html: `<p>${escapeHtml(by)} moved the visit at ${escapeHtml(unit.name)} to ${when}. Everyone invited got the update in Outlook.</p>`,
                  }
                : {
                    subject: `Besöket flyttat: ${unit.name}`,
                    html: `<p>${escapeHtml(by)} har flyttat besöket hos ${escapeHtml(unit.name)} till ${when}. Alla inbjudna har fått ändringen i Outlook.</p>`,
                  };
            },
          })
          .catch((e: unknown) => logger.warn({ err: String(e) }, 'move notice not delivered'));
      };

      let queue = Promise.resolve();
      const enqueue = (work: () => Promise<void>) => {
        queue = queue.then(work).catch((e: unknown) => {
          logger.warn({ err: String(e) }, 'visit response handling failed');
        });
      };
      const sweepMs = options.sweepMs ?? 10 * 60_000;
      const timer =
        sweepMs > 0
          ? setInterval(
              () =>
                enqueue(async () => {
                  await ensureSubscriptions();
                  const { changes } = await service.sweep(activeYear(cycles, now()));
                  for (const c of changes) await notifyLeader(c);
                }),
              sweepMs,
            )
          : undefined;
      timer?.unref();

      const tabApi = Router();
      tabApi.use(json({ limit: '16kb' }));
      const handle =
        (
          work: (
            req: import('express').Request,
            res: import('express').Response,
          ) => Promise<unknown>,
        ) =>
        async (
          req: import('express').Request,
          res: import('express').Response,
          next: (e?: unknown) => void,
        ) => {
          // Errors go to the one boundary (server/errors.ts): the tab's one error shape.
          try {
            res.json(await work(req, res));
          } catch (e) {
            next(e);
          }
        };
      const yearQuery = z.object({
        year: z.coerce.number().int().min(2000).max(2100).optional(),
        kind: z.enum(['site', 'feedback']).optional(),
      });
      tabApi.get(
        '/visits/calendar',
        handle(async (req, res) => {
          const principal = principalOf(res);
          const q = yearQuery.parse(req.query);
          const y = q.year ?? activeYear(cycles, now());
          const kind = q.kind ?? 'site';
          if (principal.roles.includes('coordinator'))
            return { year: y, kind, visits: await service.calendar(y, kind) };
          const teamIds = principal.examinerTeams.filter((t) => t.year === y).map((t) => t.teamId);
          if (teamIds.length === 0)
            throw new Forbidden('Only coordinators and examiners see visits.');
          return { year: y, kind, visits: await service.calendar(y, kind, teamIds) };
        }),
      );
      // Conflicts of interest: an examiner's own declarations (a coordinator sees all), with the
      // units in the year's cycle that one may be declared for; the tab's Conflicts view reads this.
      tabApi.get(
        '/visits/conflicts',
        handle(async (req, res) => {
          const principal = principalOf(res);
          requireRole(principal, 'examiner', 'team-leader', 'coordinator');
          const y = yearQuery.parse(req.query).year ?? activeYear(cycles, now());
          const [all, participations, units] = await Promise.all([
            store.examinerTeams.conflicts(y),
            store.participations.list({ year: y }),
            store.units.list(),
          ]);
          const taking = new Set(participations.map((p) => p.unitId));
          const me = principal.userPrincipalName.toLowerCase();
          return {
            year: y,
            units: units
              .filter((u) => taking.has(u.id))
              .map((u) => ({ unitId: u.id, name: u.name }))
              .sort((a, b) => a.name.localeCompare(b.name, 'sv')),
            conflicts: principal.roles.includes('coordinator')
              ? all
              : all.filter((c) => c.address === me),
          };
        }),
      );
      tabApi.post(
        '/visits/conflicts',
        handle(async (req, res) => {
          const principal = principalOf(res);
          requireRole(principal, 'examiner', 'team-leader');
          const body = z
            .object({
              unitId: z.string().min(1).max(200),
              reason: z.string().trim().max(500).optional(),
              year: z.number().int().min(2000).max(2100).optional(),
            })
            .parse(req.body);
          const y = body.year ?? activeYear(cycles, now());
          return service.declareConflict(
            { objectId: principal.objectId, address: principal.userPrincipalName },
            y,
            body.unitId,
            body.reason || undefined,
          );
        }),
      );
      tabApi.get(
        '/visits/teams',
        handle(async (req, res) => {
          requireRole(principalOf(res), 'coordinator');
          const y = yearQuery.parse(req.query).year ?? activeYear(cycles, now());
          return { year: y, teams: await store.examinerTeams.listTeams(y) };
        }),
      );
      tabApi.post(
        '/visits/teams',
        handle(async (req, res) => {
          requireRole(principalOf(res), 'coordinator');
          const address = z.string().trim().toLowerCase().pipe(z.email());
          const body = z
            .object({
              id: z.string().min(1).max(100).optional(),
              year: z.number().int().min(2000).max(2100).optional(),
              name: z.string().trim().min(1).max(200),
              leader: address,
              members: z
                .array(
                  z.object({
                    address,
                    name: z.string().max(200).optional(),
                    organisationId: z.string().max(100).optional(),
                  }),
                )
                .min(1)
                .max(12),
            })
            .refine((b) => b.members.some((m) => m.address === b.leader), {
              message: 'the leader must be one of the members',
              path: ['leader'],
            })
            .parse(req.body);
          const y = body.year ?? activeYear(cycles, now());
          const id = body.id ?? `team-${y}-${randomBytes(6).toString('hex')}`;
          await store.examinerTeams.upsertTeam({
            id,
            year: y,
            name: body.name,
            leader: body.leader,
            members: body.members,
          });
          return store.examinerTeams.getTeam(id);
        }),
      );
      tabApi.get(
        '/visits/assignment',
        handle(async (req, res) => {
          requireRole(principalOf(res), 'coordinator');
          const y = yearQuery.parse(req.query).year ?? activeYear(cycles, now());
          const { proposal, units, teams } = await service.proposeAssignment(y);
          // Names beside the ids: the tab shows the proposal before the coordinator confirms it.
          return {
            year: y,
            ...proposal,
            names: {
              units: Object.fromEntries(units.map((u) => [u.id, u.name])),
              teams: Object.fromEntries(teams.map((t) => [t.id, t.name])),
            },
          };
        }),
      );
      tabApi.post(
        '/visits/assignment',
        handle(async (req, res) => {
          const principal = principalOf(res);
          requireRole(principal, 'coordinator');
          const body = z
            .object({
              year: z.number().int().min(2000).max(2100).optional(),
              assignments: z
                .array(z.object({ unitId: z.string().min(1), teamId: z.string().min(1) }))
                .max(2000)
                .optional(),
            })
            .parse(req.body ?? {});
          return service.assign(
            { id: principal.objectId, name: principal.displayName },
            body.year ?? activeYear(cycles, now()),
            body.assignments,
          );
        }),
      );
      // A team leader books (or moves) a visit at one of the proposed times from the tab, as with
      // the bot's card (visit.book); the proposals come from GET /addin/visits/proposals.
      tabApi.post(
        '/visits/book',
        handle(async (req, res) => {
          const principal = principalOf(res);
          const body = z
            .object({
              unitId: z.string().min(1).max(200),
              year: z.number().int().min(2000).max(2100).optional(),
              kind: z.enum(['site', 'feedback']),
              mode: z.enum(['on-site', 'digital']).default('on-site'),
              start: z.string().min(10).max(40),
              end: z.string().min(10).max(40),
            })
            .parse(req.body);
          const ref = {
            unitId: body.unitId,
            year: body.year ?? activeYear(cycles, now()),
            kind: body.kind,
          };
          const actor = {
            objectId: principal.objectId,
            address: principal.userPrincipalName,
            name: principal.displayName,
          };
          const outcome = await service.book(actor, ref, body.mode, body.start, body.end);
          if (outcome.outcome === 'taken') {
            res.status(409);
            return errorBody({
              status: 409,
              code: 'slot-taken',
              message: 'That time was taken meanwhile: pick another one.',
              messageSv: 'Tiden hann bokas av någon annan: välj en annan.',
              expected: true,
            });
          }
          return {
            outcome: outcome.outcome,
            start: outcome.visit.start,
            end: outcome.visit.end,
          };
        }),
      );
      // Moving a booked visit that has not taken place (the unit's team leader or a coordinator):
      // fresh times as for booking, the current one left out, then the same Outlook event moved.
      const moveRef = z.object({
        unitId: z.string().min(1).max(200),
        year: z.coerce.number().int().min(2000).max(2100).optional(),
        kind: z.enum(['site', 'feedback']),
      });
      const moverOf = (principal: ReturnType<typeof principalOf>) => ({
        objectId: principal.objectId,
        address: principal.userPrincipalName,
        name: principal.displayName,
        coordinator: principal.roles.includes('coordinator'),
      });
      tabApi.get(
        '/visits/move/proposals',
        handle(async (req, res) => {
          const principal = principalOf(res);
          const q = moveRef.parse(req.query);
          const ref = { unitId: q.unitId, year: q.year ?? activeYear(cycles, now()), kind: q.kind };
          const { proposals, current } = await service.proposeMove(moverOf(principal), ref);
          return { ref, current, ...proposalsJson(proposals) };
        }),
      );
      tabApi.post(
        '/visits/move',
        handle(async (req, res) => {
          const principal = principalOf(res);
          const body = moveRef
            .extend({
              year: z.number().int().min(2000).max(2100).optional(),
              start: z.string().min(10).max(40),
              end: z.string().min(10).max(40),
            })
            .parse(req.body);
          const ref = {
            unitId: body.unitId,
            year: body.year ?? activeYear(cycles, now()),
            kind: body.kind,
          };
          const mover = moverOf(principal);
          const outcome = await service.move(mover, ref, body.start, body.end);
          if (outcome.outcome === 'taken') {
            res.status(409);
            return errorBody({
              status: 409,
              code: 'slot-taken',
              message: 'That time was taken meanwhile: pick another one.',
              messageSv: 'Tiden hann bokas av någon annan: välj en annan.',
              expected: true,
            });
          }
          // Outlook tells the attendees; the team leader hears from the app when someone else
          // (a coordinator) moved their team's visit: the bot's "moved" card, by mail as fallback.
          if (outcome.outcome === 'moved' && outcome.team.leader !== mover.address.toLowerCase())
            enqueue(() => notifyMoved(outcome, principal.displayName));
          return {
            outcome: outcome.outcome,
            start: outcome.visit.start,
            end: outcome.visit.end,
            from: outcome.from,
          };
        }),
      );
      tabApi.post(
        '/visits/jury',
        handle(async (req, res) => {
          const principal = principalOf(res);
          requireRole(principal, 'coordinator');
          const body = z
            .object({
              unitId: z.string().min(1),
              result: z.enum(['winner', 'honourable-mention', 'none']),
              year: z.number().int().optional(),
            })
            .parse(req.body);
          const moved = await service.recordJury(
            { id: principal.objectId, name: principal.displayName },
            body.year ?? activeYear(cycles, now()),
            body.unitId,
            body.result,
          );
          return { recorded: moved };
        }),
      );

      // The Outlook add-in's "Boka besök" pane: proposals, the appointment's content, recording.
      tabApi.use(addinVisitsApi({ service, cycles, now, userGraph: context.userGraph }));

      return {
        examinerTeams: examinerTeamsSource(store),
        bot: visitsBot({
          service,
          store,
          roles: context.roles,
          cycles,
          now,
          async sendProposals(y, kind) {
            const round = await service.planRound(y, kind);
            const results = await context.delivery.deliverAll(
              round.map((p) => ({
                key: `visit:${y}:${kind}:${p.unit.id}:proposals:${p.answer.slots[0]?.start ?? 'none'}`,
                to: { email: p.team.leader },
                card: (person) => proposalsCard(p, person.locale),
                mail: () => ({
                  subject: `Boka besök: ${p.unit.name}`,
                  html: `<p>Dags att boka besök hos ${p.unit.name}. Öppna Teams och skriv "besök".</p>`,
                }),
              })),
            );
            return results.filter((r) => r.outcome === 'teams' || r.outcome === 'mail').length;
          },
        }),
        tabApi,
        acceptsClientState: (state) => state === clientState,
        onGraphNotifications(notifications) {
          for (const n of notifications) {
            if (n.clientState !== clientState || !/\/events/i.test(n.resource ?? '')) continue;
            const id = (n.resourceData?.id as string | undefined) ?? n.resource?.split('/').pop();
            if (!id) continue;
            enqueue(async () => {
              const change = await service.onEventChanged(id);
              if (change) await notifyLeader(change);
            });
          }
        },
        async close() {
          if (timer) clearInterval(timer);
          await queue;
          for (const id of [...subscriptions.values()]
            .map((x) => x.id)
            .filter((x): x is string => x !== undefined))
            await deleteSubscription(context.graph, id).catch(() => undefined);
        },
      };
    },
  };
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
