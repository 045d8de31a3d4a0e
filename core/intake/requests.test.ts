// What a mail asks to have done, as opposed to what it asks about: a signup put politely as a
// question, a registration on a condition a coordinator must settle first, a board's proposal that is
// not yet its decision, and a question naming a unit it does not come from.
import { describe, expect, it } from 'vitest';
import { assessMail } from './assess.js';
import { classifyMail, decide } from './classify.js';
import type { MailFacts } from './facts.js';
import type { MatchableUnit } from './match.js';

function mail(partial: Partial<MailFacts>): MailFacts {
  return {
    subject: '',
    body: '',
    from: { address: 'karin.wik@stockholm.example', name: 'Karin Wik' },
    attachments: [],
    sentAt: '2027-02-05T10:00:00+01:00',
    ...partial,
  };
}

const pdf = (name: string) => ({ name, size: 300_000, contentType: 'application/pdf' });

describe('a request to join put as a question', () => {
  it('is a signup for the info meeting, not a question for a coordinator', () => {
    for (const [subject, body] of [
      ['Informationsmöte', 'Hej!\nKan jag få anmäla mig till informationsmötet den 2 mars?\nKarin'],
      ['Infoträff', 'Går det att anmäla sig till infoträffen 18 februari? Vi blir två.'],
      ['Anmälan', 'Hej, får vi komma på informationsmötet i Stadshuset den 9 mars?\n/Karin'],
      ['Information session', 'Hello,\nCould I join the information session on 2 March?\nKarin'],
      ['Informationsmötet', 'Hej! Kan ni anmäla mig till informationsmötet den 16 februari?'],
      ['Info', 'Skulle jag kunna få en plats på informationsträffen 18 februari?'],
      [
        'Information meeting',
        'Could you please sign me up for the information meeting on 9 March?',
      ],
    ] as const) {
      const c = classifyMail(mail({ subject, body }));
      expect(c.kind, body).toBe('info-meeting-signup');
      expect(decide(c), body).toBe('auto');
    }
  });

  it('is one too when the asker brings someone along ("kan jag och en kollega få komma")', () => {
    for (const body of [
      'Hej!\nKan jag och en kollega från köket få komma på informationsträffen den 16 februari?\nKarin',
      'Skulle vi och några medarbetare kunna få plats på infomötet i Stadshuset 9 mars?',
    ]) {
      const c = classifyMail(mail({ subject: 'Informationsträff', body }));
      expect(c.kind, body).toBe('info-meeting-signup');
      expect(decide(c), body).toBe('auto');
    }
  });

  it('asking how someone else may come, with a companion named, stays a question', () => {
    const c = classifyMail(
      mail({
        subject: 'Informationsträff',
        body: 'Hej! Hur kan jag och min ställföreträdare komma in i Stadshuset på informationsträffen?',
      }),
    );
    expect(c.kind).toBe('question');
  });

  it('asked of the award, a request to register the unit is a registration', () => {
    const c = classifyMail(
      mail({
        subject: 'Kvalitetsutmärkelsen 2027',
        body: 'Hej! Kan ni anmäla vår enhet, Förskolan Lönnen, till kvalitetsutmärkelsen 2027?\nKarin Wik',
        sentAt: '2027-03-02T10:00:00+01:00',
      }),
    );
    expect(c.kind).toBe('pre-registration');
    expect(decide(c)).toBe('auto');
  });

  it('asking whether the unit may take part at all stays a question', () => {
    for (const body of [
      'Hej! Kan vi få vara med i kvalitetsutmärkelsen i år? Vi är ett privat företag med avtal med staden.',
      'Får vi delta i kvalitetsutmärkelsen fast vi bara är fyra anställda?',
    ]) {
      const c = classifyMail(mail({ subject: 'Kvalitetsutmärkelsen 2027', body }));
      expect(c.kind, body).toBe('question');
    }
  });

  it('stays a question when the sentence doubts or weighs choices', () => {
    for (const body of [
      'Hej! Går det fortfarande att anmäla sig till informationsmötet?',
      'Kan jag komma på informationsmötet eller räcker det att läsa anvisningarna?',
      'Hur kan jag anmäla mig till informationsmötet?',
      'Får vi vara med på informationsmötet fast vi inte har anmält intresse än?',
    ]) {
      const c = classifyMail(mail({ subject: 'Informationsmötet', body }));
      expect(c.kind, body).toBe('question');
    }
  });

  it('asking to come to another meeting instead is a move, which a coordinator makes', () => {
    const c = classifyMail(
      mail({
        subject: 'Informationsmöte 16 februari',
        body: 'Hej, jag har fått förhinder den 16:e. Kan jag komma på informationsmötet den 2 mars istället?',
      }),
    );
    expect(c.kind).toBe('info-meeting-signup');
    expect(decide(c)).toBe('triage');
    expect(c.signals.fired.map((s) => s.rule)).toContain('change-signup');
  });
});

describe('a registration on a condition', () => {
  it('goes to a coordinator when the unit doubts it may take part', () => {
    for (const [subject, body] of [
      [
        'Intresseanmälan',
        'Hej! Vi är bara fyra anställda. Om vi ändå får vara med anmäler vi härmed intresse för Kvalitetsutmärkelsen 2027.',
      ],
      [
        'Kvalitetsutmärkelsen 2027',
        'Hej,\nFörskolan Lönnen vill anmäla intresse till kvalitetsutmärkelsen. Uppfyller vi kraven trots att vi är ett föräldrakooperativ? Annars kan ni bortse från detta mejl.',
      ],
      [
        'Quality Award 2027',
        'Hello,\nOur care home would like to register its interest in the Quality Award 2027, provided we are eligible as a contracted provider.',
      ],
    ] as const) {
      const c = classifyMail(mail({ subject, body }));
      expect(c.kind, body).toBe('pre-registration');
      expect(decide(c), body).toBe('triage');
      expect(
        c.signals.fired.map((s) => s.rule),
        body,
      ).toContain('conditional');
    }
  });

  it('a plain registration with an "om" of courtesy stays automatic', () => {
    const c = classifyMail(
      mail({
        subject: 'Intresseanmälan Kvalitetsutmärkelsen 2027',
        body: 'Hej! Förskolan Lönnen anmäler härmed intresse för Kvalitetsutmärkelsen 2027. Om ni har frågor når ni mig på 08-508 000 00.',
      }),
    );
    expect(c.kind).toBe('pre-registration');
    expect(decide(c)).toBe('auto');
  });
});

describe("a board's proposal before its meeting", () => {
  it('is not a protocol (nothing is decided yet), and a coordinator reads it', () => {
    for (const [body, file] of [
      [
        'Hej,\nFör kännedom bifogas tjänsteutlåtandet om enheternas deltagande i kvalitetsutmärkelsen. Ärendet ska behandlas av nämnden den 10 juni.',
        'TU Kvalitetsutmärkelsen 2027 Farsta SDN.pdf',
      ],
      [
        'Hej! Här är förslaget till beslut inför stadsdelsnämndens sammanträde. Protokollsutdraget kommer när protokollet är justerat.',
        'Förslag till beslut deltagande kvalitetsutmärkelsen.pdf',
      ],
    ] as const) {
      const c = classifyMail(
        mail({
          subject: 'Kvalitetsutmärkelsen 2027 – nämnden',
          body,
          attachments: [pdf(file)],
          sentAt: '2027-05-28T09:00:00+02:00',
        }),
      );
      // Nothing to record, but a coordinator reads what the board is to decide.
      expect(c.kind, body).toBe('other');
      expect(decide(c), body).toBe('triage');
      expect(
        c.signals.fired.map((s) => s.rule),
        body,
      ).toContain('board-proposal');
    }
  });

  it('the decision taken is a protocol, even with the proposal attached beside it', () => {
    const c = classifyMail(
      mail({
        subject: 'Protokollsutdrag – kvalitetsutmärkelsen',
        body: 'Hej,\nStadsdelsnämnden beslutade den 10 juni att följande enheter deltar i kvalitetsutmärkelsen 2027: Förskolan Lönnen. Bifogar justerat protokollsutdrag och tjänsteutlåtandet.',
        attachments: [pdf('Protokollsutdrag § 14.pdf'), pdf('Tjänsteutlåtande.pdf')],
        sentAt: '2027-06-12T09:00:00+02:00',
      }),
    );
    expect(c.kind).toBe('board-protocol');
    expect(decide(c)).toBe('auto');
  });

  it('a question about what the excerpt must hold sends no proposal: answered as a question', () => {
    const c = classifyMail(
      mail({
        subject: 'Vad ska utdraget innehålla?',
        body: 'Hej,\nNämnden tar upp ärendet i juni. Ska protokollsutdraget ha med hela tjänsteutlåtandet, eller räcker beslutssatsen?\n/Nämndsekreteraren',
        sentAt: '2027-05-20T09:00:00+02:00',
      }),
    );
    expect(c.kind).toBe('question');
    expect(decide(c)).toBe('auto');
    expect(c.signals.fired.map((s) => s.rule)).not.toContain('board-proposal');
  });
});

describe("a board's decision told of as the reason for a unit's own registration", () => {
  it('is the reason, not a protocol: the registration is decided alone', () => {
    const c = classifyMail(
      mail({
        subject: 'Anmälan',
        body: 'Hej! Ugglans föräldrakooperativ vill vara med i Kvalitetsutmärkelsen 2027, styrelsen beslutade först i går kväll.\nKarin Wik',
        sentAt: '2027-03-10T20:00:00+01:00',
      }),
    );
    expect(c.kind).toBe('pre-registration');
    expect(decide(c)).toBe('auto');
  });

  it('a board that lists its units, or sends its excerpt, is still a protocol', () => {
    const listed = classifyMail(
      mail({
        subject: 'Nämndens beslut',
        body: 'Hej,\nStadsdelsnämnden beslutade den 10 juni att följande enheter deltar i kvalitetsutmärkelsen 2027:\n- Förskolan Lönnen\n- Förskolan Eken\n/Nämndsekreteraren',
        sentAt: '2027-06-11T09:00:00+02:00',
      }),
    );
    expect(listed.kind).toBe('board-protocol');
    const sent = classifyMail(
      mail({
        subject: 'Protokollsutdrag',
        body: 'Hej,\nNämnden beslutade i går att Förskolan Lönnen vill vara med i kvalitetsutmärkelsen. Protokollsutdraget bifogas.',
        attachments: [pdf('Protokollsutdrag § 12.pdf')],
        sentAt: '2027-06-11T09:00:00+02:00',
      }),
    );
    expect(sent.kind).toBe('board-protocol');
  });
});

describe('the unit of a question', () => {
  const units: MatchableUnit[] = [
    {
      id: 'lonnen',
      name: 'Förskolan Lönnen',
      managerEmail: 'karin.wik@stockholm.example',
      managerName: 'Karin Wik',
    },
    {
      id: 'tallbacken',
      name: 'Tallbackens äldreboende',
      managerEmail: 'olof.berg@stockholm.example',
      managerName: 'Olof Berg',
    },
  ];
  const question = (from: MailFacts['from'], body: string) =>
    assessMail(mail({ subject: 'Fråga om villkoren', from, body }), units);

  it('is not the unit it names when someone else asks about it', () => {
    const a = question(
      { address: 'controller.ekonomi@stockholm.example', name: 'Sara Lind' },
      'Hej! Tallbackens äldreboende hade ett underskott förra året. Får de ändå delta?\n\nMvh Sara Lind\nController',
    );
    expect(a.classification.kind).toBe('question');
    expect(a.match.status).not.toBe('matched');
    expect(a.match.unitId).toBeUndefined();
    // The coordinator who answers still sees which unit it is about.
    expect(a.match.candidates[0]?.unitId).toBe('tallbacken');
  });

  it('is the unit when its manager or its own staff asks', () => {
    const manager = question(
      { address: 'olof.berg@stockholm.example', name: 'Olof Berg' },
      'Hej! Räknas bilagorna in i antalet tecken?',
    );
    expect(manager.match.unitId).toBe('tallbacken');
    const staff = question(
      { address: 'lena.ahl@stockholm.example', name: 'Lena Åhl' },
      'Hej! Vi på Tallbackens äldreboende undrar: räknas bilagorna in i antalet tecken?\n\nMvh\nLena Åhl\nBiträdande chef, Tallbackens äldreboende',
    );
    expect(staff.match.unitId).toBe('tallbacken');
  });

  it('a registration naming its unit from an unregistered address is still matched', () => {
    const a = assessMail(
      mail({
        subject: 'Intresseanmälan',
        from: { address: 'ny.chef@stockholm.example' },
        body: 'Hej! Tallbackens äldreboende anmäler härmed intresse för Kvalitetsutmärkelsen 2027.',
        sentAt: '2027-03-01T10:00:00+01:00',
      }),
      units,
    );
    expect(a.classification.kind).toBe('pre-registration');
    expect(a.match.unitId).toBe('tallbacken');
  });
});

describe('the unit of an info-meeting signup', () => {
  const units: MatchableUnit[] = [
    {
      id: 'tallbacken',
      name: 'Tallbackens äldreboende',
      managerEmail: 'olof.berg@stockholm.example',
    },
    { id: 'tallkotten', name: 'Förskolan Tallkotten', managerEmail: 'eva.ny@stockholm.example' },
  ];
  const signup = (signature: string) =>
    assessMail(
      mail({
        subject: 'Informationsmöte 2 mars',
        from: { address: 'new.person@stockholm.example', name: 'Ny Person' },
        body: `Hej!\nJag vill anmäla mig till informationsmötet den 2 mars.\n\nMvh\n${signature}`,
      }),
      units,
    );

  it('is the unit the attendee signs with, from an address the register does not know', () => {
    const a = signup('Ny Person\nSjuksköterska, Tallbackens äldreboende');
    expect(a.classification.kind).toBe('info-meeting-signup');
    expect(a.match.unitId).toBe('tallbacken');
    expect(a.decision).toBe('auto');
  });

  it('is no unit when the signature names none: the person is signed up, on no unit', () => {
    const a = signup('Ny Person\nÄldreförvaltningen');
    expect(a.match.status).toBe('unknown');
    expect(a.decision).toBe('auto');
  });

  it('is left to a coordinator when the signature names two units, or one unsurely', () => {
    expect(signup('Ny Person\nTallbackens äldreboende och Förskolan Tallkotten').decision).toBe(
      'triage',
    );
    expect(signup('Ny Person\nTallbackas äldreboende').decision).toBe('triage');
  });
});
