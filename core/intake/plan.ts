// The intake's decisions for one mail, pure (decide, then act). The executor
// (features/intake/process.ts) reads the mail and what the decisions need, asks `readsFor` what else
// to read, asks `planMail` what to do (triage, label only, or act: which participation changes, which
// documents to record), performs those steps, and asks `planAnswer` — from what the steps found (a
// transition that did not apply, the submission check) — for the facts, the
// reply, the categories and the folder. Time is a parameter; nothing here reads a clock or a store.
import type {
  Bilingual,
  Cycle,
  InfoMeeting,
  JuryResult,
  Locale,
  ParticipationState,
} from '../model.js';
import type { MailAssessment } from './assess.js';
import { cycleForMail } from './cycle.js';
import { MAIL_KIND_LABELS, type MailFacts, type MailKind } from './facts.js';
import { folderFor, LATE_CATEGORY, PROBLEM_CATEGORY, TRIAGE_CATEGORY } from './filing.js';
import { isLateSubmission, lateSubmissionReason } from './late-submission.js';
import type { NonDeliveryReport } from './non-delivery.js';
import {
  infoMeetingSignupReceipt,
  pickInfoMeeting,
  preRegistrationReceipt,
  withdrawalReceipt,
  type Receipt,
} from './receipts.js';
import { previewOf } from './text.js';
import {
  closedMeeting,
  closedMeetingReason,
  meetingsToAskAbout,
  signupMeetingText,
  whichMeetingReason,
} from './which-meeting.js';
import { lockedOutByWin, winnerLockoutReason } from './winner-lockout.js';
import { laterCycleOfMail, laterCycleReason } from './later-cycle.js';
import { noRegisteredUnitReason } from './unregistered-protocol-unit.js';

/** A coordinator's decision on a triaged mail (kept in the mail's details until applied). */
export interface MailDecision {
  kind: MailKind;
  unitId?: string;
  /** The info meeting a signup is for (the coordinator answered "which meeting?"). */
  meetingId?: string;
  by: string;
  at: string;
}

/** The mail's details as the plan decides them (the executor adds its bookkeeping: acted, unfiled). */
export interface PlannedDetails {
  kind: MailKind;
  confidence: number;
  reasons: Bilingual[];
  /** Why a coordinator must look (triage only). */
  triageReasons?: Bilingual[];
  /** The meetings a signup could be for, when the mail did not say (the coordinator picks one). */
  askMeetings?: { id: string; start: string }[];
  /** Which of askMeetings the intake finds most likely (pre-selected for the coordinator). */
  suggestedMeetingId?: string;
  candidates?: { unitId: string; unitName: string; score: number }[];
  suggestedUnitId?: string;
  /** Received before go-live: filed and recorded, never answered. */
  historical?: boolean;
  replyQueued?: boolean;
  /** What happened that a coordinator should know (an impossible transition, an unreadable file). */
  facts: Bilingual[];
  decision?: MailDecision;
  /** The info meeting a signup was recorded for. */
  infoMeeting?: { id: string; certain: boolean };
  /** The unit the mail was acted on for (processed mails). */
  unitId?: string;
  year?: number;
  from?: string;
  subject?: string;
  preview?: string;
}

/** The sent mail a non-delivery report is about, as the executor found it among the outbox's. */
export interface BouncedFacts {
  /** The outbox item's id. */
  itemId: number;
  /** The outbox item's purpose ('receipt', 'confirmation', ...). */
  purpose: string;
  recipient: string;
  unitId?: string;
}

/** What the plan needs read beyond the mail itself. */
export interface PlanReads {
  /** Look up the sent mail this non-delivery report is about. */
  bounce?: NonDeliveryReport;
  /** Read this unit's participations (a withdrawal concerns the cycle it is taking part in). */
  participationsOf?: string;
  /** Read the protocol excerpt (its board among the organisations, the units it lists). */
  protocol?: true;
}

/** What a board's protocol excerpt says, as read from its documents and the mail's body. */
export interface ProtocolFindings {
  /** The known units it lists (of its board's, when it names one board). */
  units: { unitId: string; unitName: string }[];
  /** Lines that look like unit names but match no known unit. */
  unmatchedLines: string[];
  /** Attached files that could not be read. */
  unreadable: { fileName: string; reason: string }[];
}

/** The kind the mail is handled as and the unit it is about: a coordinator's word, else the assessment's. */
export function chosen(
  assessment: MailAssessment,
  decision: MailDecision | undefined,
): { kind: MailKind; unitId?: string } {
  const kind = decision?.kind ?? assessment.classification.kind;
  const unitId = decision ? decision.unitId : assessment.match.unitId;
  return unitId ? { kind, unitId } : { kind };
}

/** Kinds whose documents are downloaded and read. */
const READS_DOCUMENTS: readonly MailKind[] = ['submission', 'board-protocol'];

/**
 * Whether the mail's documents are worth downloading: a submission or a protocol, or a mail that
 * might be one (the runner-up kind), whose document text may then settle what it is.
 */
export function wantsDocuments(
  assessment: MailAssessment,
  decision: MailDecision | undefined,
): boolean {
  const c = assessment.classification;
  return (
    READS_DOCUMENTS.includes(decision?.kind ?? c.kind) ||
    (c.alternative !== undefined && READS_DOCUMENTS.includes(c.alternative))
  );
}

/**
 * The meeting pre-selected when a coordinator is asked which one a signup means: the intake's own
 * pick (pickInfoMeeting) when it is among those asked about, else none (the coordinator must choose).
 */
function likelyMeeting(
  cycle: Cycle,
  text: string,
  sentAt: string,
  asked: readonly InfoMeeting[],
): { suggestedMeetingId?: string } {
  const picked = pickInfoMeeting(cycle, text, sentAt)?.meeting.id;
  return picked && asked.some((m) => m.id === picked) ? { suggestedMeetingId: picked } : {};
}

/**
 * What a coordinator is asked about a signup's meeting: which one (it names none while several are
 * open), or whether there is still room (its meeting's signup deadline has passed); nothing when the
 * signup can be confirmed alone.
 */
function signupQuestion(
  cycle: Cycle,
  facts: MailFacts,
  c: MailAssessment['classification'],
): { reasons: Bilingual[] } & Pick<PlannedDetails, 'askMeetings' | 'suggestedMeetingId'> {
  const text = signupMeetingText(cycle, facts, c);
  const closed = closedMeeting(cycle, text, facts.sentAt);
  if (closed) {
    const at = new Date(facts.sentAt).getTime();
    const ahead = cycle.timeline.infoMeetings.filter((m) => new Date(m.start).getTime() > at);
    return {
      reasons: [closedMeetingReason(closed)],
      askMeetings: ahead.map((m) => ({ id: m.id, start: m.start })),
      suggestedMeetingId: closed.id,
    };
  }
  const ask = meetingsToAskAbout(cycle, text, facts.sentAt);
  if (ask.length < 2) return { reasons: [] };
  return {
    reasons: [whichMeetingReason(ask)],
    askMeetings: ask.map((m) => ({ id: m.id, start: m.start })),
    ...likelyMeeting(cycle, text, facts.sentAt, ask),
  };
}

/** The link a submission mail gives instead of its file (classify.ts's 'document-link'), if any. */
function linkOf(c: MailAssessment['classification']): { link?: string } {
  // (A plan built from a stored assessment may carry no fired rules.)
  const link = (c.signals.fired ?? []).find((s) => s.rule === 'document-link')?.evidence;
  return link ? { link } : {};
}

export function readsFor(
  assessment: MailAssessment,
  decision: MailDecision | undefined,
): PlanReads {
  const bounce = assessment.classification.nonDelivery;
  if (!decision && bounce) return { bounce };
  const { kind, unitId } = chosen(assessment, decision);
  if (kind === 'board-protocol') return { protocol: true };
  // A withdrawal concerns the cycle the unit takes part in; a pre-registration, a unit that may not
  // take part yet (a recent winner).
  return (kind === 'withdrawal' || kind === 'pre-registration') && unitId
    ? { participationsOf: unitId }
    : {};
}

export interface MailPlanInput {
  facts: MailFacts;
  assessment: MailAssessment;
  decision?: MailDecision;
  /** Every known unit (the chosen one is looked up among them). */
  units: readonly { id: string; name: string }[];
  cycles: readonly Cycle[];
  /** When the mail arrived (Graph's receivedDateTime). */
  receivedAt: string;
  /** Mail received before go-live is recorded and filed, never answered. */
  goLive: Date | string;
  /** The shared mailbox: its own mail is never answered (a loop). */
  mailbox: string;
  /** The participations of `readsFor(...).participationsOf`. */
  participations?: readonly { year: number; state: ParticipationState; juryResult?: JuryResult }[];
  /** For a non-delivery report: the sent mail found (undefined: none fits). */
  bounced?: BouncedFacts;
  /** At least one attached document could be read (submissions). */
  documentsReadable: boolean;
  /** What the protocol says (`readsFor(...).protocol`). */
  protocol?: ProtocolFindings;
}

/** Categories to put on the mail and where to move it. */
export interface PlannedFiling {
  categories: string[];
  folder: string[] | null;
  /** A coordinator decided: the triage labels go, and the categories are set anew. */
  replacesTriage: boolean;
}

/** A step that changes the award's data, in the order the executor performs them. */
export type ActStep =
  | {
      do: 'transition';
      unitId: string;
      year: number;
      to: 'pre-registered' | 'withdrawn' | 'submitted' | 'in-protocol';
    }
  /**
   * Keep the submission's version (and merge a split submission's parts). `lateAccepted`: sent after
   * the deadline and a coordinator accepted it (the receipt says so instead of "the coordinators decide").
   * `link`: the document's link in the text when nothing is attached (the receipt asks for the file).
   */
  | {
      do: 'record-submission';
      unitId: string;
      unitName: string;
      lateAccepted?: true;
      link?: string;
    };

/** A document kept while its mail waits for a coordinator (a late submission: nothing is lost). */
export interface KeepStep {
  cycle: Cycle;
  step: Extract<ActStep, { do: 'record-submission' }>;
  sentAt: string;
  language: Locale;
}

export type MailPlan =
  | {
      status: 'triage';
      details: PlannedDetails;
      filing: PlannedFiling;
      /** The bounced sent mail to mark. */
      markBounced?: { itemId: number; at: string; reason?: string };
      /** Record this submission's version before the mail waits (a late submission). */
      keep?: KeepStep;
    }
  /** Labelled only: about no cycle the app runs. */
  | { status: 'processed'; details: PlannedDetails; filing: PlannedFiling }
  | ActPlan;

export interface ActPlan {
  status: 'act';
  kind: MailKind;
  cycle: Cycle;
  unit?: { id: string; name: string };
  details: PlannedDetails & { year: number };
  steps: ActStep[];
  /** Facts known before any step runs. */
  facts: Bilingual[];
  infoMeeting?: { meeting: InfoMeeting; certain: boolean };
  /** A protocol's findings, for the answer's facts. */
  protocol?: ProtocolFindings;
  /** False for our own mailbox's mail and mail before go-live: never answered. */
  answerable: boolean;
  language: Locale;
  sentAt: string;
  fromName?: string;
}

export function planMail(input: MailPlanInput): MailPlan {
  const { assessment, decision, facts } = input;
  const c = assessment.classification;
  const historical = new Date(input.receivedAt).getTime() < new Date(input.goLive).getTime();
  const base: PlannedDetails = {
    kind: c.kind,
    confidence: c.confidence,
    reasons: c.reasons.map((sv, i) => ({ sv, en: c.reasonsEn[i] ?? sv })),
    candidates: assessment.match.candidates.slice(0, 5).map((u) => ({
      unitId: u.unitId,
      unitName: u.unitName,
      score: u.score,
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
  const triageFiling: PlannedFiling = {
    categories: [MAIL_KIND_LABELS[c.kind].category, TRIAGE_CATEGORY],
    folder: null,
    replacesTriage: false,
  };

  // A bounce of a mail we sent: never answered; the sent item is marked and a coordinator told who
  // got nothing (the report waits in triage until someone has seen it).
  const bounce = c.nonDelivery;
  if (!decision && bounce) {
    const bounced = input.bounced;
    return {
      status: 'triage',
      details: {
        ...base,
        ...(bounced?.unitId ? { suggestedUnitId: bounced.unitId } : {}),
        triageReasons: [bounceTriageReason(bounce, bounced)],
        facts: [
          {
            sv: 'Rapport om utebliven leverans: besvaras inte.',
            en: 'A non-delivery report: not answered.',
          },
        ],
      },
      filing: triageFiling,
      ...(bounced
        ? {
            markBounced: {
              itemId: bounced.itemId,
              at: input.receivedAt,
              ...(bounce.reason ? { reason: bounce.reason } : {}),
            },
          }
        : {}),
    };
  }
  if (!decision && assessment.decision === 'triage') {
    // A signup triaged for another reason (no unit known) may not name its meeting either: the
    // coordinator is asked that too, in the same decision.
    const signupCycle =
      c.kind === 'info-meeting-signup'
        ? cycleForMail(input.cycles, c.kind, facts.sentAt)
        : undefined;
    const { reasons, ...meetings } = signupCycle
      ? signupQuestion(signupCycle, facts, c)
      : { reasons: [] };
    return {
      status: 'triage',
      details: {
        ...base,
        triageReasons: [...assessment.triageReasons, ...reasons],
        ...meetings,
      },
      filing: triageFiling,
    };
  }

  const { kind, unitId } = chosen(assessment, decision);
  const unit = unitId ? input.units.find((u) => u.id === unitId) : undefined;
  let cycle = cycleForMail(input.cycles, kind, facts.sentAt);
  if (kind === 'withdrawal' && unit && cycle)
    cycle = cycleOfActiveParticipation(input.participations ?? [], input.cycles, cycle);
  if (!cycle)
    // Years-old mail in a mailbox the app has just connected to: labelled, but about no cycle we run.
    return {
      status: 'processed',
      details: {
        ...base,
        kind,
        facts: [
          {
            sv: 'Mejlet är äldre än de omgångar appen känner till; inget deltagande ändrades.',
            en: 'The mail is older than the cycles the app knows; no participation was changed.',
          },
        ],
      },
      filing: {
        categories: [MAIL_KIND_LABELS[kind].category],
        folder: null,
        replacesTriage: decision !== undefined,
      },
    };

  // A submission sent after the deadline: whether it is accepted is the coordinators' call, so the
  // version is kept (marked late) but nothing is answered or changed until a coordinator decides;
  // their decision "Bidrag" accepts it (the receipt then says so).
  const late = kind === 'submission' && isLateSubmission(cycle, facts.sentAt);
  if (!decision && late && unit)
    return {
      status: 'triage',
      details: {
        ...base,
        year: cycle.year,
        triageReasons: [lateSubmissionReason(cycle, facts.sentAt)],
      },
      filing: { ...triageFiling, categories: [...triageFiling.categories, LATE_CATEGORY] },
      keep: {
        cycle,
        step: { do: 'record-submission', unitId: unit.id, unitName: unit.name, ...linkOf(c) },
        sentAt: facts.sentAt,
        language: c.signals.language,
      },
    };

  // A recent winner registering again: the lockout is the coordinators' to tell the unit (a decision
  // "Intresseanmälan" registers it anyway).
  const wonIn =
    !decision && kind === 'pre-registration' && unit
      ? lockedOutByWin(cycle, input.participations ?? [])
      : undefined;
  if (wonIn !== undefined)
    return {
      status: 'triage',
      details: {
        ...base,
        year: cycle.year,
        triageReasons: [winnerLockoutReason(cycle, wonIn)],
      },
      filing: triageFiling,
    };

  // A registration, entry or signup for a later cycle than this one ("anmäla intresse för 2028" in
  // June 2027): not this cycle's, so a coordinator notes it for that one (later-cycle.ts).
  const laterYear = !decision ? laterCycleOfMail(cycle, facts, c) : undefined;
  if (laterYear !== undefined)
    return {
      status: 'triage',
      details: { ...base, triageReasons: [laterCycleReason(cycle, laterYear)] },
      filing: triageFiling,
    };

  // A protocol whose documents were read and name no registered unit marks nothing: a coordinator
  // reads which units it is for (core/intake/unregistered-protocol-unit.ts). A coordinator's decision
  // "Protokoll" files it anyway.
  const noUnit =
    !decision && kind === 'board-protocol' && input.protocol
      ? noRegisteredUnitReason(input.protocol, input.documentsReadable)
      : undefined;
  if (noUnit)
    return {
      status: 'triage',
      details: { ...base, year: cycle.year, triageReasons: [noUnit] },
      filing: triageFiling,
    };

  // A signup that names no meeting while several are open, or comes after its meeting's signup
  // deadline: a coordinator asks which, or says whether there is room (a decision names the meeting,
  // or, naming none, signs up for the one the mail names, else the next one).
  if (!decision && kind === 'info-meeting-signup') {
    const { reasons, ...meetings } = signupQuestion(cycle, facts, c);
    if (reasons.length > 0)
      return {
        status: 'triage',
        details: { ...base, triageReasons: reasons, ...meetings },
        filing: triageFiling,
      };
  }

  const year = cycle.year;
  const plan: ActPlan = {
    status: 'act',
    kind,
    cycle,
    ...(unit ? { unit: { id: unit.id, name: unit.name } } : {}),
    details: {
      ...base,
      kind,
      ...(decision ? { decision } : {}),
      ...(unit ? { suggestedUnitId: unit.id, unitId: unit.id } : {}),
      year,
    },
    steps: [],
    facts: [],
    // Never answer our own mailbox (a loop), nor mail from before go-live.
    answerable: !historical && facts.from.address !== input.mailbox.toLowerCase(),
    language: c.signals.language,
    sentAt: facts.sentAt,
    ...(facts.from.name ? { fromName: facts.from.name } : {}),
  };
  const needsUnit: readonly MailKind[] = ['pre-registration', 'withdrawal', 'submission'];
  if (needsUnit.includes(kind) && !unit) {
    plan.facts.push(NO_UNIT);
    return plan;
  }
  switch (kind) {
    case 'pre-registration':
      plan.steps.push({ do: 'transition', unitId: unit!.id, year, to: 'pre-registered' });
      break;
    case 'withdrawal':
      plan.steps.push({ do: 'transition', unitId: unit!.id, year, to: 'withdrawn' });
      break;
    case 'submission':
      plan.steps.push({
        do: 'record-submission',
        unitId: unit!.id,
        unitName: unit!.name,
        ...(late && decision ? { lateAccepted: true as const } : {}),
        ...linkOf(c),
      });
      // The application has arrived only when a document could be read.
      if (input.documentsReadable)
        plan.steps.push({ do: 'transition', unitId: unit!.id, year, to: 'submitted' });
      else
        plan.facts.push({
          sv: 'Inget läsbart dokument: deltagandet ändrades inte.',
          en: 'No readable document: the participation was not changed.',
        });
      break;
    case 'board-protocol': {
      // Each unit the protocol lists is marked in-protocol, by this mail.
      const protocol = input.protocol ?? { units: [], unmatchedLines: [], unreadable: [] };
      plan.protocol = protocol;
      for (const u of protocol.units)
        plan.steps.push({ do: 'transition', unitId: u.unitId, year, to: 'in-protocol' });
      break;
    }
    case 'info-meeting-signup': {
      // The coordinator's answer to "which meeting?" wins over what the text suggests.
      const named = decision?.meetingId
        ? cycle.timeline.infoMeetings.find((m) => m.id === decision.meetingId)
        : undefined;
      const picked = named
        ? { meeting: named, certain: true }
        : pickInfoMeeting(cycle, signupMeetingText(cycle, facts, c), facts.sentAt);
      if (!picked) {
        plan.facts.push({
          sv: 'Det finns inget kommande informationsmöte att anmäla till.',
          en: 'There is no upcoming information meeting to sign up for.',
        });
        break;
      }
      plan.infoMeeting = picked;
      plan.facts.push({
        sv: `Anmäld till informationsmötet ${picked.meeting.id}${picked.certain ? '' : ' (osäkert vilket möte)'}.`,
        en: `Signed up for the information meeting ${picked.meeting.id}${picked.certain ? '' : ' (unsure which meeting)'}.`,
      });
      break;
    }
    // Questions wait for a coordinator; auto-replies and newsletters are never answered (no loops).
    case 'question':
    case 'auto-reply':
    case 'other':
      break;
  }
  return plan;
}

/** A participation transition's outcome: the state after it, and why nothing changed if so. */
export interface TransitionResult {
  unitId: string;
  state?: ParticipationState;
  fact?: Bilingual;
}

/** What the executor's steps found. */
export interface StepResults {
  /** Each transition's outcome, in step order. */
  transitions?: readonly TransitionResult[];
  /** The submission check, with the receipt it composed (a split submission's part receipt). */
  submission?: { receipt: Receipt; late: boolean; problems: number };
}

export interface PlannedAnswer {
  facts: Bilingual[];
  reply?: { receipt: Receipt; purpose: 'receipt' | 'confirmation' };
  infoMeeting?: { id: string; certain: boolean };
  categories: string[];
  folder: string[] | null;
}

/** The answer to an acted-on mail, from what its steps found. */
export function planAnswer(plan: ActPlan, results: StepResults): PlannedAnswer {
  const facts = [...plan.facts];
  const categories = [MAIL_KIND_LABELS[plan.kind].category];
  let receipt: Receipt | undefined;
  let problem = false;
  let late = false;
  const { cycle, language } = plan;
  const transitions = results.transitions ?? [];
  // A unit's own mail: its one transition. A protocol's facts name each unit (below).
  const own = plan.kind === 'board-protocol' ? undefined : transitions[0];
  if (own?.fact) facts.push(own.fact);
  const stateAfter = own?.state;
  let infoMeeting: PlannedAnswer['infoMeeting'];
  switch (plan.kind) {
    case 'pre-registration':
      if (!plan.unit) break;
      // A unit already further on (submitted, judged) gets no "thank you for registering".
      if (stateAfter !== 'pre-registered') problem = true;
      else
        receipt = preRegistrationReceipt({
          cycle,
          now: plan.sentAt,
          unitName: plan.unit.name,
          language,
        });
      break;
    case 'withdrawal':
      if (!plan.unit) break;
      // Confirm only what is true: a unit already judged cannot withdraw by mail; a coordinator looks.
      if (stateAfter !== 'withdrawn') problem = true;
      else receipt = withdrawalReceipt({ cycle, unitName: plan.unit.name, language });
      break;
    case 'submission': {
      const s = results.submission;
      if (!plan.unit || !s) break;
      receipt = s.receipt;
      late = s.late;
      problem = s.problems > 0;
      break;
    }
    case 'board-protocol': {
      const p = plan.protocol;
      if (!p) break;
      for (const u of p.units) {
        const fact = transitions.find((t) => t.unitId === u.unitId)?.fact;
        if (fact) facts.push({ sv: `${u.unitName}: ${fact.sv}`, en: `${u.unitName}: ${fact.en}` });
      }
      for (const d of p.unreadable)
        facts.push({
          sv: `Protokollet ${d.fileName} gick inte att läsa (${d.reason}).`,
          en: `The protocol ${d.fileName} could not be read (${d.reason}).`,
        });
      if (p.unmatchedLines.length > 0)
        facts.push({
          sv: `Rader i protokollet som inte motsvarar någon känd enhet: ${p.unmatchedLines.join('; ')}`,
          en: `Protocol lines that match no known unit: ${p.unmatchedLines.join('; ')}`,
        });
      const names = p.units.map((u) => u.unitName).join(', ');
      facts.push({
        sv: `Enheter i protokollet: ${names || 'inga'}`,
        en: `Units in the protocol: ${names || 'none'}`,
      });
      problem = p.unmatchedLines.length > 0;
      break;
    }
    case 'info-meeting-signup': {
      const picked = plan.infoMeeting;
      if (!picked) {
        problem = true;
        break;
      }
      infoMeeting = { id: picked.meeting.id, certain: picked.certain };
      receipt = infoMeetingSignupReceipt({
        cycle,
        meeting: picked.meeting,
        language,
        ...(plan.fromName ? { name: plan.fromName } : {}),
      });
      break;
    }
    case 'question':
    case 'auto-reply':
    case 'other':
      break;
  }
  if (late) categories.push(LATE_CATEGORY);
  if (problem) categories.push(PROBLEM_CATEGORY);
  return {
    facts,
    ...(receipt && plan.answerable
      ? {
          reply: {
            receipt,
            purpose:
              plan.kind === 'submission' || plan.kind === 'pre-registration'
                ? 'receipt'
                : 'confirmation',
          },
        }
      : {}),
    ...(infoMeeting ? { infoMeeting } : {}),
    categories,
    folder: folderFor(plan.kind, cycle.year),
  };
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
export function cycleOfActiveParticipation(
  participations: readonly { year: number; state: ParticipationState }[],
  cycles: readonly Cycle[],
  byDate: Cycle,
): Cycle {
  const active = participations
    .filter((p) => p.year <= byDate.year && !SETTLED.includes(p.state))
    .sort((a, b) => a.year - b.year)[0];
  return (active && cycles.find((c) => c.year === active.year)) ?? byDate;
}

/** What the coordinator reads on a non-delivery report's triage item: whose mail did not arrive, and why. */
export function bounceTriageReason(
  report: NonDeliveryReport,
  bounced: BouncedFacts | undefined,
): Bilingual {
  const to = bounced?.recipient || report.recipients.join(', ') || '?';
  const why = report.reason ? ` (${report.reason})` : '';
  if (!bounced)
    return {
      sv: `Ett mejl härifrån till ${to} kom inte fram${why}; det skickade mejlet hittades inte bland appens utskick.`,
      en: `A mail from here to ${to} was not delivered${why}; the mail was not found among the app's sent mail.`,
    };
  const receipt = bounced.purpose === 'receipt' || bounced.purpose === 'confirmation';
  return receipt
    ? {
        sv: `Kvittot till ${to} kom inte fram${why}. Kontakta avsändaren på annat sätt.`,
        en: `The receipt to ${to} was not delivered${why}. Reach the sender another way.`,
      }
    : {
        sv: `Mejlet till ${to} kom inte fram${why}.`,
        en: `The mail to ${to} was not delivered${why}.`,
      };
}

const NO_UNIT: Bilingual = {
  sv: 'Ingen enhet vald: deltagandet ändrades inte.',
  en: 'No unit chosen: the participation was not changed.',
};
