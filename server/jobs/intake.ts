// The mailbox intake as a server feature: builds intake's context from the host's collaborators,
// starts the service (go-live, categories, resume, delta, subscription), passes Graph notifications
// on, exposes the triage list and the protocol report to the tab, and stops on shutdown.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import express, { Router } from 'express';
import { z } from 'zod';
import { MAIL_KINDS, type MailKind } from '../../core/intake/index.js';
import { createGraphApi } from '../../graph/index.js';
import {
  type IntakeDetails,
  isIntakeError,
  createIntakeService,
  type IntakeService,
  type IntakeServiceOptions,
} from '../../features/intake/index.js';
import { loadCycles } from '../cycles.js';
import { errorBody, toHttpProblem } from '../errors.js';
import { parseOr400 } from '../routes/validation.js';
import type { FeatureContext, FeatureHandle, ServerFeature } from '../features.js';
import { principalOf, requireRole } from '../../features/roles/index.js';
import { addinMailApi } from './addin-mail.js';
import { importDemoData } from './intake-demo-data.js';
import { createOutboxFeature } from './intake-outbox.js';
import { coordinatorIds, createTriageNotifier } from './triage-notices.js';

export interface IntakeFeatureOptions {
  /** Import the demo tenant's units into an empty store in local mode (default true). */
  importDemoData?: boolean;
  cyclesDir?: string;
  /** Passed to the service (delta interval, triage hook, ...). */
  service?: Omit<
    IntakeServiceOptions,
    'notificationUrl' | 'lifecycleNotificationUrl' | 'clientState'
  >;
  /** Receives the running service (the bot's triage command, tests). */
  onService?: (service: IntakeService) => void;
  /** Called after a reply was queued (wakes the outbox sender). */
  onMailQueued?: () => void;
}

export function createIntakeFeature(options: IntakeFeatureOptions = {}): ServerFeature {
  return {
    name: 'intake',
    async start(context: FeatureContext): Promise<FeatureHandle> {
      const { config, logger, store } = context;
      const cycles = loadCycles(options.cyclesDir);
      if (config.mode === 'local' && options.importDemoData !== false) {
        const result = await importDemoData(store, config.clock.now());
        if (result.imported) logger.info({ units: result.units }, 'demo units imported');
      }
      // Graph must be able to reach us: the emulator reaches localhost; a tenant needs https.
      const reachable = config.mode === 'local' || context.publicUrl.startsWith('https://');
      // Without GRAPH_WEBHOOK_CLIENT_STATE the service generates one and keeps it in the store.
      const clientState = config.graphWebhookClientState;
      if (!reachable)
        logger.warn(
          { publicUrl: context.publicUrl },
          'no Graph subscription (Graph needs an https PUBLIC_URL to reach us): delta polling only',
        );
      const coordinators = coordinatorIds(context.graph);
      const service = createIntakeService(
        {
          store,
          graph: createGraphApi(context.graph),
          mailbox: config.m365.sharedMailbox.toLowerCase(),
          cycles,
          now: () => config.clock.now(),
          logger,
          instanceId: `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`,
          ...(options.onMailQueued ? { onMailQueued: options.onMailQueued } : {}),
        },
        {
          onTriage: createTriageNotifier(context),
          ...options.service,
          ...(reachable
            ? {
                notificationUrl: `${context.publicUrl}/api/graph/notifications`,
                lifecycleNotificationUrl: `${context.publicUrl}/api/graph/lifecycle`,
              }
            : {}),
          ...(clientState ? { clientState } : {}),
        },
      );
      // Ready means running: started (first delta round done) and, where Graph can reach us,
      // subscribed. A start that fails (Graph down) is tried again until it succeeds.
      let running = false;
      let closed = false;
      let retry: NodeJS.Timeout | undefined;
      const startService = async (): Promise<void> => {
        try {
          await service.start();
          running = true;
        } catch (err) {
          if (closed) return;
          logger.error({ err }, 'intake could not start; trying again in 30 s');
          retry = setTimeout(() => void startService(), 30_000);
          retry.unref();
        }
      };
      await startService();
      const notReady = (reason: string) =>
        Object.assign(new Error(`intake ${reason}`), { reason: `intake-${reason}` });
      const intakeReady = async (): Promise<void> => {
        if (!running) throw notReady('starting');
        if (!reachable) return;
        const mailbox = config.m365.sharedMailbox.toLowerCase();
        const now = config.clock.now().getTime();
        const subscribed = (await store.sync.listSubscriptions()).some(
          (s) => s.resource.toLowerCase().includes(mailbox) && Date.parse(s.expiresAt) > now,
        );
        if (!subscribed) throw notReady('unsubscribed');
      };
      options.onService?.(service);
      return {
        tabApi: Router().use(
          intakeTabApi(service),
          addinMailApi({ service, store, mailbox: config.m365.sharedMailbox.toLowerCase() }),
        ),
        onGraphNotifications: (notifications) => service.handleNotifications(notifications),
        acceptsClientState: (value) => service.acceptsClientState(value),
        triage: {
          listTriage: (o) => service.listTriage(o),
          resolveTriage: (r) => service.resolveTriage(r),
          units: async () => (await store.units.list()).map((u) => ({ id: u.id, name: u.name })),
          outcome: async (messageId) => {
            const mail = await store.mails.get({
              mailbox: config.m365.sharedMailbox.toLowerCase(),
              messageId,
            });
            if (!mail) return undefined;
            // Decided (or being processed after a decision): what it became, and who said so.
            if (mail.status !== 'triage' && !(mail.status === 'failed' && !mail.retryAt)) {
              const d = (mail.details ?? {}) as Partial<IntakeDetails>;
              return {
                done: {
                  kind: (d.decision?.kind ?? d.kind ?? 'other') as MailKind,
                  ...(mail.unitId ? { unitId: mail.unitId } : {}),
                  ...(d.decision?.by ? { by: d.decision.by } : {}),
                  ...(d.subject ? { subject: d.subject } : {}),
                },
              };
            }
            const waiting = (await service.listTriage({ limit: 500 })).find(
              (i) => i.messageId === messageId,
            );
            return waiting ? { waiting } : undefined;
          },
          refreshUserIds: async () =>
            config.mode === 'local' ? [] : (await coordinators()).slice(0, 60),
          // Coordinators only, in the local mode too (the emulator's groups decide there).
          mayTriage: async (aadObjectId) =>
            aadObjectId !== undefined &&
            ((await context.roles.resolve({ objectId: aadObjectId }))?.roles.includes(
              'coordinator',
            ) ??
              false),
        },
        readiness: [{ name: 'intake', check: intakeReady }],
        close: () => {
          closed = true;
          clearTimeout(retry);
          return service.stop();
        },
      };
    },
  };
}

/** The mailbox intake with its paced outbox sender, in start order (the sender first). */
export function intakeFeatures(options: IntakeFeatureOptions = {}): ServerFeature[] {
  const outbox = createOutboxFeature();
  return [outbox.feature, createIntakeFeature({ ...options, onMailQueued: outbox.wake })];
}

// The tab API's inputs, checked before anything is looked up: a Graph message id (base64url-like,
// never a NUL or a stray byte), a decision of a known kind, a four-digit award year.
const MESSAGE_ID = z
  .string()
  .min(1)
  .max(512)
  .regex(/^[A-Za-z0-9_=+\-.]+$/, 'not a mail id');
const BAD_YEAR = { en: 'Give ?year=YYYY', sv: 'Ange omgångens år med fyra siffror (?year=ÅÅÅÅ)' };
const DECISION = z.object({
  kind: z.enum(MAIL_KINDS as unknown as [MailKind, ...MailKind[]]),
  unitId: z.string().min(1).max(200).optional(),
  meetingId: z.string().min(1).max(200).optional(),
});
const YEAR = z
  .string()
  .regex(/^\d{4}$/, 'a four-digit year')
  .transform(Number)
  .refine((y) => y >= 2000 && y <= 2100, 'a year between 2000 and 2100');

/** The intake's part of the tab API (under /api/tab, behind the sign-in): coordinators only. */
function intakeTabApi(service: IntakeService): Router {
  const router = Router();
  // Per path, not router.use: other features' tab routes pass through this router too.
  router.use(['/triage', '/info-meetings', '/protocols'], (_req, res, next) => {
    requireRole(principalOf(res), 'coordinator');
    next();
  });
  router.get('/triage', async (_req, res) => {
    res.json({ items: await service.listTriage({ limit: 100 }) });
  });
  // A decision from the tab: { kind, unitId? } for a mail in the triage list.
  router.post('/triage/:messageId', express.json({ limit: '16kb' }), async (req, res) => {
    const who = principalOf(res);
    const messageId = parseOr400(MESSAGE_ID, req.params.messageId, res, 'bad-message-id', {
      en: 'The mail id',
      sv: 'Mejlets id är ogiltigt',
    });
    if (messageId === undefined) return;
    const kindOk = MAIL_KINDS.includes(
      (req.body as { kind?: unknown } | undefined)?.kind as MailKind,
    );
    const body = parseOr400(
      DECISION,
      req.body ?? {},
      res,
      kindOk ? 'bad-decision' : 'unknown-kind',
      {
        en: `Give { "kind": ${MAIL_KINDS.map((k) => `"${k}"`).join(' | ')}, "unitId"?: "…", "meetingId"?: "…" }`,
        sv: kindOk
          ? 'Beslutet går inte att läsa: ange typ av mejl och vid behov enhet och informationsmöte'
          : 'Okänd typ av mejl: välj en av typerna i listan',
      },
    );
    if (body === undefined) return;
    try {
      const mail = await service.resolveTriage({
        messageId,
        kind: body.kind,
        ...(body.unitId ? { unitId: body.unitId } : {}),
        ...(body.meetingId ? { meetingId: body.meetingId } : {}),
        by: who.displayName || who.userPrincipalName,
      });
      res.json({
        status: mail?.status,
        classification: mail?.classification,
        unitId: mail?.unitId,
      });
    } catch (e) {
      if (!isIntakeError(e)) throw e;
      res.status(toHttpProblem(e).status).json(errorBody(toHttpProblem(e)));
    }
  });
  router.get('/info-meetings/signups', async (req, res) => {
    const year = parseOr400(YEAR, req.query.year, res, 'bad-year', BAD_YEAR);
    if (year === undefined) return;
    res.json({ year, meetings: await service.infoMeetingSignups(year) });
  });
  router.get('/protocols/missing', async (req, res) => {
    const year = parseOr400(YEAR, req.query.year, res, 'bad-year', BAD_YEAR);
    if (year === undefined) return;
    res.json({ year, boards: await service.missingFromProtocol(year) });
  });
  return router;
}
