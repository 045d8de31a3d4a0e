// A coordinator corrects a mail the intake decided on its own (the wrong kind, or the wrong unit):
// what the mail changed is undone, recorded with who and why, and the mail goes through processing
// again with the coordinator's decision, exactly as a triage decision would (process.ts acts again
// when a decision is newer than the effects). Undoing appends to the participation's history, never
// rewrites it: back to the state before the mail, or, when the mail created the participation,
// to "withdrawn" (the unit never took part on that mail). A participation that moved on after the
// mail is not undone behind anyone's back: the correction is refused and says so.
import { KINDS_NEEDING_UNIT, MAIL_KINDS, type MailKind } from '../../core/intake/index.js';
import type { Participation, Transition } from '../../core/model.js';
import type { IntakeContext } from './context.js';
import { IntakeError } from './errors.js';
import { readDetails, type TriageDecision } from './details.js';

export interface MailCorrection {
  messageId: string;
  kind: MailKind;
  unitId?: string;
  /** Who corrects (their name or e-mail), recorded on the undo and the decision. */
  by: string;
}

const sameSource = (a: Transition, messageId: string) =>
  a.source.kind === 'mail' && a.source.ref === messageId;

/**
 * Undoes the mail's participation changes and records the decision; the caller then processes the
 * mail (the service does at once). Returns the units whose change was undone.
 */
export async function recordCorrection(
  ctx: Pick<IntakeContext, 'store' | 'mailbox' | 'now'>,
  c: MailCorrection,
): Promise<{ undone: string[] }> {
  const key = { mailbox: ctx.mailbox, messageId: c.messageId };
  const mail = await ctx.store.mails.get(key);
  if (!mail)
    throw new IntakeError('mail-not-found', {
      sv: 'Mejlet finns inte (längre) i intaget.',
      en: 'The mail is not (or no longer) in the intake.',
    });
  if (mail.status !== 'processed')
    throw new IntakeError('not-in-triage', {
      sv: 'Mejlet är inte färdigbehandlat än; besluta om det i granskningen.',
      en: 'The mail is not processed yet; decide on it in triage.',
    });
  if (!MAIL_KINDS.includes(c.kind))
    throw new IntakeError('unknown-kind', {
      sv: `Okänd typ av mejl: ${c.kind}`,
      en: `Unknown kind of mail: ${c.kind}`,
    });
  if (KINDS_NEEDING_UNIT.includes(c.kind) && !c.unitId)
    throw new IntakeError('unit-required', {
      sv: 'Välj vilken enhet mejlet gäller.',
      en: 'Choose which unit the mail concerns.',
    });
  if (c.unitId && !(await ctx.store.units.get(c.unitId)))
    throw new IntakeError('unknown-unit', {
      sv: `Enheten ${c.unitId} finns inte.`,
      en: `The unit ${c.unitId} does not exist.`,
    });
  const details = readDetails(mail);
  const currentKind = details.decision?.kind ?? details.kind;
  const currentUnit = mail.unitId ?? details.unitId;
  if (currentKind === c.kind && (currentUnit ?? undefined) === (c.unitId ?? undefined))
    throw new IntakeError('nothing-to-correct', {
      sv: 'Mejlet är redan avgjort så.',
      en: 'The mail is already decided that way.',
    });

  const at = ctx.now().toISOString();
  const changed = await ctx.store.participations.findBySource({ kind: 'mail', ref: c.messageId });
  // Check every unit first: undo all or nothing.
  const plans: { unitId: string; year: number; transition: Transition }[] = [];
  for (const { unitId, year, transition } of changed) {
    const p = await ctx.store.participations.get(unitId, year);
    const last = p?.history.at(-1);
    if (!p || !last || !sameSource(last, c.messageId)) {
      throw new IntakeError('changed-since', {
        sv: 'Enhetens deltagande har ändrats efter mejlet, så det kan inte ångras automatiskt. Ändra deltagandet för hand.',
        en: "The unit's participation has changed since the mail, so it cannot be undone automatically. Change the participation by hand.",
      });
    }
    if (p.state === transition.to) plans.push({ unitId, year, transition });
  }
  const undone: string[] = [];
  for (const { unitId, year, transition } of plans) {
    const back = transition.from ?? 'withdrawn';
    const result = await ctx.store.participations.applyTransition(
      unitId,
      year,
      (current): Participation => {
        if (!current) throw new Error('participation vanished');
        return {
          ...current,
          state: back,
          history: [
            ...current.history,
            {
              from: current.state,
              to: back,
              at,
              actor: { id: c.by, name: c.by },
              source: { kind: 'tab', ref: `correction:${c.messageId}` },
              note:
                transition.from === null
                  ? 'Rättning: mejlet gällde inte enhetens deltagande.'
                  : 'Rättning: det automatiska beslutet om mejlet ångrades.',
            },
          ],
        };
      },
      { idempotencyKey: `correction:${c.messageId}:${at}` },
    );
    if (result.applied) undone.push(unitId);
  }

  const decision: TriageDecision = {
    kind: c.kind,
    ...(c.unitId ? { unitId: c.unitId } : {}),
    by: c.by,
    at,
  };
  const ok = await ctx.store.mails.resolve(key, {
    status: 'received',
    details: { ...details, decision } as Record<string, unknown>,
  });
  if (!ok)
    throw new IntakeError('not-in-triage', {
      sv: 'Mejlet behandlas just nu; försök igen om en stund.',
      en: 'The mail is being processed right now; try again in a moment.',
    });
  return { undone };
}
