// Who may register or withdraw a unit: a staff member registering before the manager knows or has
// decided goes to a coordinator; the manager, and someone writing on the manager's behalf, are
// registered alone as before.
import { describe, expect, it } from 'vitest';
import { assessMail } from './assess.js';
import type { MailFacts } from './facts.js';
import type { MatchableUnit } from './match.js';

const UNITS: MatchableUnit[] = [
  {
    id: 'u-ekbacken',
    name: 'Ekbackens skola',
    managerName: 'Mikael Hedlund',
    managerEmail: 'mikael.hedlund@stockholm.example',
    email: 'ekbackens-skola@stockholm.example',
  },
];

function mail(subject: string, body: string, from = 'lisa.ek@stockholm.example'): MailFacts {
  return {
    subject,
    body,
    from: { address: from, name: 'Lisa Ek' },
    attachments: [],
    sentAt: '2027-03-10T09:00:00Z',
  };
}

describe('a registration the manager has not decided', () => {
  it('goes to a coordinator, saying the manager must decide', () => {
    for (const [subject, body] of [
      [
        'Intresseanmälan',
        'Hej! Jag är lärare på Ekbackens skola och anmäler härmed skolan till Kvalitetsutmärkelsen 2027. Rektorn vet inte om det ännu, jag tar det med honom på måndag.\nLisa Ek',
      ],
      [
        'Vi vill vara med',
        'Hej, vi på Ekbackens skola vill delta i Kvalitetsutmärkelsen och anmäler oss. Chefen har inte bestämt sig än men vi i arbetslaget är överens.\nLisa',
      ],
      [
        'Anmälan Ekbackens skola',
        'Jag anmäler Ekbackens skola till Kvalitetsutmärkelsen, innan rektorn hunnit säga nej ;) Jag har inte pratat med rektorn än.\nLisa Ek',
      ],
      [
        'Kvalitetsutmärkelsen',
        'Hej! Ekbackens skola vill vara med i kvalitetsutmärkelsen. Jag har inte hunnit prata med rektorn än, men jag tror att hon är positiv.\nLisa Ek',
      ],
      [
        'Registration of interest – Ekbackens skola',
        'Hello, I teach at Ekbackens skola and hereby register our interest in the Quality Award 2027. Our principal does not know yet.\nLisa Ek',
      ],
    ] as const) {
      const a = assessMail(mail(subject, body), UNITS);
      expect(a.classification.kind, body).toBe('pre-registration');
      expect(a.decision, body).toBe('triage');
      expect(a.triageReasons.map((r) => r.en).join(' '), body).toContain(
        "only the manager, or someone on the manager's behalf",
      );
    }
  });

  it('is registered alone when the manager writes or has someone write for them', () => {
    for (const [subject, body, from] of [
      [
        'Intresseanmälan Ekbackens skola',
        'Hej! Ekbackens skola anmäler härmed intresse för Kvalitetsutmärkelsen 2027.\nMikael Hedlund, rektor',
        'mikael.hedlund@stockholm.example',
      ],
      [
        'Intresseanmälan Ekbackens skola',
        'Hej! På uppdrag av rektor Mikael Hedlund anmäler jag härmed Ekbackens skola till Kvalitetsutmärkelsen 2027. Rektorn vet om det och står bakom anmälan.\nLisa Ek, administratör',
        'lisa.ek@stockholm.example',
      ],
    ] as const) {
      const a = assessMail(mail(subject, body, from), UNITS);
      expect(a.classification.kind, body).toBe('pre-registration');
      expect(a.triageReasons.map((r) => r.en).join(' '), body).not.toContain(
        "only the manager, or someone on the manager's behalf",
      );
    }
  });
});
