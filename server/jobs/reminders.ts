// The reminders feature in the host: the scheduler (on the store's job lock `reminders`, so one
// instance runs it; a timer set to the next send time, so reminders go out on time across restarts),
// and the bot contribution: the coordinators' `påminnelser`/`reminders` command and every
// reminder.* Action.Execute verb of the unit's card and the overview.
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { Router, json } from 'express';
import type { BotAction, BotContribution, BotTurn } from '../../bot/contributions.js';
import { reminderNoticeCard, type ReminderVerb } from '../../cards/reminder.js';
import { createReminders, type Reminders } from '../../features/reminders/index.js';
import { principalOf, requireRole } from '../../features/roles/index.js';
import { loadCycles } from '../cycles.js';
import { errorBody } from '../errors.js';
import type { FeatureContext, FeatureHandle, ServerFeature } from '../features.js';

export interface RemindersFeatureOptions {
  cyclesDir?: string;
  /** Longest wait between two looks at what is due (default 60 s). */
  pollMs?: number;
  /** Deliveries in flight during a fan-out (default 16). */
  concurrency?: number;
  /** Tests: the reminders service once started. */
  onService?: (reminders: Reminders) => void;
}

const LOCK = 'reminders';
const LEASE_MS = 5 * 60_000;

export function remindersFeature(options: RemindersFeatureOptions = {}): ServerFeature {
  return {
    name: 'reminders',
    start(context: FeatureContext): FeatureHandle {
      const { config, store, logger } = context;
      const reminders = createReminders({
        store,
        delivery: context.delivery,
        cycles: loadCycles(options.cyclesDir),
        now: () => config.clock.now(),
        mailbox: config.m365.sharedMailbox.toLowerCase(),
        roles: context.roles,
        logger,
        ...(options.concurrency ? { concurrency: options.concurrency } : {}),
      });
      options.onService?.(reminders);
      const owner = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
      const pollMs = options.pollMs ?? 60_000;
      let timer: NodeJS.Timeout | undefined;
      let running: Promise<void> | undefined;
      let stopped = false;

      const tick = async () => {
        try {
          if (await store.locks.tryAcquire(LOCK, owner, LEASE_MS)) {
            // Renewed while a long fan-out runs, so no other instance starts the same one.
            const renew = setInterval(() => {
              void store.locks.tryAcquire(LOCK, owner, LEASE_MS).catch(() => undefined);
            }, LEASE_MS / 3);
            try {
              await reminders.runDue();
            } finally {
              clearInterval(renew);
            }
          }
        } catch (err) {
          logger.error({ err }, 'reminder run failed; retrying at the next tick');
        }
      };
      const schedule = async () => {
        if (stopped) return;
        let wait = pollMs;
        try {
          const next = await reminders.nextDueAt();
          if (next)
            wait = Math.max(0, Math.min(wait, next.getTime() - config.clock.now().getTime()));
        } catch (err) {
          logger.warn({ err }, 'could not compute the next reminder time');
        }
        if (stopped) return;
        timer = setTimeout(() => {
          running = tick().finally(() => {
            running = undefined;
            void schedule();
          });
        }, wait);
        timer.unref?.();
      };
      // Missed reminders (downtime) go out at start, while their deadline is ahead.
      running = tick().finally(() => {
        running = undefined;
        void schedule();
      });

      return {
        bot: remindersBot(reminders),
        tabApi: remindersTabApi(reminders, () => config.clock.now()),
        async close() {
          stopped = true;
          if (timer) clearTimeout(timer);
          await running;
          await store.locks.release(LOCK, owner).catch(() => undefined);
        },
      };
    },
  };
}

const COMMAND = /^(påminnelser|paminnelser|reminders)\b/i;

export function remindersBot(reminders: Reminders): BotContribution {
  const unit = (
    verb: 'done' | 'snooze' | 'withdraw' | 'withdraw.confirm' | 'refresh',
  ): BotAction => ({
    handle: (turn, data) => reminders.unitAction(verb, turn.userObjectId, turn.locale, data),
    refresh: (turn, data) => reminders.unitAction('refresh', turn.userObjectId, turn.locale, data),
  });
  const coordinator = (verb: 'send-now' | 'pause' | 'resume' | 'overview'): BotAction => ({
    handle: (turn, data) => reminders.coordinatorAction(verb, turn.userObjectId, turn.locale, data),
  });
  const actions: Record<ReminderVerb, BotAction> = {
    'reminder.done': unit('done'),
    'reminder.snooze': unit('snooze'),
    'reminder.withdraw': unit('withdraw'),
    'reminder.withdraw.confirm': unit('withdraw.confirm'),
    'reminder.refresh': unit('refresh'),
    'reminder.send-now': coordinator('send-now'),
    'reminder.pause': coordinator('pause'),
    'reminder.resume': coordinator('resume'),
    'reminder.overview': coordinator('overview'),
  };
  return {
    commands: [
      {
        name: 'reminders',
        examples: { sv: ['påminnelser'], en: ['reminders'] },
        match: (text) => (COMMAND.test(text.trim()) ? 1 : 0),
        async handle(turn: BotTurn) {
          if (!(await reminders.isCoordinator(turn.userObjectId)))
            return {
              card: reminderNoticeCard(
                turn.locale,
                turn.locale === 'sv'
                  ? 'Påminnelserna kan bara samordnarna se och styra.'
                  : 'Only the coordinators can see and control reminders.',
              ),
            };
          return { card: await reminders.overviewCard(turn.locale) };
        },
      },
    ],
    actions,
  };
}

/** The tab's reminders view: GET /reminders?year= (coordinators), planned and sent with counts; POST
 * /reminders/:occurrenceId/pause|resume|send-now { year } acts on one and answers the new overview. */
export function remindersTabApi(reminders: Reminders, now: () => Date): Router {
  const api = Router();
  api.get('/reminders', async (req, res, next) => {
    try {
      requireRole(principalOf(res), 'coordinator');
      const raw = req.query.year;
      const year = raw === undefined ? now().getFullYear() : Number(raw);
      const overview = Number.isInteger(year) ? await reminders.overview(year) : undefined;
      if (!overview) {
        res.status(400).json(
          errorBody({
            status: 400,
            code: 'bad-year',
            message: 'No cycle for that year.',
            messageSv: 'Det finns ingen omgång det året.',
            expected: true,
          }),
        );
        return;
      }
      res.json(overview);
    } catch (e) {
      next(e);
    }
  });
  // The tab's buttons on a reminder (coordinators): pause, resume, send now — the bot's
  // reminder.pause / reminder.resume / reminder.send-now, through the same service.
  api.post('/reminders/:occurrenceId/:verb', json({ limit: '4kb' }), async (req, res, next) => {
    try {
      const principal = principalOf(res);
      requireRole(principal, 'coordinator');
      const verb = String(req.params.verb);
      const occurrenceId = String(req.params.occurrenceId);
      const year = Number((req.body as { year?: unknown } | undefined)?.year);
      const fail = (status: number, code: string, message: string, messageSv: string) =>
        res.status(status).json(errorBody({ status, code, message, messageSv, expected: true }));
      if (verb !== 'pause' && verb !== 'resume' && verb !== 'send-now')
        return void fail(
          400,
          'bad-verb',
          'Pause, resume or send-now.',
          'Pausa, återuppta eller skicka nu.',
        );
      const overview = Number.isInteger(year) ? await reminders.overview(year) : undefined;
      if (!overview)
        return void fail(
          400,
          'bad-year',
          'No cycle for that year.',
          'Det finns ingen omgång det året.',
        );
      const row = overview.rows.find((r) => r.occurrenceId === occurrenceId);
      if (!row)
        return void fail(404, 'unknown-reminder', 'No such reminder.', 'Påminnelsen finns inte.');
      if (row.status === 'sent' || row.status === 'expired')
        return void fail(
          409,
          'reminder-done',
          'That reminder was already sent or is past.',
          'Den påminnelsen är redan skickad eller passerad.',
        );
      await reminders.coordinatorAction(verb, principal.objectId, principal.locale, {
        occurrenceId,
      });
      res.json(await reminders.overview(year));
    } catch (e) {
      next(e);
    }
  });
  return api;
}
