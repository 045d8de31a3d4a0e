// General signs that a mail which reads like an ordinary one must still go to a coordinator: what it
// says does not match what it carries, or it does two things at once. Each rule is tested with
// sentences of its own, in Swedish and English, and with the ordinary mail it must not stop.
import { describe, expect, it } from 'vitest';
import { classifyMail, decide } from './classify.js';
import type { MailFacts } from './facts.js';

function mail(
  subject: string,
  body: string,
  attachments: string[] = [],
  from = 'tomas.granlund@stockholm.example',
): MailFacts {
  return {
    subject,
    body,
    from: { address: from, name: 'Tomas Granlund' },
    attachments: attachments.map((name) => ({
      name,
      contentType: name.endsWith('.pdf')
        ? 'application/pdf'
        : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      size: 200_000,
      isInline: false,
    })),
    sentAt: '2027-05-17T20:58:00Z',
  };
}

/** Each mail goes to a coordinator, and `rule` is among the reasons the rules give. */
function expectForCoordinator(rule: string, mails: readonly (readonly [string, string])[]): void {
  for (const [subject, body] of mails) {
    const c = classifyMail(mail(subject, body));
    expect(decide(c), subject).toBe('triage');
    expect(
      c.signals.fired.map((s) => s.rule),
      subject,
    ).toContain(rule);
  }
}

describe('a sending with nothing sent', () => {
  it('"Bifogar härmed vårt bidrag" with no file goes to a coordinator', () => {
    const c = classifyMail(
      mail(
        'Vårt bidrag till kvalitetsutmärkelsen',
        'Hej,\n\nBifogar härmed vårt bidrag från Trygg hemgång.\n\nTomas Granlund\nEnhetschef',
      ),
    );
    expect(c.kind).toBe('submission');
    expect(decide(c)).toBe('triage');
    expect(c.signals.fired.map((s) => s.rule)).toContain('nothing-attached');
  });

  it('"Please find attached our entry" with no file goes to a coordinator', () => {
    const c = classifyMail(
      mail(
        'Our entry for the Quality Award',
        'Hello,\n\nPlease find attached our entry for this year’s quality award.\n\nBest regards\nTomas',
      ),
    );
    expect(decide(c)).toBe('triage');
  });

  it('"here is our entry" with nothing attached, claiming no file, is the submission (the receipt asks for the file)', () => {
    for (const body of [
      'Hej! Här kommer Hemtjänsten Norrs bidrag till kvalitetsutmärkelsen.\n\nTomas Granlund',
      'Hello, here is our entry for this year’s quality award.\n\nTomas',
    ]) {
      const c = classifyMail(mail('Vårt bidrag', body));
      expect(c.kind, body).toBe('submission');
      expect(
        c.signals.fired.map((s) => s.rule),
        body,
      ).not.toContain('nothing-attached');
    }
    // Saying the file is attached when none is: lost on the way, a coordinator asks at once.
    const c = classifyMail(
      mail('Vårt bidrag', 'Hej! Här kommer vårt bidrag, se bifogad fil. /Tomas'),
    );
    expect(decide(c)).toBe('triage');
    expect(c.signals.fired.map((s) => s.rule)).toContain('nothing-attached');
  });

  it('the same words with the file are a submission, decided alone', () => {
    const c = classifyMail(
      mail(
        'Vårt bidrag till kvalitetsutmärkelsen',
        'Hej,\n\nBifogar härmed vårt bidrag från Trygg hemgång.\n\nTomas Granlund\nEnhetschef',
        ['Bidrag KU 2027 Trygg hemgång.docx'],
      ),
    );
    expect(c.kind).toBe('submission');
    expect(decide(c)).toBe('auto');
  });

  it('a link to the document instead of the file is still a sending', () => {
    const c = classifyMail(
      mail(
        'Vårt bidrag',
        'Hej,\n\nVårt bidrag är för stort för att mejla, här är länken: https://stockholmstad.sharepoint.example/sites/x/KU2027.docx\n\nTomas',
      ),
    );
    expect(c.kind).toBe('submission');
    expect(c.signals.fired.map((s) => s.rule)).not.toContain('nothing-attached');
  });
});

describe('two changes to participation in one mail', () => {
  it('a unit withdrawn and another registered in its place goes to a coordinator', () => {
    for (const [subject, body] of <[string, string][]>[
      [
        'Byte av enhet',
        'Hej,\n\nFörskolan Solrosen drar sig ur kvalitetsutmärkelsen i år. I stället vill Förskolan Ekorren delta.\n\nAnna Berg\nAvdelningschef',
      ],
      [
        'Ändrad anmälan',
        'Hej,\n\nVi behöver ändra vår anmälan: Förskolan Solrosen drar sig ur, men Förskolan Ekorren vill delta i stället.\n\nAnna Berg',
      ],
      [
        'Change of unit',
        'Hello,\n\nFörskolan Solrosen withdraws from this year’s quality award. Instead, Förskolan Ekorren would like to take part.\n\nAnna Berg',
      ],
    ]) {
      const c = classifyMail(mail(subject, body));
      expect(decide(c), body).toBe('triage');
      expect(
        c.signals.fired.map((s) => s.rule),
        body,
      ).toContain('two-actions');
    }
  });

  it('a withdrawal that tells of the registration made before is one change, decided alone', () => {
    const c = classifyMail(
      mail(
        'Avanmälan',
        'Hej,\n\nVi anmälde intresse i mars, men tyvärr drar vi oss ur kvalitetsutmärkelsen i år.\n\nAnna Berg\nFörskolan Solrosen',
      ),
    );
    expect(c.kind).toBe('withdrawal');
    expect(decide(c)).toBe('auto');
  });

  it('a registration that tells of last year’s withdrawal is one change, decided alone', () => {
    const c = classifyMail(
      mail(
        'Intresseanmälan',
        'Hej!\n\nFörra året drog vi oss ur, men i år vill vi delta i kvalitetsutmärkelsen.\n\nAnna Berg\nFörskolan Solrosen',
      ),
    );
    expect(c.kind).toBe('pre-registration');
    expect(decide(c)).toBe('auto');
  });
});

describe('an info-meeting signup that also registers the unit', () => {
  it('is two matters: a coordinator signs up and registers', () => {
    expectForCoordinator('two-actions', [
      [
        'Anmälan till informationsmöte',
        'Hej,\n\nJag vill gärna komma på informationsmötet den 9 mars. Vår intresseanmälan kan ni också notera redan nu.\n\nAnna Berg\nFörskolan Solrosen',
      ],
      [
        'Info session and registration',
        'Hello,\n\nPlease sign me up for the information meeting on 2 March. We also hereby register our interest in the quality award.\n\nAnna Berg',
      ],
    ]);
  });

  it('a signup that only looks forward to registering later stays a signup, decided alone', () => {
    const c = classifyMail(
      mail(
        'Informationsmöte',
        'Hej,\n\nJag vill anmäla mig till informationsmötet den 2 mars. Efter mötet bestämmer vi om vi gör en intresseanmälan.\n\nAnna Berg\nFörskolan Solrosen',
      ),
    );
    expect(c.kind).toBe('info-meeting-signup');
    expect(c.signals.fired.map((s) => s.rule)).not.toContain('two-actions');
  });
});

describe('the entry and the board protocol sent in one mail', () => {
  it('is two matters: a coordinator receipts the entry and records the protocol', () => {
    for (const [subject, body, files] of [
      [
        'Bidrag och protokoll',
        'Hej,\n\nBifogat finns Solrosens tävlingsbidrag och nämndens protokollsutdrag om deltagandet.\n\nTomas Granlund, förvaltningen',
        ['Tävlingsbidrag Förskolan Solrosen.docx', 'Protokollsutdrag SDN 2027-04-20 § 7.pdf'],
      ],
      [
        'Entry and minutes',
        'Hello,\n\nPlease find attached our entry and the minutes of the board meeting that approved our participation.\n\nTomas',
        ['Quality Award entry 2027.pdf', 'Board minutes 2027-04-20.pdf'],
      ],
    ] as const) {
      const c = classifyMail(mail(subject, body, [...files]));
      expect(decide(c), subject).toBe('triage');
      expect(
        c.signals.fired.map((s) => s.rule),
        subject,
      ).toContain('two-actions');
    }
  });

  it('a protocol with its own appendix, the entry only mentioned, stays a protocol decided alone', () => {
    const c = classifyMail(
      mail(
        'Protokollsutdrag kvalitetsutmärkelsen',
        'Hej,\n\nHär kommer protokollsutdraget där nämnden godkände att Förskolan Solrosen deltar. Bidraget skickar förskolan själv.\n\nTomas Granlund, nämndsekreterare',
        ['Protokollsutdrag SDN 2027-04-20 § 7.pdf', 'Bilaga 1 deltagande enheter.pdf'],
      ),
    );
    expect(c.kind).toBe('board-protocol');
    expect(c.signals.fired.map((s) => s.rule)).not.toContain('two-actions');
    expect(decide(c)).toBe('auto');
  });
});

describe('a registration for the next round or on a condition', () => {
  it('"nästa års kvalitetsutmärkelse", "inför nästa omgång" are not this cycle’s registration', () => {
    for (const body of [
      'Hej! Vi vill anmäla oss till nästa års kvalitetsutmärkelse. Anna Berg, Förskolan Solrosen',
      'Hej! Förskolan Solrosen anmäler intresse inför nästa omgång av kvalitetsutmärkelsen. Anna Berg',
      'Hello, we would like to register for the next round of the quality award. Anna Berg',
    ]) {
      const c = classifyMail(mail('Intresseanmälan', body));
      expect(decide(c), body).toBe('triage');
    }
  });

  it('"om vi hinner", "förutsatt att budgeten tillåter" register on a condition', () => {
    for (const body of [
      'Hej! Vi anmäler oss till kvalitetsutmärkelsen om vi hinner. Anna Berg, Förskolan Solrosen',
      'Hej! Vi anmäler härmed Förskolan Solrosen till kvalitetsutmärkelsen, förutsatt att budgeten tillåter. Anna Berg',
      'Hej! Vi vill delta i kvalitetsutmärkelsen om personalen räcker till. Anna Berg',
      'Hello, we would like to take part in the quality award if time allows. Anna Berg',
    ]) {
      const c = classifyMail(mail('Anmälan', body));
      expect(c.kind, body).toBe('pre-registration');
      expect(decide(c), body).toBe('triage');
    }
  });

  it('a doubt about the rules stated by the sender ("if that rules us out", "om det diskvalificerar oss")', () => {
    for (const body of [
      "Hello, we'd like to pre-register Friskolan Solrosen. Only 40 % of our pupils live in Stockholm; if that rules us out, please disregard this registration. Anna Berg",
      'Hej! Förskolan Solrosen anmäler intresse. Hälften av barnen bor i Solna, om det diskvalificerar oss får ni bortse från anmälan. Anna Berg',
      'Hej! Vi anmäler intresse för kvalitetsutmärkelsen, men vi är osäkra på om vi uppfyller kravet på andel Stockholmsbarn. Anna Berg, Förskolan Solrosen',
      'Hello, we would like to register for the quality award, if we are not eligible please let us know. Anna Berg',
    ]) {
      const c = classifyMail(mail('Intresseanmälan', body));
      expect(c.kind, body).toBe('pre-registration');
      expect(decide(c), body).toBe('triage');
    }
  });

  it('taking part "bara om" the award meets a condition, ending in a question, goes to a coordinator', () => {
    for (const body of [
      'Hej! Förskolan Solrosen vill gärna vara med i år, men bara om återföringen kan hållas i december när vi har studiedag. Annars får det bli nästa år. Går det att ordna? Anna Berg',
      'Hello, we would like to take part this year, but only if the site visit can be held in English. Is that possible? Anna Berg, Friskolan Solrosen',
    ]) {
      const c = classifyMail(mail('Anmälan', body));
      expect(decide(c), body).toBe('triage');
      expect(
        c.signals.fired.map((s) => s.rule),
        body,
      ).toContain('conditional');
    }
  });

  it('a question whether a rule holds "bara om", with no taking part said, stays a question decided alone', () => {
    const c = classifyMail(
      mail(
        'Fråga om platsbesöket',
        'Hej! Gäller det att hela ledningsgruppen ska vara med på platsbesöket bara om vi går vidare till final? Anna Berg, Förskolan Solrosen',
      ),
    );
    expect(c.kind).toBe('question');
    expect(c.signals.fired.map((s) => s.rule)).not.toContain('conditional');
  });

  it('a plain registration is decided alone', () => {
    const c = classifyMail(
      mail(
        'Intresseanmälan',
        'Hej! Förskolan Solrosen anmäler härmed intresse för Kvalitetsutmärkelsen 2027. Säg till om ni behöver något mer. Anna Berg',
      ),
    );
    expect(c.kind).toBe('pre-registration');
    expect(decide(c)).toBe('auto');
  });
});

describe('an entry taken back to be replaced', () => {
  it('is no withdrawal from the award: a coordinator reads it', () => {
    for (const body of [
      'Hej! Vi drar tillbaka vårt bidrag och skickar en ny version i morgon. Anna Berg, Förskolan Solrosen',
      'Hello, we withdraw the entry we sent yesterday and will send a corrected version this week. Anna Berg',
    ]) {
      const c = classifyMail(mail('Bidraget', body));
      expect(c.kind, body).toBe('withdrawal');
      expect(decide(c), body).toBe('triage');
      expect(
        c.signals.fired.map((s) => s.rule),
        body,
      ).toContain('replaces-entry');
    }
  });

  it('a withdrawal from the award is decided alone', () => {
    const c = classifyMail(
      mail(
        'Avanmälan',
        'Hej! Tyvärr drar vi tillbaka vår anmälan till kvalitetsutmärkelsen. Anna Berg, Förskolan Solrosen',
      ),
    );
    expect(c.kind).toBe('withdrawal');
    expect(decide(c)).toBe('auto');
  });
});

describe('a mail sent for information', () => {
  it('"för kännedom" with next year\'s meetings named signs up for nothing: filed as other', () => {
    const c = classifyMail(
      mail(
        'VB: Inbjudan nätverksträff kvalitetsstrateger',
        'Till er för kännedom – kanske något att nämna på informationsmötena nästa år.\n\n/Therese',
      ),
    );
    expect(c.kind).toBe('other');
    expect(decide(c)).toBe('auto');
  });

  it('"till er kännedom" that only tells (a visit booked) is other, decided alone', () => {
    const c = classifyMail(
      mail(
        'Återföringsbesök bokat',
        'Hej!\n\nTill er kännedom: återföringen hos Förskolan Solrosen blir tisdag 7 december kl. 13. Chefen har bekräftat.\n\nSara, examinator',
      ),
    );
    expect(c.kind).toBe('other');
    expect(decide(c)).toBe('auto');
  });

  it('"för kännedom" that a unit is renamed or has a new manager is news for a coordinator', () => {
    for (const body of [
      'Hej!\n\nFör kännedom: Förskolan Solrosen heter Förskolan Solstrålen från 1 mars.\nAnna Berg, nytt namn i registret alltså.',
      'Hej!\n\nFör kännedom: ny enhetschef för Förskolan Solrosen är Per Ek från 1 april.\n\nAnna Berg',
    ])
      expect(decide(classifyMail(mail('Information', body))), body).toBe('triage');
  });

  it('"för kännedom" that also asks is no mere notice', () => {
    const c = classifyMail(
      mail(
        'Platsbesök',
        'Hej!\n\nFör kännedom: platsbesöket hos Förskolan Solrosen blir den 14 september. Vem av er följer med?\n\nSara',
      ),
    );
    expect(decide(c) === 'auto' && c.kind === 'other').toBe(false);
  });

  it('a draft sent "för kännedom" with a document is not taken for an entry alone', () => {
    const c = classifyMail(
      mail(
        'Text om årets deltagare – för kännedom',
        'Hej! Här är utkastet till nyheten om att 34 verksamheter skickat in bidrag till Kvalitetsutmärkelsen. Den publiceras på måndag.\n\nSara',
        ['Nyhet KU 2027 utkast.docx'],
      ),
    );
    expect(decide(c)).toBe('triage');
  });

  it('a signup for this year’s meeting is still one', () => {
    const c = classifyMail(
      mail(
        'Informationsmöte',
        'Hej! Jag vill gärna komma på informationsmötet den 16 februari.\n\nTomas Granlund',
      ),
    );
    expect(c.kind).toBe('info-meeting-signup');
    expect(decide(c)).toBe('auto');
  });
});

describe('a withdrawal on a condition', () => {
  it('"om vi inte får …, måste vi dra oss ur" and "otherwise we withdraw" withdraw nothing yet', () => {
    for (const [subject, body] of [
      [
        'Anstånd?',
        'Hej! Om enheten inte får en veckas anstånd med bidraget kommer vi tyvärr att dra oss ur. /Tomas',
      ],
      [
        'Kvalitetsutmärkelsen',
        'Hej, vi behöver hjälp med skrivandet, annars avanmäler vi oss från kvalitetsutmärkelsen.',
      ],
      [
        'Quality award',
        'Hello, if we cannot get two more weeks for the entry we will have to withdraw. Tomas',
      ],
    ] as const) {
      const c = classifyMail(mail(subject, body));
      expect(c.kind, body).toBe('withdrawal');
      expect(decide(c), body).toBe('triage');
      expect(
        c.signals.fired.map((s) => s.rule),
        body,
      ).toContain('considering');
    }
  });

  it('"om" as "about" before a plain withdrawal is no condition', () => {
    const c = classifyMail(
      mail(
        'Avanmälan',
        'Hej! Vi har pratat om det i ledningsgruppen och drar oss ur kvalitetsutmärkelsen i år. /Tomas',
      ),
    );
    expect(c.kind).toBe('withdrawal');
    expect(decide(c)).toBe('auto');
  });

  it('"återta"/"återtagande" of the registration withdraws, decided alone', () => {
    for (const [subject, body] of [
      ['Återtagande av anmälan', 'Hej, vi måste återta vår anmälan till Kvalitetsutmärkelsen.'],
      ['Kvalitetsutmärkelsen', 'Hej! Rektorn har beslutat att återta intresseanmälan för i år.'],
    ] as const) {
      const c = classifyMail(mail(subject, body));
      expect(c.kind, body).toBe('withdrawal');
      expect(decide(c), body).toBe('auto');
    }
    // Taking back something else is no withdrawal.
    const other = classifyMail(
      mail(
        'Kvalitetsutmärkelsen',
        'Hej! Vi återtog arbetet med verksamhetsplanen efter semestern. /Tomas',
      ),
    );
    expect(other.kind).not.toBe('withdrawal');
  });
});

describe('a merged unit asking about its registration', () => {
  it('goes to a coordinator, not filed as the old unit’s question', () => {
    const c = classifyMail(
      mail(
        'Ny organisation',
        'Hej! Vid årsskiftet går Hemtjänst Norr och Hemtjänst Väst samman. Följer vår anmälan med till den nya enheten?',
      ),
    );
    expect(c.kind).toBe('question');
    expect(decide(c)).toBe('triage');
    expect(c.signals.fired.map((s) => s.rule)).toContain('merged-unit');
  });

  it('a question about the award that mentions no merger is still answered as a question', () => {
    const c = classifyMail(
      mail('Ny organisation', 'Hej! Räknas vikarier med när vi räknar antalet medarbetare?'),
    );
    expect(c.signals.fired.map((s) => s.rule)).not.toContain('merged-unit');
  });
});

describe('a complaint about how someone behaved', () => {
  it('an examiner’s conduct told of politely, with a question, goes to a coordinator', () => {
    expectForCoordinator('complaint', [
      [
        'Om återföringsmötet',
        'Hej,\n\nVår personal upplevde att en av examinatorerna var nedlåtande mot vår biträdande rektor under återföringen. Hur ska vi gå vidare med det?\n\nTomas Granlund',
      ],
      [
        'The site visit',
        'Hello,\n\nTwo of our staff felt the examiner was rude to them during the site visit. Who should we talk to?\n\nTomas Granlund',
      ],
    ]);
  });

  it('a question about the site visit without a word of conduct is still a question', () => {
    const c = classifyMail(
      mail(
        'Platsbesöket',
        'Hej! Hur lång tid brukar platsbesöket ta, och vilka av oss behöver vara med?\n\nTomas Granlund',
      ),
    );
    expect(c.kind).toBe('question');
    expect(c.signals.fired.map((s) => s.rule)).not.toContain('complaint');
  });
});

describe('disappointment with the jury’s assessment, or a wish to appeal it', () => {
  it('goes to a coordinator, however it is asked', () => {
    expectForCoordinator('complaint', [
      [
        'Juryns beslut',
        'Hej,\n\nVi är ärligt talat besvikna på juryns motivering, som inte nämner vårt arbete med brukarråden alls. Går det att överklaga?\n\nTomas Granlund',
      ],
      [
        'Synpunkter på examinatorernas återkoppling',
        'Hej! Vi har några synpunkter på examinatorernas återkoppling som vi gärna vill ta upp med någon. Vem ska vi vända oss till?',
      ],
      [
        'Our result',
        'Hello,\n\nWe are disappointed with the assessment of our entry and would like to know how to appeal the decision.\n\nTomas Granlund',
      ],
    ]);
  });

  it('a question about when the assessment is ready, or asking for feedback, is no complaint', () => {
    for (const body of [
      'Hej! När får vi veta resultatet av bedömningen? Vi ser fram emot era synpunkter på vårt bidrag.',
      'Hej, vi blev lite besvikna på oss själva som inte hann till informationsmötet. Finns presentationen att ladda ner?',
    ]) {
      const c = classifyMail(mail('Bedömningen', body));
      expect(c.kind, body).toBe('question');
      expect(
        c.signals.fired.map((s) => s.rule),
        body,
      ).not.toContain('complaint');
    }
  });
});

describe('a question from a private mailbox about the unit joining or leaving', () => {
  it('goes to a coordinator, who must first learn which unit it is', () => {
    for (const body of [
      'hej! vi i hemtjänstgruppen tänker anmäla oss till kvalitetspriset. hur gör vi?\n/Berit',
      'Hej, vi på boendet har bestämt att inte delta i år. måste chefen skriva själv?\nMvh Omar',
    ]) {
      const c = classifyMail(mail('Kvalitetspriset', body, [], 'berit.hemma@hotmail.example'));
      expect(decide(c), body).toBe('triage');
      expect(
        c.signals.fired.map((s) => s.rule),
        body,
      ).toContain('private-participation');
    }
  });

  it('the same question from a work address, or a private question about nothing of the kind, is a question', () => {
    const work = classifyMail(
      mail(
        'Kvalitetspriset',
        'hej! vi i hemtjänstgruppen tänker anmäla oss till kvalitetspriset. hur gör vi?\n/Berit',
      ),
    );
    expect(work.signals.fired.map((s) => s.rule)).not.toContain('private-participation');
    const other = classifyMail(
      mail(
        'Kvalitetspriset',
        'Hej! När delas kvalitetspriset ut i år, och är galan öppen för allmänheten?\n/Berit',
        [],
        'berit.hemma@hotmail.example',
      ),
    );
    expect(other.kind).toBe('question');
    expect(other.signals.fired.map((s) => s.rule)).not.toContain('private-participation');
  });
});

describe('personal data to be deleted', () => {
  it('an entry that names a patient, to be removed, goes to a coordinator', () => {
    expectForCoordinator('personal-data', [
      [
        'Fel i vårt bidrag',
        'Hej,\n\nI bilaga 3 står personnumret på en av våra brukare. Kan ni ta bort den versionen innan examinatorerna läser den? Vi skickar en ny i morgon.\n\nTomas Granlund',
      ],
      [
        'Our entry',
        'Hello,\n\nOur entry contains personal data about a client by mistake. Could you please delete it from your files?\n\nTomas Granlund',
      ],
    ]);
  });

  it('the city’s footer about personal data and deleting a mail sent in error is no request', () => {
    const c = classifyMail(
      mail(
        'Fråga om bidraget',
        'Hej! Räknas bilagorna in i antalet tecken?\nStockholms stad behandlar personuppgifter i enlighet med dataskyddsförordningen. Om du har fått detta mejl av misstag, meddela avsändaren och radera det.',
      ),
    );
    expect(c.signals.fired.map((s) => s.rule)).not.toContain('personal-data');
  });

  it('asking to delete a draft with no personal data in it is no data-protection matter', () => {
    const c = classifyMail(
      mail(
        'Utkastet',
        'Hej! Kan ni ta bort utkastet vi skickade i går? Det rätta bidraget kommer senare i veckan.',
      ),
    );
    expect(c.signals.fired.map((s) => s.rule)).not.toContain('personal-data');
  });
});
