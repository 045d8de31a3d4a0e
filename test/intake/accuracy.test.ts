// Runs the classifier and the unit matcher over the labelled mails and reports accuracy. The bar:
// at least 95 % of mails get the right kind (as the decision or as the triage suggestion) and no
// automatic action is wrong — a confident wrong kind or an automatic match to the wrong unit.
import { describe, expect, it } from 'vitest';
import { assessMail } from '../../core/intake/assess.js';
import { LABELLED_MAILS, type LabelledMail } from '../fixtures/mails/mails.js';
import { FIXTURE_UNITS, unitByName } from '../fixtures/mails/units.js';
import { factsOf } from './judge.js';

interface Outcome {
  mail: LabelledMail;
  kindCorrect: boolean;
  wrongAuto: string | null;
  unitCorrect: boolean | null;
  line: string;
}

function evaluate(mail: LabelledMail): Outcome {
  const a = assessMail(factsOf(mail), FIXTURE_UNITS);
  const c = a.classification;
  const expectedKind = mail.expected.kind;
  const classAuto = c.confidence >= 0.7;
  let kindCorrect: boolean;
  let wrongAuto: string | null = null;
  if (expectedKind === 'triage') {
    kindCorrect = a.decision === 'triage' || !classAuto;
    if (classAuto)
      wrongAuto = `auto-classified as ${c.kind} (${c.confidence}) but should be triaged`;
  } else {
    kindCorrect = c.kind === expectedKind;
    if (!kindCorrect && classAuto)
      wrongAuto = `auto-classified as ${c.kind} (${c.confidence}), expected ${expectedKind}`;
  }
  let unitCorrect: boolean | null = null;
  if (mail.expected.unit !== undefined) {
    const expectedId = mail.expected.unit === null ? null : unitByName(mail.expected.unit).id;
    if (a.match.status === 'matched' && a.match.unitId !== expectedId) {
      wrongAuto = `${wrongAuto ? `${wrongAuto}; ` : ''}auto-matched to ${a.match.candidates[0]?.unitName}, expected ${mail.expected.unit}`;
    }
    unitCorrect =
      expectedId === null ? a.match.status !== 'matched' : a.match.unitId === expectedId;
  }
  const line = `${mail.id.padEnd(9)} ${kindCorrect ? 'ok ' : 'BAD'} ${c.kind.padEnd(20)} ${c.confidence.toFixed(2)} ${a.decision.padEnd(6)} unit:${a.match.status}${unitCorrect === false ? ' MISS' : ''}${wrongAuto ? ` WRONG-AUTO: ${wrongAuto}` : ''}`;
  return { mail, kindCorrect, wrongAuto, unitCorrect, line };
}

describe('intake accuracy over the labelled mails', () => {
  const outcomes = LABELLED_MAILS.map(evaluate);

  it('has at least 60 labelled mails in Swedish and English', () => {
    expect(LABELLED_MAILS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(LABELLED_MAILS.map((m) => m.id)).size).toBe(LABELLED_MAILS.length);
  });

  it('classifies at least 95 % correctly with no wrong automatic action', () => {
    const correct = outcomes.filter((o) => o.kindCorrect).length;
    const units = outcomes.filter((o) => o.unitCorrect !== null);
    const unitsCorrect = units.filter((o) => o.unitCorrect).length;
    const auto = outcomes.filter(
      (o) => assessMail(factsOf(o.mail), FIXTURE_UNITS).decision === 'auto',
    ).length;
    const wrong = outcomes.filter((o) => o.wrongAuto);
    const report = [
      `intake accuracy: ${correct}/${outcomes.length} kinds correct (${((100 * correct) / outcomes.length).toFixed(1)} %), ` +
        `units ${unitsCorrect}/${units.length}, handled automatically ${auto}/${outcomes.length}, wrong automatic actions ${wrong.length}`,
      ...outcomes
        .filter(
          (o) =>
            !o.kindCorrect || o.wrongAuto || o.unitCorrect === false || process.env.INTAKE_REPORT,
        )
        .map((o) => o.line),
    ].join('\n');
    console.warn(report);
    expect(wrong.map((o) => `${o.mail.id}: ${o.wrongAuto}`)).toEqual([]);
    expect(correct / outcomes.length).toBeGreaterThanOrEqual(0.95);
  });
});
