// An examiner's report that a visit is done or booked, asking nothing, is other, decided alone; a
// unit writing about its visit, or an examiner asking something, is not.
import { describe, expect, it } from 'vitest';
import { classifyMail, decide } from './classify.js';
import type { MailFacts } from './facts.js';

function mail(subject: string, body: string): MailFacts {
  return {
    subject,
    body,
    from: { address: 'sven.dahl@stockholm.example', name: 'Sven Dahl' },
    attachments: [],
    sentAt: '2027-09-20T10:00:00+02:00',
  };
}

describe('an examiner reporting a visit', () => {
  it('done or booked, signed as examiner, asking nothing, is other and decided alone', () => {
    for (const [subject, body] of [
      [
        'Platsbesök klart',
        'Hej!\n\nPlatsbesöket på Lindgårdens gruppbostad är genomfört i går, allt gick bra.\n\nHälsningar\nSven Dahl\nExaminator, lag 2',
      ],
      [
        'Site visit',
        'Hi,\n\nThe site visit at Tallen preschool is booked for 14 October.\n\nBest regards\nSven Dahl\nTeam leader, examiner team 2',
      ],
    ]) {
      const c = classifyMail(mail(subject!, body!));
      expect(c.kind, body).toBe('other');
      expect(decide(c), body).toBe('auto');
    }
  });

  it('stays with a coordinator when a unit writes of its visit or the examiner asks something', () => {
    for (const [subject, body] of [
      // The unit signs, and it is unhappy: a coordinator reads it.
      [
        'Vårt platsbesök',
        'Hej! Vi har nu haft vårt platsbesök. Examinatorerna hann inte träffa personalen alls, det känns inte rättvist.\n\nHälsningar\nAnna Berg\nRektor, Tallens förskola',
      ],
      // The examiner asks for something.
      [
        'Platsbesök bokat',
        'Hej!\n\nPlatsbesöket på Tallens förskola är bokat till 14 oktober. Kan ni skicka deras verksamhetsplan till mig?\n\nHälsningar\nSven Dahl\nExaminator, lag 2',
      ],
    ]) {
      const c = classifyMail(mail(subject!, body!));
      expect(
        c.signals.fired.map((s) => s.rule),
        body,
      ).not.toContain('examiner-report');
    }
  });
});
