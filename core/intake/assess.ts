// One mail, understood: its kind, its unit and whether the app may act on it alone. The pipeline acts
// automatically only when both the kind is certain and (for kinds about one unit) the unit is;
// everything else goes to a coordinator with the suggestion and the reasons.
import type { Bilingual } from '../model.js';
import {
  AUTO_THRESHOLD,
  classifyMail,
  decide,
  type Classification,
  type Decision,
} from './classify.js';
import { MAIL_KIND_LABELS, type MailFacts, type MailKind } from './facts.js';
import {
  combinedUnitName,
  matchUnit,
  RUNNER_UP_LIMIT,
  type EvidenceKind,
  type MatchableUnit,
  type PreparedUnit,
  type UnitMatch,
} from './match.js';
import { unitOfActingManager } from './acting-manager.js';
import { ANSWER_WITHOUT_UNIT, answerNamesUnit, answerToWhichUnit } from './which-unit-answer.js';
import { registeredManagerWithdrawal } from './manager-withdrawal.js';
import { protocolWithdrawalReason } from './protocol-withdrawal.js';
import { unregisteredProtocolUnitReason } from './unregistered-protocol-unit.js';
import { readerFeatures, readMail, type ReaderModel } from './second-reader.js';
import { SECOND_READER_MODEL } from './second-reader-model.js';
import { withoutManagerReason } from './standing.js';

/** Kinds whose handling changes one unit's participation, so they need a certain unit. */
export const KINDS_NEEDING_UNIT: readonly MailKind[] = [
  'pre-registration',
  'withdrawal',
  'submission',
  'info-meeting-signup',
];

export interface MailAssessment {
  classification: Classification;
  match: UnitMatch;
  decision: Decision;
  /** Why a coordinator must look, when `decision` is 'triage'. */
  triageReasons: Bilingual[];
}

export interface DocumentHints {
  /** Text of the attached application (first pages suffice). */
  documentText?: string;
  /** Unit name from the application's administrative data. */
  documentUnitName?: string;
}

/** Matches a classified mail to a unit using the split body (own text, signature, forwarded mail). */
export function matchMail(
  facts: MailFacts,
  classification: Classification,
  units: readonly MatchableUnit[] | PreparedUnit[],
  hints: DocumentHints = {},
): UnitMatch {
  const { parts } = classification;
  const input: Parameters<typeof matchUnit>[0] = {
    from: facts.from,
    subject: classification.cleanSubject,
    text: parts.own,
    signature: parts.signature,
    forwarded: parts.forwarded,
    attachmentNames: facts.attachments.filter((a) => !a.isInline).map((a) => a.name),
  };
  if (classification.signals.isForward && parts.originalSender)
    input.originalSender = parts.originalSender;
  if (hints.documentText) input.documentText = hints.documentText;
  if (hints.documentUnitName) input.documentUnitName = hints.documentUnitName;
  return matchUnit(input, units);
}

/** The classification with one more reason shown on the mail (Swedish and English). */
function withReason(c: Classification, reason: Bilingual): Classification {
  return { ...c, reasons: [...c.reasons, reason.sv], reasonsEn: [...c.reasonsEn, reason.en] };
}

/** Evidence that the mail comes from the unit itself: its address, its manager, its own signature. */
const FROM_THE_UNIT: readonly EvidenceKind[] = [
  'sender-unit-address',
  'sender-manager-address',
  'original-sender',
  'name-in-signature',
];

/**
 * A question is the unit's only when the unit asks it. A unit named in the text of someone else's
 * question (a controller asking about its budget, an examiner's conflict of interest with it, a
 * relative) is what the question is about, not who asks: recorded on that unit, it would stand in the
 * unit's history as the unit's own mail. The candidates stay for the coordinator who answers.
 */
export function unitOfQuestion(match: UnitMatch): UnitMatch {
  if (match.status !== 'matched') return match;
  const best = match.candidates.find((c) => c.unitId === match.unitId);
  if (best?.evidence.some((e) => FROM_THE_UNIT.includes(e.kind))) return match;
  return {
    candidates: match.candidates,
    status: 'unknown',
    reason: {
      sv: `${best?.unitName ?? 'enheten'} nämns i frågan men frågan kommer inte från enheten`,
      en: `${best?.unitName ?? 'the unit'} is named in the question, but the question is not from the unit`,
    },
  };
}

/**
 * Whoever signs up for an info meeting comes as a person: the unit they sign with ("Tom Becker,
 * handläggare, Biståndsenheten äldre") is theirs, even from an address the register does not know
 * (a new manager, a staff member). Only the unit's full name, alone, with no other unit near. The
 * same holds for the unit's entry sent by one of its staff, and for its (non-binding)
 * pre-registration sent by its deputy: the signature says whose it is. Not a withdrawal: leaving
 * the award is the manager's word, from the address the register knows.
 */
export function unitOfSigner(match: UnitMatch): UnitMatch {
  if (match.status === 'matched') return match;
  const [best, second] = match.candidates;
  const signed = best?.evidence.find((e) => e.kind === 'name-in-signature');
  if (!best || !signed || signed.score < 0.74 || (second && second.score >= RUNNER_UP_LIMIT))
    return match;
  return {
    unitId: best.unitId,
    candidates: match.candidates,
    status: 'matched',
    reason: { sv: `${best.unitName}: ${signed.sv}`, en: `${best.unitName}: ${signed.en}` },
  };
}

/**
 * The second reader's part (core/intake/second-reader.ts): a mail the rules lean to one kind but are
 * not sure of (confidence from 0.4 up to the bar, the runner-up kind under 70 % as strong, no doubt
 * of the rules' own such as a condition, a mail still being considered, two matters) is decided as
 * the rules lean when the reader, trained on the labelled mail, gives that kind at least 95 %. Below
 * 0.4 the rules saw too little to lean on; a doubt the rules raised is never read away.
 */
const READER_LIFTS_FROM = 0.4;
const READER_RUNNER_UP_LIMIT = 0.7;
const READER_AGREES = 0.95;

export function secondReading(
  c: Classification,
  facts: MailFacts,
  reader: ReaderModel,
): Bilingual | undefined {
  if (c.confidence >= AUTO_THRESHOLD || c.confidence < READER_LIFTS_FROM || c.nonDelivery) return;
  // A doubt the rules had: a cap on the confidence, or a sign of the leaning kind they set at
  // nothing (said but asked, negated, told of as past). A sign of another kind set at nothing ("no
  // document" beside a registration) is no doubt about this one.
  if (c.signals.doubted || c.signals.fired.some((s) => s.weight === 0 && s.kind === c.kind)) return;
  const [top = 0, runnerUp = 0] = Object.values(c.scores).sort((x, y) => y - x);
  if (top <= 0 || runnerUp / top >= READER_RUNNER_UP_LIMIT) return;
  const p = readMail(reader, readerFeatures(c, facts))[c.kind] ?? 0;
  if (p < READER_AGREES) return;
  const pct = Math.floor(p * 100);
  return {
    sv: `liknar tydligt tidigare mejl av sorten ${MAIL_KIND_LABELS[c.kind].sv.toLowerCase()} (${pct} %)`,
    en: `clearly resembles earlier mail of the kind ${MAIL_KIND_LABELS[c.kind].en.toLowerCase()} (${pct} %)`,
  };
}

/** Classifies and matches a mail and decides whether the app may act on it without a coordinator. */
export function assessMail(
  facts: MailFacts,
  units: readonly MatchableUnit[] | PreparedUnit[],
  hints: DocumentHints = {},
  /** The second reader's model; null: the rules alone (the shipped model by default). */
  reader: ReaderModel | null = SECOND_READER_MODEL,
): MailAssessment {
  let classification = classifyMail(facts);
  // The answer to our "which unit?" carries the earlier mail's kind (core/intake/which-unit-answer.ts).
  const answered = answerToWhichUnit(facts, classification, classifyMail);
  if (answered) classification = answered;
  const resembles = reader ? secondReading(classification, facts, reader) : undefined;
  if (resembles) classification = withReason(classification, resembles);
  const found = matchMail(facts, classification, units, hints);
  // A mail sent here by mistake (core/intake/misdirected.ts) is nobody's award mail either.
  const misdirected = classification.signals.fired.some((s) => s.rule === 'misdirected');
  const match =
    classification.kind === 'question' || misdirected
      ? unitOfQuestion(found)
      : classification.kind === 'info-meeting-signup' ||
          classification.kind === 'submission' ||
          classification.kind === 'pre-registration'
        ? unitOfSigner(unitOfActingManager(found, classification))
        : found;
  // A withdrawal doubted only for want of the award's name, from the unit's registered manager
  // (core/intake/manager-withdrawal.ts).
  const fromManager = resembles ? undefined : registeredManagerWithdrawal(classification, match);
  if (fromManager) classification = withReason(classification, fromManager);
  const triageReasons: Bilingual[] = [];
  if (answered && !answerNamesUnit(match)) triageReasons.push(ANSWER_WITHOUT_UNIT);
  if (decide(classification) === 'triage' && !resembles && !fromManager) {
    triageReasons.push({
      sv: `osäker klassning (${Math.round(classification.confidence * 100)} %)`,
      en: `uncertain classification (${Math.round(classification.confidence * 100)} %)`,
    });
  }
  // A person signing up for an info meeting whom no unit is recognised from at all (a preschool the
  // register lacks, an administration's developer) comes as a person: the signup is recorded on no
  // unit and confirmed to them. A unit perhaps meant but unsure ('ambiguous') still goes to a
  // coordinator, for a signup on the wrong unit would stand in its history.
  const attendeeAlone = classification.kind === 'info-meeting-signup' && match.status === 'unknown';
  if (
    KINDS_NEEDING_UNIT.includes(classification.kind) &&
    match.status !== 'matched' &&
    !attendeeAlone
  ) {
    triageReasons.push(match.reason);
  }
  // Two registered units' names joined into one is a merged unit the register must learn first.
  const combined = KINDS_NEEDING_UNIT.includes(classification.kind)
    ? combinedUnitName(`${classification.cleanSubject}\n${classification.parts.own}`, units)
    : undefined;
  if (combined) {
    triageReasons.push({
      sv: `"${combined}" ser ut att vara två registrerade enheter sammanslagna: registret behöver ses över`,
      en: `"${combined}" looks like two registered units merged: the register needs updating`,
    });
  }
  // Someone registering the unit before its manager has decided, and a protocol that also withdraws
  // a unit: each needs a person (core/intake/standing.ts, core/intake/protocol-withdrawal.ts).
  const withoutManager = withoutManagerReason(
    classification.kind,
    `${classification.cleanSubject}\n${classification.parts.own}`,
  );
  if (withoutManager) triageReasons.push(withoutManager);
  const protocolWithdrawal = protocolWithdrawalReason(classification);
  if (protocolWithdrawal) triageReasons.push(protocolWithdrawal);
  // A protocol whose mail names a unit in no register: a coordinator adds or identifies it first
  // (core/intake/unregistered-protocol-unit.ts).
  const unregistered = unregisteredProtocolUnitReason(classification, units);
  if (unregistered) triageReasons.push(unregistered);
  return {
    classification,
    match,
    decision: triageReasons.length > 0 ? 'triage' : 'auto',
    triageReasons,
  };
}
