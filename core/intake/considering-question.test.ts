// A question from a unit only considering joining ("Vi funderar på att anmäla oss" beside a question
// about the entry) is a question, answered as one; considering said with a half-made registration
// (unsure yet, "det beror på", "räkna med oss preliminärt") still goes to a coordinator.
import { describe, expect, it } from 'vitest';
import { classifyMail, decide } from './classify.js';
import type { MailFacts } from './facts.js';

const mail = (body: string): MailFacts => ({
  subject: 'Kvalitetsutmärkelsen 2027',
  body,
  from: { address: 'lena.holm@stockholm.example', name: 'Lena Holm' },
  attachments: [],
  sentAt: '2027-03-08T10:00:00+01:00',
});

describe('a question from a unit considering joining', () => {
  it.each([
    'Hej!\n\nMåste vi ha en egen brukarenkät för att kunna svara på frågorna om resultat? Vi funderar på att anmäla oss.\n\nLena Holm\nEnhetschef',
    'Hej,\n\nVi överväger att delta i år. Hur många sidor får bidraget vara?\n\nLena',
  ])('is a question decided alone: %s', (body) => {
    const c = classifyMail(mail(body));
    expect(c.kind).toBe('question');
    expect(decide(c)).toBe('auto');
  });

  it.each([
    'Hej,\n\nVi funderar på att vara med i år men är inte säkra än, det hänger på bemanningen. Kan ni notera oss preliminärt?\n\nLena',
    'Hej,\n\nVi funderar på att anmäla oss, det beror på budgeten. När är sista dag?\n\nLena',
  ])('near miss, a half-made registration: a coordinator follows up: %s', (body) => {
    expect(decide(classifyMail(mail(body)))).toBe('triage');
  });
});
