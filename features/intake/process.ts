// Processing one claimed mail, start to end (decide, then act): read it from Graph with what the
// decisions need (headers where they matter, documents, the unit's participations, a bounced mail),
// let core/intake/plan.ts decide, then perform the plan's steps with idempotent helpers (transitions
// keyed by the mail, the receipt keyed by the mail, submission versions by mail, categories merged,
// moves by immutable id), so a crash anywhere is repaired by running again.
import { assessMail } from '../../core/intake/index.js';
import {
  planAnswer,
  planMail,
  readsFor,
  wantsDocuments,
  type ActPlan,
  type BouncedFacts,
  type KeepStep,
  type PlannedFiling,
  type StepResults,
  type TransitionResult,
} from '../../core/intake/plan.js';
import type { MailRecord } from '../../store/index.js';
import type { IntakeContext } from './context.js';
import { documentAttachments, readDocuments, type ReadDocument } from './documents.js';
import { mailFacts } from './facts.js';
import { clearTriageCategories, type Filer } from './filing.js';
import { readProtocol } from './protocol.js';
import { unitIndexFor } from './unit-index.js';
import { queueReply } from './replies.js';
import { handleSubmission } from './submission.js';
import { withLock } from './lock.js';
import { retryPolicy } from './retry.js';
import { readDetails, type IntakeDetails } from './details.js';
import { readMail } from './read-mail.js';
import { findBouncedMail } from './bounce.js';
import { headersMatter } from './snapshots.js';
import { applyMailTransition } from './transitions.js';

export type { IntakeDetails, TriageDecision } from './details.js';

export interface ProcessDeps {
  filer: Filer;
  goLive: Date;
  /** Called when a mail goes to triage (to notify coordinators). Must not throw. */
  onTriage?: (mail: MailRecord, details: IntakeDetails) => void;
}

export type ProcessResult = { status: 'processed' | 'triage'; details: IntakeDetails };

export async function processClaimedMail(
  ctx: IntakeContext,
  deps: ProcessDeps,
  mail: MailRecord,
): Promise<ProcessResult> {
  const key = { mailbox: mail.mailbox, messageId: mail.messageId };
  const owner = ctx.instanceId;
  const keep = () => ctx.store.mails.renewLease(key, { owner, leaseMs: ctx.leaseMs ?? 120_000 });

  // What the delta round read (no request), else the mail from Graph.
  const read = await readMail(ctx, mail.messageId, ctx.snapshots);
  if (read === 'gone') {
    // Deleted before we got to it: nothing to do, and nothing lost that a person did not remove.
    const details: IntakeDetails = {
      kind: 'other',
      confidence: 0,
      reasons: [],
      facts: [],
      gone: true,
    };
    return { status: 'processed', details };
  }
  let { message } = read;
  const { attachments } = read;
  const previous = readDetails(mail);
  const decision = previous?.decision;
  const acted = previous?.acted;
  if (acted && !(decision && decision.at > acted.at))
    return finishFiling(ctx, deps, mail, previous as IntakeDetails, message.categories ?? []);

  let facts = mailFacts(message, attachments);
  // The register as of this mail (one version read; rebuilt only after a unit write).
  const { units, prepared } = await unitIndexFor(ctx.store).current();

  let assessment = assessMail(facts, prepared);
  // The delta round does not read headers: they are read (with other mails', in one $batch) where
  // they can change what happens: before an automatic answer (an auto-reply must never get one) and
  // before a coordinator is asked (an auto-reply known by its headers is filed without them).
  if (read.withoutHeaders && ctx.snapshots && headersMatter(assessment)) {
    const headers = await ctx.snapshots.headers(mail.messageId);
    message = { ...message, internetMessageHeaders: headers };
    facts = mailFacts(message, attachments);
    assessment = assessMail(facts, prepared);
  }
  let documents: ReadDocument[] = [];
  if (wantsDocuments(assessment, decision) && documentAttachments(attachments).length > 0) {
    await keep();
    documents = await readDocuments(ctx, mail.messageId, attachments);
    const text = documents.map((d) => (d.result.ok ? d.result.text : '')).join('\n\n');
    if (text.trim())
      assessment = assessMail(facts, prepared, { documentText: text.slice(0, 20_000) });
    await keep();
  }

  const receivedAt = message.receivedDateTime ?? mail.receivedAt;
  const reads = readsFor(assessment, decision);
  const bounced = reads.bounce ? await findBouncedMail(ctx, reads.bounce, receivedAt) : undefined;
  const participations = reads.participationsOf
    ? await ctx.store.participations.listForUnit(reads.participationsOf)
    : undefined;
  const protocol = reads.protocol
    ? readProtocol({
        bodyText: facts.body,
        documents,
        units,
        organisations: await ctx.store.organisations.list(),
      })
    : undefined;
  const plan = planMail({
    facts,
    assessment,
    ...(decision ? { decision } : {}),
    units,
    cycles: ctx.cycles,
    receivedAt,
    goLive: deps.goLive,
    mailbox: ctx.mailbox,
    ...(participations ? { participations } : {}),
    ...(bounced ? { bounced: bouncedFacts(bounced) } : {}),
    ...(protocol ? { protocol } : {}),
    documentsReadable: documents.some((d) => d.result.ok),
  });
  const current = message.categories ?? [];

  if (plan.status === 'triage') {
    if (plan.markBounced) {
      const { itemId, ...mark } = plan.markBounced;
      await ctx.store.outbox.markBounced(itemId, mark);
    }
    // A late submission waits for a coordinator, its version kept meanwhile (nothing is lost).
    if (plan.keep)
      await keepSubmission(ctx, plan.keep, {
        messageId: mail.messageId,
        subject: facts.subject,
        receivedAt,
        documents,
      });
    await file(ctx, deps, mail.messageId, plan.filing, current);
    deps.onTriage?.(mail, plan.details);
    return { status: 'triage', details: plan.details };
  }
  if (plan.status === 'processed') {
    await file(ctx, deps, mail.messageId, plan.filing, current);
    return { status: 'processed', details: plan.details };
  }

  const results = await performSteps(ctx, plan, {
    messageId: mail.messageId,
    subject: facts.subject,
    receivedAt,
    documents,
  });
  const answer = planAnswer(plan, results);
  const details: IntakeDetails = {
    ...plan.details,
    facts: answer.facts,
    ...(answer.infoMeeting ? { infoMeeting: answer.infoMeeting } : {}),
  };
  if (answer.reply) {
    details.replyQueued = true;
    await queueReply(ctx, {
      messageId: mail.messageId,
      receipt: answer.reply.receipt,
      receivedAt,
      cycle: plan.cycle,
      purpose: answer.reply.purpose,
    });
  }
  await keep();
  details.acted = {
    at: ctx.now().toISOString(),
    categories: answer.categories,
    folder: answer.folder,
  };
  // Checkpoint: if filing fails from here on, the retry files the mail and acts on nothing again.
  if (!(await ctx.store.mails.update(key, owner, { details: details as never })))
    throw new Error('lease lost before the effects were recorded');
  return finishFiling(ctx, deps, mail, details, current);
}

/** The plan's steps in order, each idempotent by the mail; what they found, for the answer. */
async function performSteps(
  ctx: IntakeContext,
  plan: ActPlan,
  mail: { messageId: string; subject: string; receivedAt: string; documents: ReadDocument[] },
): Promise<StepResults> {
  const transitions: TransitionResult[] = [];
  const results: StepResults = { transitions };
  for (const step of plan.steps) {
    switch (step.do) {
      case 'transition': {
        const r = await applyMailTransition(ctx, {
          unitId: step.unitId,
          year: step.year,
          to: step.to,
          messageId: mail.messageId,
          at: plan.sentAt,
        });
        transitions.push({
          unitId: step.unitId,
          ...(r.participation ? { state: r.participation.state } : {}),
          ...(r.fact ? { fact: r.fact } : {}),
        });
        break;
      }
      case 'record-submission': {
        const outcome = await keepSubmission(ctx, { ...plan, step }, mail);
        results.submission = {
          receipt: outcome.receipt,
          late: outcome.check.late,
          problems: outcome.check.problems.length,
        };
        break;
      }
    }
  }
  return results;
}

/** Records a submission's version; one submission of a unit at a time (a split's parts see each other). */
function keepSubmission(
  ctx: IntakeContext,
  keep: KeepStep,
  mail: { messageId: string; subject: string; receivedAt: string; documents: ReadDocument[] },
) {
  const { step, cycle } = keep;
  return withLock(ctx, `intake:submission:${step.unitId}:${cycle.year}`, () =>
    handleSubmission(ctx, {
      messageId: mail.messageId,
      subject: mail.subject,
      unitId: step.unitId,
      unitName: step.unitName,
      cycle,
      sentAt: keep.sentAt,
      receivedAt: mail.receivedAt,
      language: keep.language,
      documents: mail.documents,
      ...(step.lateAccepted ? { lateAccepted: true } : {}),
      ...(step.link ? { linkedDocument: step.link } : {}),
    }),
  );
}

function bouncedFacts(b: NonNullable<Awaited<ReturnType<typeof findBouncedMail>>>): BouncedFacts {
  return {
    itemId: b.item.id,
    purpose: b.item.kind,
    recipient: b.recipient,
    ...(b.unitId ? { unitId: b.unitId } : {}),
  };
}

/** Files a mail that was not acted on (triage, or labelled only). */
async function file(
  ctx: IntakeContext,
  deps: ProcessDeps,
  messageId: string,
  filing: PlannedFiling,
  current: string[],
): Promise<void> {
  if (filing.replacesTriage) await clearTriageCategories(ctx, messageId);
  await deps.filer.file(
    messageId,
    filing.categories,
    filing.folder,
    filing.replacesTriage ? undefined : current,
  );
}

/** Filing after the effects; on the last attempt a filing failure no longer holds the mail back. */
async function finishFiling(
  ctx: IntakeContext,
  deps: ProcessDeps,
  mail: MailRecord,
  details: IntakeDetails,
  current: string[],
): Promise<ProcessResult> {
  const acted = details.acted!;
  try {
    await file(
      ctx,
      deps,
      mail.messageId,
      {
        categories: acted.categories,
        folder: acted.folder,
        replacesTriage: details.decision !== undefined,
      },
      current,
    );
  } catch (e) {
    if (retryPolicy(e, mail.attempts).retry) throw e;
    ctx.logger.warn(
      { messageId: mail.messageId, err: e },
      'mail acted on but not filed; left where it is',
    );
    return { status: 'processed', details: { ...details, unfiled: true } };
  }
  return { status: 'processed', details };
}
