// The Outlook add-in's mail read pane API (under /api/tab, behind the tab's sign-in), mounted by the
// intake feature: a mail of the shared mailbox by its internet message id, as the intake saw it, and
// the coordinator's acts on it: the triage decision (the same resolveTriage as the bot's and the
// tab's), correcting a mail decided automatically, and resending the receipt. Coordinators only; a
// mail outside the shared mailbox is named as such and offers nothing to do.
import express, { Router, type Response } from 'express';
import { z } from 'zod';
import { MAIL_KIND_LABELS, MAIL_KINDS, type MailKind } from '../../core/intake/index.js';
import type { Bilingual } from '../../core/model.js';
import { isIntakeError, unitIndexFor, type IntakeService } from '../../features/intake/index.js';
import { principalOf, requireRole } from '../../features/roles/index.js';
import { errorBody, toHttpProblem } from '../errors.js';
import type { AppStore } from '../services.js';

const messageIdSchema = z.string().trim().min(3).max(998);

const lookupQuery = z.object({
  internetMessageId: messageIdSchema,
  /** The mailbox the item is in, as Office.js tells it (shared properties' owner, or the user's own). */
  mailbox: z.string().trim().max(320).optional(),
});

const decisionBody = z.object({
  internetMessageId: messageIdSchema,
  kind: z.enum(MAIL_KINDS as [MailKind, ...MailKind[]]),
  unitId: z.string().trim().min(1).max(200).optional(),
  /** The info meeting a signup waiting for triage is for (checked against the mail's cycle). */
  meetingId: z.string().trim().min(1).max(200).optional(),
});

const resendBody = z.object({
  internetMessageId: messageIdSchema,
  /** How many resends the pane showed: the same number twice queues one resend. */
  seen: z.number().int().min(0).max(1000),
});

function fail(res: Response, status: number, code: string, messages: Bilingual): void {
  res
    .status(status)
    .json(
      errorBody({ status, code, message: messages.en, messageSv: messages.sv, expected: true }),
    );
}

const OUTSIDE: Bilingual = {
  sv: 'Mejlet finns inte i Kvalitetsutmärkelsens funktionsbrevlåda (eller har inte lästs av appen ännu). Öppna det från funktionsbrevlådan.',
  en: 'This mail is not in the quality award’s shared mailbox (or the app has not read it yet). Open it from the shared mailbox.',
};

function badInput(res: Response, error: z.ZodError): void {
  const detail = error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
  fail(res, 400, 'bad-input', { sv: `Ogiltig begäran: ${detail}`, en: `Bad request: ${detail}` });
}

export function addinMailApi(options: {
  service: IntakeService;
  store: Pick<AppStore, 'units'>;
  /** The shared mailbox (UPN), lower case. */
  mailbox: string;
}): Router {
  const { service, mailbox } = options;
  const router = Router();
  router.use('/addin/mail', (_req, res, next) => {
    requireRole(principalOf(res), 'coordinator');
    next();
  });

  const lookup = async (res: Response, internetMessageId: string) => {
    const view = await service.mailView(internetMessageId);
    if (!view) fail(res, 404, 'outside-shared-mailbox', OUTSIDE);
    return view;
  };

  router.get('/addin/mail', async (req, res) => {
    const q = lookupQuery.safeParse(req.query);
    if (!q.success) return badInput(res, q.error);
    if (q.data.mailbox && q.data.mailbox.toLowerCase() !== mailbox)
      return fail(res, 404, 'outside-shared-mailbox', OUTSIDE);
    const view = await lookup(res, q.data.internetMessageId);
    if (!view) return;
    const units = (await unitIndexFor(options.store).current()).units
      .map((u) => ({ unitId: u.id, name: u.name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
    res.json({
      mail: view,
      actions: {
        decide: view.waitingForTriage || view.status === 'processed',
        resendReceipt: view.receipt !== undefined,
      },
      choices: {
        kinds: MAIL_KINDS.map((kind) => ({ kind, label: MAIL_KIND_LABELS[kind] })),
        units,
      },
    });
  });

  router.post('/addin/mail/decision', express.json({ limit: '8kb' }), async (req, res) => {
    const body = decisionBody.safeParse(req.body);
    if (!body.success) return badInput(res, body.error);
    const view = await lookup(res, body.data.internetMessageId);
    if (!view) return;
    const who = principalOf(res);
    const decision = {
      messageId: view.messageId,
      kind: body.data.kind,
      ...(body.data.unitId ? { unitId: body.data.unitId } : {}),
      by: who.displayName || who.userPrincipalName,
    };
    try {
      // Waiting for triage: the triage decision; decided automatically: the correction.
      if (view.waitingForTriage)
        await service.resolveTriage({
          ...decision,
          ...(body.data.meetingId ? { meetingId: body.data.meetingId } : {}),
        });
      else await service.correctMail(decision);
    } catch (e) {
      if (!isIntakeError(e)) throw e;
      return fail(res, toHttpProblem(e).status, e.reason, e.messages);
    }
    res.json({ mail: await service.mailView(body.data.internetMessageId) });
  });

  router.post('/addin/mail/receipt', express.json({ limit: '8kb' }), async (req, res) => {
    const body = resendBody.safeParse(req.body);
    if (!body.success) return badInput(res, body.error);
    const view = await lookup(res, body.data.internetMessageId);
    if (!view) return;
    try {
      const result = await service.resendReceipt(view.messageId, body.data.seen);
      res.json({ ...result, mail: await service.mailView(body.data.internetMessageId) });
    } catch (e) {
      if (!isIntakeError(e)) throw e;
      fail(res, toHttpProblem(e).status, e.reason, e.messages);
    }
  });
  return router;
}
