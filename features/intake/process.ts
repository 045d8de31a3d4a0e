// Processing one claimed mail, start to end: read it from Graph, understand it (kind, unit, documents),
// change the unit's participation with the mail as source, queue the answer, file it in Outlook, and
// record the outcome. Every step is idempotent (transitions keyed by the mail, the receipt keyed by the
// mail, categories merged, moves by immutable id), so a crash anywhere is repaired by running again.
import {
  assessMail,
  infoMeetingSignupReceipt,
  MAIL_KIND_LABELS,
  pickInfoMeeting,
  prepareUnits,
  preRegistrationReceipt,
  previewOf,
  withdrawalReceipt,
  type MailFacts,
  type MailKind,
  type Receipt,
} from '../../core/intake/index.js';
import type { Bilingual, Cycle, Locale, ParticipationState, Unit } from '../../core/model.js';
import type { MailRecord } from '../../store/index.js';
import type { IntakeContext } from './context.js';
import { cycleForMail } from './cycle.js';
import { documentAttachments, readDocuments, type ReadDocument } from './documents.js';
import { mailFacts } from './facts.js';
import {
  clearTriageCategories,
  folderFor,
  LATE_CATEGORY,
  PROBLEM_CATEGORY,
  TRIAGE_CATEGORY,
  type Filer,
} from './filing.js';
import { handleProtocol, toMatchable } from './protocol.js';
import { queueReply } from './replies.js';
import { handleSubmission } from './submission.js';
import { withLock } from './lock.js';
import { retryPolicy } from './retry.js';
import { readDetails, type IntakeDetails } from './details.js';
import { readMail } from './read-mail.js';
import { bounceTriageReason, findBouncedMail } from './bounce.js';
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

/** Kinds whose documents are downloaded and read. */
const READS_DOCUMENTS: readonly MailKind[] = ['submission', 'board-protocol'];

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
  const units = await ctx.store.units.list();
  const prepared = prepareUnits(units.map(toMatchable));

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
  const kindGuess = decision?.kind ?? assessment.classification.kind;
  const wantsDocuments =
    READS_DOCUMENTS.includes(kindGuess) ||
    (assessment.classification.alternative !== undefined &&
      READS_DOCUMENTS.includes(assessment.classification.alternative));
  if (wantsDocuments && documentAttachments(attachments).length > 0) {
    await keep();
    documents = await readDocuments(ctx, mail.messageId, attachments);
    const text = documents.map((d) => (d.result.ok ? d.result.text : '')).join('\n\n');
    if (text.trim())
      assessment = assessMail(facts, prepared, { documentText: text.slice(0, 20_000) });
    await keep();
  }

  const receivedAt = message.receivedDateTime ?? mail.receivedAt;
  const historical = new Date(receivedAt).getTime() < deps.goLive.getTime();
  const base: IntakeDetails = {
    kind: assessment.classification.kind,
    confidence: assessment.classification.confidence,
    reasons: assessment.classification.reasons.map((sv, i) => ({
      sv,
      en: assessment.classification.reasonsEn[i] ?? sv,
    })),
    candidates: assessment.match.candidates.slice(0, 5).map((c) => ({
      unitId: c.unitId,
      unitName: c.unitName,
      score: c.score,
    })),
    ...(assessment.match.candidates[0]
      ? { suggestedUnitId: assessment.match.unitId ?? assessment.match.candidates[0].unitId }
      : {}),
    ...(historical ? { historical: true } : {}),
    facts: [],
    from: facts.from.address,
    subject: facts.subject,
    preview: previewOf(facts.body, 280),
  };

  // A bounce of a mail we sent: never answered; the sent item is marked and a coordinator told who
  // got nothing (the report waits in triage until someone has seen it).
  const bounce = assessment.classification.nonDelivery;
  if (!decision && bounce) {
    const bounced = await findBouncedMail(ctx, bounce, receivedAt);
    if (bounced)
      await ctx.store.outbox.markBounced(bounced.item.id, {
        at: receivedAt,
        ...(bounce.reason ? { reason: bounce.reason } : {}),
      });
    const details: IntakeDetails = {
      ...base,
      ...(bounced?.unitId ? { suggestedUnitId: bounced.unitId } : {}),
      triageReasons: [bounceTriageReason(bounce, bounced)],
      facts: [
        {
          sv: 'Rapport om utebliven leverans: besvaras inte.',
          en: 'A non-delivery report: not answered.',
        },
      ],
    };
    await deps.filer.file(
      mail.messageId,
      [MAIL_KIND_LABELS[base.kind].category, TRIAGE_CATEGORY],
      null,
      message.categories ?? [],
    );
    deps.onTriage?.(mail, details);
    return { status: 'triage', details };
  }
  if (!decision && assessment.decision === 'triage') {
    const details: IntakeDetails = { ...base, triageReasons: assessment.triageReasons };
    await deps.filer.file(
      mail.messageId,
      [MAIL_KIND_LABELS[base.kind].category, TRIAGE_CATEGORY],
      null,
      message.categories ?? [],
    );
    deps.onTriage?.(mail, details);
    return { status: 'triage', details };
  }

  const kind = decision?.kind ?? assessment.classification.kind;
  const unitId = decision ? decision.unitId : assessment.match.unitId;
  const unit = unitId ? units.find((u) => u.id === unitId) : undefined;
  let cycle = cycleForMail(ctx.cycles, kind, facts.sentAt);
  if (kind === 'withdrawal' && unit && cycle)
    cycle = await cycleOfActiveParticipation(ctx, unit.id, cycle);
  if (!cycle) {
    // Years-old mail in a mailbox the app has just connected to: labelled, but about no cycle we run.
    const details: IntakeDetails = {
      ...base,
      kind,
      facts: [
        {
          sv: 'Mejlet är äldre än de omgångar appen känner till; inget deltagande ändrades.',
          en: 'The mail is older than the cycles the app knows; no participation was changed.',
        },
      ],
    };
    if (decision) await clearTriageCategories(ctx, mail.messageId);
    await deps.filer.file(
      mail.messageId,
      [MAIL_KIND_LABELS[kind].category],
      null,
      decision ? undefined : (message.categories ?? []),
    );
    return { status: 'processed', details };
  }
  const details: IntakeDetails = {
    ...base,
    kind,
    ...(decision ? { decision } : {}),
    ...(unit ? { suggestedUnitId: unit.id, unitId: unit.id } : {}),
    year: cycle.year,
  };
  const language: Locale = assessment.classification.signals.language;
  const categories = [MAIL_KIND_LABELS[kind].category];
  const act = await actOn(ctx, {
    kind,
    unit,
    cycle,
    facts,
    messageId: mail.messageId,
    receivedAt,
    language,
    documents,
    units,
  });
  details.facts.push(...act.facts);
  if (act.infoMeeting) details.infoMeeting = act.infoMeeting;
  if (act.late) categories.push(LATE_CATEGORY);
  if (act.problem) categories.push(PROBLEM_CATEGORY);
  // Never answer our own mailbox (a loop), nor mail from before go-live.
  const ownMail = facts.from.address === ctx.mailbox.toLowerCase();
  if (act.receipt && !historical && !ownMail) {
    details.replyQueued = true;
    await queueReply(ctx, {
      messageId: mail.messageId,
      receipt: act.receipt,
      receivedAt,
      cycle,
      purpose: kind === 'submission' || kind === 'pre-registration' ? 'receipt' : 'confirmation',
    });
  }
  await keep();
  details.acted = { at: ctx.now().toISOString(), categories, folder: folderFor(kind, cycle.year) };
  // Checkpoint: if filing fails from here on, the retry files the mail and acts on nothing again.
  if (!(await ctx.store.mails.update(key, owner, { details: details as never })))
    throw new Error('lease lost before the effects were recorded');
  return finishFiling(ctx, deps, mail, details, message.categories ?? []);
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
    if (details.decision) await clearTriageCategories(ctx, mail.messageId);
    await deps.filer.file(
      mail.messageId,
      acted.categories,
      acted.folder,
      details.decision ? undefined : current,
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

interface ActInput {
  kind: MailKind;
  unit: Unit | undefined;
  cycle: Cycle;
  facts: MailFacts;
  messageId: string;
  receivedAt: string;
  language: Locale;
  documents: ReadDocument[];
  units: Unit[];
}

interface ActOutcome {
  receipt?: Receipt;
  /** The meeting an info-meeting signup is recorded for. */
  infoMeeting?: { id: string; certain: boolean };
  facts: Bilingual[];
  late?: boolean;
  problem?: boolean;
}

async function actOn(ctx: IntakeContext, a: ActInput): Promise<ActOutcome> {
  const year = a.cycle.year;
  const sentAt = a.facts.sentAt;
  const facts: Bilingual[] = [];
  const move = async (to: 'pre-registered' | 'withdrawn' | 'submitted') => {
    const r = await applyMailTransition(ctx, {
      unitId: a.unit!.id,
      year,
      to,
      messageId: a.messageId,
      at: sentAt,
    });
    if (r.fact) facts.push(r.fact);
    return r;
  };
  switch (a.kind) {
    case 'pre-registration': {
      if (!a.unit) return { facts: [noUnit()] };
      const r = await move('pre-registered');
      // A unit already further on (submitted, judged) gets no "thank you for registering".
      if (r.participation?.state !== 'pre-registered') return { facts, problem: true };
      return {
        facts,
        receipt: preRegistrationReceipt({
          cycle: a.cycle,
          now: sentAt,
          unitName: a.unit.name,
          language: a.language,
        }),
      };
    }
    case 'withdrawal': {
      if (!a.unit) return { facts: [noUnit()] };
      const r = await move('withdrawn');
      // Confirm only what is true: a unit already judged cannot withdraw by mail; a coordinator looks.
      if (r.participation?.state !== 'withdrawn') return { facts, problem: true };
      return {
        facts,
        receipt: withdrawalReceipt({ cycle: a.cycle, unitName: a.unit.name, language: a.language }),
      };
    }
    case 'submission': {
      const unit = a.unit;
      if (!unit) return { facts: [noUnit()] };
      const documents = a.documents;
      // One submission of a unit at a time: the parts of a split submission see each other.
      const outcome = await withLock(ctx, `intake:submission:${unit.id}:${year}`, () =>
        handleSubmission(ctx, {
          messageId: a.messageId,
          subject: a.facts.subject,
          unitId: unit.id,
          unitName: unit.name,
          cycle: a.cycle,
          sentAt,
          receivedAt: a.receivedAt,
          language: a.language,
          documents,
        }),
      );
      if (outcome.readable) await move('submitted');
      else
        facts.push({
          sv: 'Inget läsbart dokument: deltagandet ändrades inte.',
          en: 'No readable document: the participation was not changed.',
        });
      return {
        facts,
        receipt: outcome.receipt,
        late: outcome.check?.late ?? false,
        problem: (outcome.check?.problems.length ?? 0) > 0,
      };
    }
    case 'board-protocol': {
      const outcome = await handleProtocol(ctx, {
        messageId: a.messageId,
        year,
        sentAt,
        bodyText: a.facts.body,
        documents: a.documents,
        units: a.units,
        organisations: await ctx.store.organisations.list(),
      });
      facts.push(...outcome.facts);
      if (outcome.match.unmatchedLines.length > 0)
        facts.push({
          sv: `Rader i protokollet som inte motsvarar någon känd enhet: ${outcome.match.unmatchedLines.join('; ')}`,
          en: `Protocol lines that match no known unit: ${outcome.match.unmatchedLines.join('; ')}`,
        });
      facts.push({
        sv: `Enheter i protokollet: ${outcome.match.units.map((u) => u.unitName).join(', ') || 'inga'}`,
        en: `Units in the protocol: ${outcome.match.units.map((u) => u.unitName).join(', ') || 'none'}`,
      });
      return { facts, problem: outcome.match.unmatchedLines.length > 0 };
    }
    case 'info-meeting-signup': {
      const picked = pickInfoMeeting(a.cycle, `${a.facts.subject}\n${a.facts.body}`, sentAt);
      if (!picked) {
        facts.push({
          sv: 'Det finns inget kommande informationsmöte att anmäla till.',
          en: 'There is no upcoming information meeting to sign up for.',
        });
        return { facts, problem: true };
      }
      facts.push({
        sv: `Anmäld till informationsmötet ${picked.meeting.id}${picked.certain ? '' : ' (osäkert vilket möte)'}.`,
        en: `Signed up for the information meeting ${picked.meeting.id}${picked.certain ? '' : ' (unsure which meeting)'}.`,
      });
      return {
        facts,
        infoMeeting: { id: picked.meeting.id, certain: picked.certain },
        receipt: infoMeetingSignupReceipt({
          cycle: a.cycle,
          meeting: picked.meeting,
          language: a.language,
          ...(a.facts.from.name ? { name: a.facts.from.name } : {}),
        }),
      };
    }
    // Questions wait for a coordinator; auto-replies and newsletters are never answered (no loops).
    case 'question':
    case 'auto-reply':
    case 'other':
      return { facts };
  }
}

const SETTLED: readonly ParticipationState[] = [
  'withdrawn',
  'not-eligible',
  'jury-decided',
  'feedback-visit-held',
];

/**
 * A withdrawal concerns the cycle the unit is taking part in now (a unit under examination in
 * September withdraws from this year's cycle, not next year's): the earliest unsettled participation
 * of a cycle not after the mail's own, else the mail's cycle.
 */
async function cycleOfActiveParticipation(
  ctx: IntakeContext,
  unitId: string,
  byDate: Cycle,
): Promise<Cycle> {
  const active = (await ctx.store.participations.listForUnit(unitId))
    .filter((p) => p.year <= byDate.year && !SETTLED.includes(p.state))
    .sort((a, b) => a.year - b.year)[0];
  return (active && ctx.cycles.find((c) => c.year === active.year)) ?? byDate;
}

function noUnit(): Bilingual {
  return {
    sv: 'Ingen enhet vald: deltagandet ändrades inte.',
    en: 'No unit chosen: the participation was not changed.',
  };
}
