// A board's protocol whose mail also withdraws a unit goes to a coordinator (the protocol and the
// withdrawal recorded apart); a protocol alone, or one that says no unit withdraws, is filed alone.
import { describe, expect, it } from 'vitest';
import { assessMail } from './assess.js';
import type { MailFacts } from './facts.js';
import type { MatchableUnit } from './match.js';

const UNITS: MatchableUnit[] = [
  {
    id: 'u-fargen',
    name: 'Förskolan Färgen',
    managerName: 'Maja Lind',
    managerEmail: 'maja.lind@stockholm.example',
  },
];

function protocolMail(body: string): MailFacts {
  return {
    subject: 'Protokollsutdrag Farsta stadsdelsnämnd § 12',
    body,
    from: { address: 'registrator.farsta@stockholm.example', name: 'Registrator Farsta' },
    attachments: [
      {
        name: 'Protokollsutdrag SDN Farsta 2027-06-12 § 12.pdf',
        size: 180_000,
        contentType: 'application/pdf',
      },
    ],
    sentAt: '2027-06-14T09:00:00Z',
  };
}

describe('a protocol that also withdraws a unit', () => {
  it('goes to a coordinator, saying the withdrawal must be recorded too', () => {
    for (const body of [
      'Hej,\nBifogar protokollsutdrag från stadsdelsnämnden § 12. Förskolan Färgen har dock meddelat att de drar sig ur efter beslutet.\nRegistrator',
      'Hej!\nHär kommer nämndens protokollsutdrag. Observera att Förskolan Färgen avanmäler sig från Kvalitetsutmärkelsen.\nMvh Registrator',
    ]) {
      const a = assessMail(protocolMail(body), UNITS);
      expect(a.classification.kind, body).toBe('board-protocol');
      expect(a.decision, body).toBe('triage');
      expect(a.triageReasons.map((r) => r.en).join(' '), body).toContain(
        'The protocol comes with a withdrawal',
      );
    }
  });

  it('is filed alone when the mail only brings the protocol', () => {
    const a = assessMail(
      protocolMail(
        'Hej,\nBifogar protokollsutdrag från Farsta stadsdelsnämnd 2027-06-12 § 12 om deltagande i Kvalitetsutmärkelsen.\nRegistrator',
      ),
      UNITS,
    );
    expect(a.classification.kind).toBe('board-protocol');
    expect(a.triageReasons.map((r) => r.en).join(' ')).not.toContain('withdrawal');
  });
});

describe('a protocol whose mail tells of a unit leaving in the third person', () => {
  it('goes to a coordinator; a mail saying no unit left does not', () => {
    const leaves = assessMail(
      protocolMail(
        'Hej,\nBifogar protokollsutdrag § 12. Förskolan Färgen kommer inte att delta i år trots beslutet.\nRegistrator',
      ),
      UNITS,
    );
    expect(leaves.decision).toBe('triage');
    const none = assessMail(
      protocolMail(
        'Hej,\nBifogar protokollsutdrag § 12 om Kvalitetsutmärkelsen. Ingen enhet har dragit sig ur.\nRegistrator',
      ),
      UNITS,
    );
    expect(none.triageReasons.map((r) => r.en).join(' ')).not.toContain('withdrawal');
  });
});

describe('a protocol that records a withdrawal made before the decision', () => {
  it('is filed alone: the board records what is known; after the decision it is news', () => {
    const before = assessMail(
      protocolMail(
        'Hej,\nHär kommer protokollsutdraget § 12. Förskolan Ljuset drog sig ur redan i mars, övriga deltar.\nRegistrator',
      ),
      UNITS,
    );
    expect(before.triageReasons.map((r) => r.en).join(' ')).not.toContain('withdrawal');
    const after = assessMail(
      protocolMail(
        'Hej,\nHär kommer protokollsutdraget § 12. Förskolan Färgen har avanmält sig efter nämndens beslut.\nRegistrator',
      ),
      UNITS,
    );
    expect(after.decision).toBe('triage');
  });
});

describe('a protocol in which the board declines a unit or changes its decision', () => {
  it('goes to a coordinator, saying the board declines or changes', () => {
    for (const body of [
      'Hej,\nBifogar protokollsutdrag från extra sammanträde. Nämnden beslutade att INTE anmäla Förskolan Färgen, eftersom enheten ska läggas ned.\nNämndsekreterare',
      'Hej,\nHär kommer protokollsutdraget § 12. Nämnden avslår förvaltningens förslag att anmäla Förskolan Färgen.\nRegistrator',
      'Hej,\nBifogar protokollsutdrag § 12. Förskolan Färgen ska inte delta i år enligt beslutet.\nRegistrator',
      'Hej,\nBifogar ändrat beslut § 12 om deltagande i Kvalitetsutmärkelsen. Det ersätter tidigare protokollsutdrag från maj.\nRegistrator',
      'Hello,\nAttached are the minutes. The board decided not to register Förskolan Färgen this year.\nThe registry',
    ]) {
      const a = assessMail(protocolMail(body), UNITS);
      expect(a.classification.kind, body).toBe('board-protocol');
      expect(a.decision, body).toBe('triage');
      expect(a.triageReasons.map((r) => r.en).join(' '), body).toContain(
        'declines a unit or changes an earlier decision',
      );
    }
  });

  it('a protocol whose board approves is filed alone, even with "inte" elsewhere', () => {
    for (const body of [
      'Hej,\nNämnden beslutade att anmäla Förskolan Färgen till kvalitetsutmärkelsen. Protokollsutdraget bifogas.\nRegistrator',
      'Hej! Eftersom nämnden inte sammanträder före den 30 juni har ordföranden beslutat att Förskolan Färgen deltar. Beslutet bifogas.',
      'Hej! Vidarebefordrar protokollet, ifall ni inte fått det.',
    ]) {
      const a = assessMail(protocolMail(body), UNITS);
      expect(a.classification.kind, body).toBe('board-protocol');
      expect(a.decision, body).toBe('auto');
    }
  });
});

describe('a protocol in which the board has not decided yet', () => {
  it('goes to a coordinator: the matter sent back or postponed marks no unit', () => {
    for (const body of [
      'Hej,\nBifogar protokollsutdrag § 12. Nämnden återremitterade ärendet om deltagande i Kvalitetsutmärkelsen.\nRegistrator',
      'Hej,\nHär kommer protokollsutdraget. Ärendet om Förskolan Färgen bordlades.\nRegistrator',
      'Hello,\nAttached are the minutes. The item on the Quality Award was postponed to the August meeting.\nThe registry',
    ]) {
      const a = assessMail(protocolMail(body), UNITS);
      expect(a.classification.kind, body).toBe('board-protocol');
      expect(a.decision, body).toBe('triage');
      expect(a.triageReasons.map((r) => r.en).join(' '), body).toContain(
        'The board has not decided yet',
      );
    }
  });
});
