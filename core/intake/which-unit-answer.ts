// The answer to the award's own "which unit?": a unit registers or withdraws without naming itself,
// the coordinators ask "Vilken enhet gäller det?", and the sender answers in the thread with only the
// unit ("Det gäller Korttidsboendet i Bagarmossen"). The answer alone says nothing of the award; read
// with the thread, it is the earlier mail's registration (or withdrawal) with its unit named, which
// is what a careful coordinator acts on. Only when the quoted thread holds both the award's question
// about the unit and, below it, the sender's own earlier mail of that kind, and the answer asks
// nothing and says nothing else of its own.
import type { Bilingual } from '../model.js';
import type { Classification } from './classify.js';
import type { MailFacts, MailKind } from './facts.js';
import type { UnitMatch } from './match.js';
import { fold, wholeWords } from './text.js';

const b = wholeWords;

/** The award asking which unit a mail is about (folded). */
const ASKS_WHICH_UNIT = b(
  'vilken (enhet|verksamhet|forskola|skola|unit)|vilka enheter|which (unit|service|school|preschool)',
);

/** A quoted mail's header line ("Från: …", "From: …"): where each earlier mail in the thread starts. */
const HEADER = /^(?:Från|From|Fr\u00e5n)\s*:\s*(.*)$/gm;

/** The kinds an answer may complete: the earlier mail changed the unit's participation. */
const COMPLETES: readonly MailKind[] = ['pre-registration', 'withdrawal'];

/** An answer's own text is short: the unit, a sorry, a greeting. */
const MAX_ANSWER_CHARS = 300;

interface QuotedMail {
  from: string;
  subject: string;
  text: string;
}

/** The quoted thread as its mails, newest first. */
function quotedMails(quoted: string): QuotedMail[] {
  const starts = [...quoted.matchAll(HEADER)];
  return starts.map((m, i) => {
    const block = quoted.slice(m.index, starts[i + 1]?.index ?? quoted.length);
    const lines = block.split('\n');
    const bodyAt = lines.findIndex((l) => l.trim() === '');
    const head = lines.slice(0, bodyAt < 0 ? lines.length : bodyAt);
    const subject = head.find((l) => /^(Ämne|Subject)\s*:/i.test(l))?.replace(/^[^:]*:\s*/, '');
    return {
      from: m[1] ?? '',
      subject: subject ?? '',
      text: bodyAt < 0 ? '' : lines.slice(bodyAt + 1).join('\n'),
    };
  });
}

/**
 * The earlier mail's classification, carried to this answer (its own parts kept, so the unit is
 * matched on the answer's words), when the mail answers the award's question about which unit;
 * undefined otherwise. `classify` is classifyMail, passed in to keep this module free of it.
 */
export function answerToWhichUnit(
  facts: MailFacts,
  c: Classification,
  classify: (facts: MailFacts) => Classification,
): Classification | undefined {
  if (!c.signals.isReply || c.kind === 'auto-reply') return undefined;
  const own = c.parts.own.trim();
  if (!own || own.length > MAX_ANSWER_CHARS || own.includes('?')) return undefined;
  // The answer does nothing of its own: any sign of a kind beyond a word in the subject is its own.
  if (c.signals.fired.some((s) => s.weight > 0 && s.zone !== 'ämnesraden')) return undefined;
  if (facts.attachments.some((a) => !a.isInline)) return undefined;
  const [asked, ...earlier] = quotedMails(c.parts.quoted);
  if (!asked || !/kvalitetsutm/.test(fold(asked.from)) || !ASKS_WHICH_UNIT.test(fold(asked.text)))
    return undefined;
  // The sender's own earlier mail, by name or address, further down the thread.
  const sender = [facts.from.address, facts.from.name ?? ''].map(fold).filter(Boolean);
  const theirs = earlier.find((m) => sender.some((s) => fold(m.from).includes(s)));
  if (!theirs) return undefined;
  const before = classify({
    ...facts,
    subject: theirs.subject,
    body: theirs.text,
    attachments: [],
  });
  if (!COMPLETES.includes(before.kind)) return undefined;
  return {
    ...before,
    parts: c.parts,
    cleanSubject: c.cleanSubject,
    signals: { ...before.signals, isReply: true },
    reasons: [...before.reasons, 'svarar på vår fråga om vilken enhet det gäller'],
    reasonsEn: [...before.reasonsEn, 'answers our question about which unit it is'],
  };
}

/** The answer named the unit it was asked for: the match rests on the unit's name in its words. */
export function answerNamesUnit(match: UnitMatch): boolean {
  const unit = match.candidates.find((u) => u.unitId === match.unitId);
  return (
    match.status === 'matched' &&
    !!unit?.evidence.some((e) => e.kind === 'name-in-text' || e.kind === 'name-in-subject')
  );
}

export const ANSWER_WITHOUT_UNIT: Bilingual = {
  sv: 'svarar på vår fråga om enheten men nämner ingen enhet som vi känner igen',
  en: 'answers our question about the unit but names no unit we recognise',
};
