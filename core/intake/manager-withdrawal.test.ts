// A short withdrawal with no word of the award is decided alone only from the unit's registered
// manager or mailbox, about this year's taking part, with nothing else named that could be left.
import { describe, expect, it } from 'vitest';
import { assessMail } from './assess.js';
import type { MailFacts } from './facts.js';
import type { MatchableUnit } from './match.js';

const UNITS: MatchableUnit[] = [
  {
    id: 'u-lindgarden',
    name: 'Gruppbostaden Lindgården',
    managerName: 'Maja Sjöberg',
    managerEmail: 'maja.sjoberg@stockholm.example',
    email: 'lindgarden@stockholm.example',
  },
  {
    id: 'u-tallen',
    name: 'Förskolan Tallen',
    managerName: 'Omar Haddad',
    managerEmail: 'omar.haddad@stockholm.example',
  },
];

const MANAGER = 'maja.sjoberg@stockholm.example';

function mail(subject: string, body: string, from = MANAGER): MailFacts {
  return {
    subject,
    body,
    from: { address: from },
    attachments: [],
    sentAt: '2027-04-12T08:00:00+02:00',
  };
}

describe('a withdrawal with no word of the award', () => {
  it('is decided alone from the registered manager or mailbox, about taking part this year', () => {
    for (const [subject, body, from] of [
      ['Avhopp', 'Hej! Vi hoppar av i år, det går inte ihop med personalläget.\nMaja', MANAGER],
      ['Lindgården', 'Hej. Lindgården deltar inte i år ändå, stryk oss från listan.\n/M', MANAGER],
      [
        'hoppar av',
        'hej vi hoppar av, hinner inte skriva klart med alla sjukskrivningar\nmaja',
        MANAGER,
      ],
      [
        'Withdrawing',
        'Hi, Lindgården will not take part this year after all.\nMaja',
        'lindgarden@stockholm.example',
      ],
    ]) {
      const a = assessMail(mail(subject!, body!, from), UNITS, {}, null);
      expect(a.classification.kind, body).toBe('withdrawal');
      expect(a.match.unitId, body).toBe('u-lindgarden');
      expect(a.decision, body).toBe('auto');
    }
  });

  it('stays with a coordinator from anyone else, without this year, or beside something else to leave', () => {
    for (const [body, from] of [
      // Not the registered sender: "vi" could be any unit the writer works in.
      ['Hej! Vi på Lindgården hoppar av i år, tyvärr.\nKim', 'kim.berg@stockholm.example'],
      // The manager, but nothing says what is left: the everyday "vi hoppar av" keeps its doubt.
      ['Hej, vi hoppar av tyvärr.\nMaja', MANAGER],
      // Something else that could be left, this year or not.
      ['Hej, vi hoppar av kursen i år tyvärr, vi har inte tid.\nMaja', MANAGER],
      ['Hej! Vi hoppar av ledarutbildningen i år, tyvärr.\nMaja', MANAGER],
      ['Hej, vi hoppar av nätverksträffarna i år.\nMaja', MANAGER],
    ] as const) {
      const a = assessMail(mail('Avhopp', body, from), UNITS, {}, null);
      expect(a.decision, body).toBe('triage');
    }
  });
});
