import { describe, expect, it } from 'vitest';
import { AUTO_THRESHOLD, classifyMail, decide } from './classify.js';
import type { MailFacts } from './facts.js';

function mail(partial: Partial<MailFacts>): MailFacts {
  return {
    subject: '',
    body: '',
    from: { address: 'maria.oberg@stockholm.example', name: 'Maria Öberg' },
    attachments: [],
    sentAt: '2027-03-01T10:00:00+01:00',
    ...partial,
  };
}

const docx = (name: string) => ({
  name,
  size: 200_000,
  contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
});

describe('classifyMail', () => {
  it('recognises a Swedish pre-registration and says why', () => {
    const c = classifyMail(
      mail({
        subject: 'Intresseanmälan Kvalitetsutmärkelsen 2027',
        body: 'Hej! Förskolan Solrosen vill delta i årets kvalitetsutmärkelse.',
      }),
    );
    expect(c.kind).toBe('pre-registration');
    expect(decide(c)).toBe('auto');
    expect(c.reasons[0]).toMatch(/intresseanmälan/);
    expect(c.signals.language).toBe('sv');
  });

  it('reads "ansökan" as the award application: "bifogar vår ansökan" with any file name is a submission', () => {
    for (const [subject, body] of [
      ['Ansökan', 'Hej, bifogar vår ansökan.\n/Anna'],
      [
        'Kvalitetsutmärkelsen 2027',
        'Hej!\nHär kommer vår ansökan till kvalitetsutmärkelsen.\nMvh Anna',
      ],
    ] as const) {
      const c = classifyMail(
        mail({ subject, body, attachments: [docx('Ekorren slutversion.docx')] }),
      );
      expect(c.kind, body).toBe('submission');
      expect(decide(c), body).toBe('auto');
    }
    // A job application is not ours: "min ansökan till tjänsten" with a CV stays with a person.
    const job = classifyMail(
      mail({
        subject: 'Ansökan förskollärare',
        body: 'Hej!\nBifogar min ansökan till tjänsten som förskollärare.\nMvh Lisa',
        from: { address: 'lisa.l@gmail.example' },
        attachments: [docx('CV Lisa.docx')],
      }),
    );
    expect(decide(job)).toBe('triage');
  });

  it('recognises an English withdrawal and a Swedish one phrased with a negation', () => {
    expect(
      classifyMail(
        mail({
          subject: 'Withdrawal',
          body: 'Unfortunately we have to withdraw from the Quality Award this year.',
        }),
      ).kind,
    ).toBe('withdrawal');
    const c = classifyMail(
      mail({
        subject: 'Kvalitetsutmärkelsen',
        body: 'Vi kommer inte att skicka in något bidrag i år.',
      }),
    );
    expect(c.kind).toBe('withdrawal');
  });

  it('takes a mail with a document and "bidrag" for a submission, and names unreadable formats', () => {
    const c = classifyMail(
      mail({
        subject: 'Tävlingsbidrag',
        body: 'Här kommer vårt bidrag.',
        attachments: [{ name: 'Bidrag.odt', size: 100_000 }],
      }),
    );
    expect(c.kind).toBe('submission');
    expect(c.signals.unsupportedDocuments).toEqual(['Bidrag.odt']);
    expect(decide(c)).toBe('auto');
  });

  it('takes a protocol excerpt for a board protocol, not a submission', () => {
    const c = classifyMail(
      mail({
        subject: 'Protokollsutdrag',
        body: 'Bifogat finns protokollsutdrag från stadsdelsnämnden.',
        attachments: [{ name: 'Protokollsutdrag §12.pdf', size: 90_000 }],
        from: { address: 'registrator.bromma@stockholm.example' },
      }),
    );
    expect(c.kind).toBe('board-protocol');
    expect(c.scores['board-protocol']).toBeGreaterThan(c.scores.submission);
  });

  it('tells an info-meeting signup from a pre-registration', () => {
    const c = classifyMail(
      mail({
        subject: 'Anmälan',
        body: 'Jag vill anmäla mig till informationsmötet den 16 februari.',
      }),
    );
    expect(c.kind).toBe('info-meeting-signup');
  });

  it('takes a question about the submission for a question, not a submission', () => {
    const c = classifyMail(
      mail({ subject: 'Fråga', body: 'Hej! Hur långt får bidraget vara? Räknas rubrikerna?' }),
    );
    expect(c.kind).toBe('question');
    expect(c.signals.questionCount).toBe(2);
  });

  it('knows out-of-office replies by header, by subject, and in English', () => {
    const byHeader = classifyMail(
      mail({
        subject: 'Intresseanmälan',
        body: 'Jag är ledig.',
        headers: [{ name: 'Auto-Submitted', value: 'auto-replied' }],
      }),
    );
    expect(byHeader.kind).toBe('auto-reply');
    expect(byHeader.confidence).toBeGreaterThan(0.9);
    expect(
      classifyMail(
        mail({ subject: 'Automatiskt svar: Bidrag', body: 'Jag är tillbaka den 3 maj.' }),
      ).kind,
    ).toBe('auto-reply');
    expect(classifyMail(mail({ subject: 'Frånvaromeddelande', body: '' })).kind).toBe('auto-reply');
    expect(
      classifyMail(
        mail({ subject: 'Out of Office: reminder', body: 'I am out of the office until Monday.' }),
      ).kind,
    ).toBe('auto-reply');
    // "Auto-Submitted: no" is what ordinary mail says.
    expect(
      classifyMail(
        mail({
          subject: 'Intresseanmälan',
          body: 'Vi vill delta i kvalitetsutmärkelsen.',
          headers: [{ name: 'Auto-Submitted', value: 'no' }],
        }),
      ).kind,
    ).toBe('pre-registration');
  });

  it('files newsletters as other', () => {
    const c = classifyMail(
      mail({
        subject: 'Nyhetsbrev maj',
        body: 'Avregistrera dig här.',
        from: { address: 'nyhetsbrev@stockholm.example' },
        headers: [{ name: 'List-Unsubscribe', value: '<mailto:x>' }],
      }),
    );
    expect(c.kind).toBe('other');
    expect(decide(c)).toBe('auto');
  });

  it('does not let the quoted receipt in a reply decide the kind', () => {
    const body =
      'Hej! En fråga: ska protokollet skickas av oss eller av förvaltningen?\n\nFrån: Kvalitetsutmärkelsen <kvalitetsutmarkelsen@stockholm.example>\nSkickat: den 2 mars 2027\nTill: Hanna\nÄmne: Vi har tagit emot er intresseanmälan\n\nTack! Vi har tagit emot intresseanmälan. Vi vill att ni skickar tävlingsbidraget senast 17 maj. Intresseanmälan är inte bindande.';
    const c = classifyMail(mail({ subject: 'SV: Vi har tagit emot er intresseanmälan', body }));
    expect(c.kind).toBe('question');
    expect(c.signals.isReply).toBe(true);
    expect(c.parts.quoted).toContain('tävlingsbidraget');
  });

  it('reads a forwarded pre-registration and keeps the original sender', () => {
    const body =
      'Vidarebefordrar.\n\nFrån: Sara Jönsson <sara.jonsson@stockholm.example>\nSkickat: den 10 mars 2027\nÄmne: Intresseanmälan\n\nFriskolan Kunskapsbron vill delta i Kvalitetsutmärkelsen 2027.';
    const c = classifyMail(
      mail({
        subject: 'VB: Intresseanmälan',
        body,
        from: { address: 'christina.wahlberg@stockholm.example' },
      }),
    );
    expect(c.kind).toBe('pre-registration');
    expect(c.signals.isForward).toBe(true);
    expect(c.signals.originalSender?.address).toBe('sara.jonsson@stockholm.example');
  });

  it('tolerates typos and missing å/ä/ö', () => {
    expect(
      classifyMail(
        mail({ subject: 'intreseanmalan', body: 'vi vill garna va med i kvalitetsutmarkelsen' }),
      ).kind,
    ).toBe('pre-registration');
    expect(
      classifyMail(mail({ subject: 'avanmälning', body: 'vi kan tyvärr inte delta iår' })).kind,
    ).toBe('withdrawal');
  });

  it('is unsure, so a coordinator triages, when nothing is said or it is about something else', () => {
    const empty = classifyMail(mail({ subject: '', body: '' }));
    expect(empty.kind).toBe('other');
    expect(decide(empty)).toBe('triage');
    const invoice = classifyMail(
      mail({
        subject: 'Faktura 4471',
        body: 'Bifogar faktura för april.',
        attachments: [{ name: 'Faktura.pdf', size: 50_000 }],
        from: { address: 'ekonomi@leverantor.example' },
      }),
    );
    expect(invoice.confidence).toBeLessThan(AUTO_THRESHOLD);
    expect(decide(invoice)).toBe('triage');
  });

  it('is deterministic', () => {
    const m = mail({
      subject: 'Bidrag',
      body: 'Här kommer vårt bidrag',
      attachments: [docx('Bidrag.docx')],
    });
    expect(classifyMail(m)).toEqual(classifyMail(m));
  });

  describe('deadline-night mails a coordinator need not sort', () => {
    it('takes a question whose subject announces it as a question, not as the submission', () => {
      const c = classifyMail(
        mail({
          subject: 'Fråga om bidraget – Förskolan Solrosen',
          body: 'Hej!\n\nRäknas rubrikerna in i de 85 000 tecknen, eller bara våra svar?\n\nMaria',
        }),
      );
      expect(c.kind).toBe('question');
      expect(decide(c)).toBe('auto');
    });

    it('takes "the submission comes before midnight, may we send Word?" as a question', () => {
      const c = classifyMail(
        mail({
          subject: 'Bidraget kommer strax – Förskolan Solrosen',
          body: 'Hej!\n\nVi har problem med att spara som PDF, men vårt bidrag kommer före midnatt. Går det bra att skicka det som Word-fil i stället?\n\nMaria',
        }),
      );
      expect(c.kind).toBe('question');
      expect(decide(c)).toBe('auto');
    });

    it('takes a question about a pre-registration made earlier as a question', () => {
      const c = classifyMail(
        mail({
          subject: 'Fråga om vår anmälan – Förskolan Solrosen',
          body: 'Hej!\n\nVi har bytt enhetschef sedan intresseanmälan. Behöver vi göra en ny anmälan, eller räcker det att ni ändrar kontaktperson till mig?\n\nMaria',
        }),
      );
      expect(c.kind).toBe('question');
      expect(decide(c)).toBe('auto');
    });

    it('files plain thanks for our receipt as other, but not thanks with a question or a file', () => {
      const subject = 'SV: Bidrag till Kvalitetsutmärkelsen 2026 – Förskolan Solrosen';
      const thanks = classifyMail(mail({ subject, body: 'Tack för bekräftelsen!\n\nMaria' }));
      expect(thanks.kind).toBe('other');
      expect(decide(thanks)).toBe('auto');
      const asks = classifyMail(
        mail({ subject, body: 'Tack för bekräftelsen! Behöver vi skicka protokollet själva?' }),
      );
      expect(asks.kind).toBe('question');
      const withFile = classifyMail(
        mail({
          subject,
          body: 'Tack för bekräftelsen! Här är en rättad version av vårt bidrag.',
          attachments: [docx('Bidrag Solrosen v2.docx')],
        }),
      );
      expect(withFile.kind).toBe('submission');
    });
  });

  describe("how units word the award's mail kinds beyond the plain words", () => {
    const auto = (partial: Partial<MailFacts>) => {
      const c = classifyMail(mail(partial));
      return { kind: c.kind, decision: decide(c) };
    };

    it('takes everyday ways of joining for a pre-registration, in Swedish and English', () => {
      for (const [subject, body] of [
        ['Kvalitetsutmärkelsen 2027', 'Hej!\nVi på Förskolan Kotten hänger på även i år.\nStina'],
        ['Årets utmärkelse', 'Räkna med oss i år också!\n/Stina, Hemtjänst Hägersten'],
        ['Kvalitetsutmärkelsen', 'Hej! Vi vill gärna vara med igen, det var så givande.\nStina'],
        ['Intresse', 'Härmed anmäler vi vårt intresse för Stockholms stads kvalitetsutmärkelse.'],
        ['Anmälan', 'Efter mycket diskussion anmäler vi oss härmed till kvalitetsutmärkelsen.'],
        [
          'Quality Award 2027',
          'Hello,\nOur unit hereby registers its interest in the Quality Award 2027.',
        ],
        ['Quality Award', "Hi! We'd like to take part in this year's Quality Award.\nSam"],
      ] as const) {
        expect(auto({ subject, body }), body).toEqual({
          kind: 'pre-registration',
          decision: 'auto',
        });
      }
    });

    it('takes interest, a glad "deltar gärna" and a unit registered by name for a pre-registration', () => {
      for (const [subject, body] of [
        [
          'Kvalitetsutmärkelsen 2027',
          'Vi på Förskolan Myran är intresserade av att delta i kvalitetsutmärkelsen i år.',
        ],
        [
          'Anmälan',
          'Hej,\nVi skulle gärna vilja delta i Stockholms stads kvalitetsutmärkelse 2027.',
        ],
        ['Kvalitetsutmärkelsen', 'Förskolan Myran deltar gärna i kvalitetsutmärkelsen 2027!\nEva'],
        [
          'Kvalitetsutmärkelsen',
          'Tack för ett trevligt samtal! Som jag nämnde vill vi gärna vara med i kvalitetsutmärkelsen.',
        ],
        [
          'Kvalitetsutmärkelsen 2027',
          'Hej!\nJag anmäler härmed Hemtjänsten Norr till kvalitetsutmärkelsen 2027.',
        ],
        [
          'Quality Award 2027',
          'Dear team,\nWe are interested in participating in the Quality Award 2027.',
        ],
        ['Quality Award', 'Hello,\nPlease register Myran preschool for the Quality Award 2027.'],
        [
          'Quality Award 2027',
          'I am writing to register Kontaktcenter Nord for the 2027 Quality Award.',
        ],
      ] as const) {
        expect(auto({ subject, body }), body).toEqual({
          kind: 'pre-registration',
          decision: 'auto',
        });
      }
    });

    it('reads declining, stepping down or choosing not to take part as a withdrawal, never as a registration', () => {
      for (const [subject, body] of [
        [
          'Kvalitetsutmärkelsen',
          'Hej,\nVi måste tyvärr avböja deltagande i kvalitetsutmärkelsen i år.',
        ],
        ['Kvalitetsutmärkelsen', 'Hej,\nVi har valt att inte delta i kvalitetsutmärkelsen i år.'],
        [
          'Vårt bidrag',
          'Vi har tyvärr inte möjlighet att slutföra vårt bidrag i år och kliver av.',
        ],
        ['Quality Award', 'We have decided not to participate in the Quality Award this year.'],
        ['Kvalitetsutmärkelsen 2027', 'Hej, vi hinner tyvärr inte i år.'],
        ['Kvalitetsutmärkelsen 2027', 'Hej! Vi har tyvärr inte kapacitet i år, så vi får avstå.'],
      ] as const) {
        expect(auto({ subject, body }), body).toEqual({ kind: 'withdrawal', decision: 'auto' });
      }
      // Participation named inside a withdrawing sentence is what is withdrawn.
      const c = classifyMail(
        mail({
          subject: 'Kvalitetsutmärkelsen 2027',
          body: 'Hej! Vi lägger ner vårt deltagande i kvalitetsutmärkelsen, det blev för mycket.',
        }),
      );
      expect(c.kind).toBe('withdrawal');
      expect(c.scores['pre-registration']).toBe(0);
      // A withdrawal told of from a past year does not turn this year's wish to take part.
      const back = classifyMail(
        mail({
          subject: 'Kvalitetsutmärkelsen 2027',
          body: 'Hej! Förra året drog vi oss ur, men i år vill vi gärna vara med.',
        }),
      );
      expect(back.kind).toBe('pre-registration');
      expect(back.scores.withdrawal).toBeLessThan(back.scores['pre-registration']);
    });

    it('reads the same words negated as a withdrawal, and only considering as no decision', () => {
      expect(
        auto({ subject: 'Kvalitetsutmärkelsen', body: 'Hej, vi hänger inte på i år.\nStina' }).kind,
      ).toBe('withdrawal');
      const considering = auto({
        subject: 'Kvalitetsutmärkelsen',
        body: 'Hej, vi funderar på att vara med i år men har inte bestämt oss än.\nStina',
      });
      expect(considering.decision).toBe('triage');
      // "kanske" about something else leaves the registration standing.
      expect(
        auto({
          subject: 'Kvalitetsutmärkelsen 2027',
          body: 'Hej! Vi vill anmäla oss till kvalitetsutmärkelsen, kanske lite sent!',
        }),
      ).toEqual({ kind: 'pre-registration', decision: 'auto' });
    });

    it('takes a sentence that asks without a question mark, or as a yes/no question, for a question', () => {
      for (const [subject, body] of [
        ['Sista dag', 'Hej, undrar över sista dag för bidraget.\n/Kalle'],
        ['Sidor', 'Behöver veta hur många sidor bidraget får vara.\nKalle, Ekbacken'],
        ['Teckenantal', 'Räknas bilagorna in i teckenantalet?\nKalle'],
        ['Word eller PDF', 'Hi, I was wondering whether a PDF is fine for the entry.\nSam'],
        ['Sista dag', 'Hej, gäller sista dag 17 maj även för oss som är fristående?\nEva'],
        ['Bedömning', 'Hej, skulle behöva info om hur bidraget bedöms.\nEva'],
        ['Bilagor', 'Måste vi ha med bilagor\n/Eva'],
        ['Quality Award', "Hi, I'd like some information about how the entries are assessed."],
      ] as const) {
        expect(auto({ subject, body }), body).toEqual({ kind: 'question', decision: 'auto' });
      }
    });

    it('reads formal registrations naming the unit, and "no entry from us" as a withdrawal', () => {
      for (const body of [
        'Härmed önskar Hemtjänsten Norr anmäla sitt deltagande i Stockholms stads kvalitetsutmärkelse 2027.',
        'Hej!\nJag skriver för att anmäla Förskolan Myran till årets kvalitetsutmärkelse.',
      ]) {
        expect(auto({ subject: 'Kvalitetsutmärkelsen 2027', body }), body).toEqual({
          kind: 'pre-registration',
          decision: 'auto',
        });
      }
      expect(
        auto({
          subject: 'Kvalitetsutmärkelsen 2027',
          body: 'Hej,\nVi måste tyvärr meddela att vi inte kommer att lämna något bidrag i år.',
        }),
      ).toEqual({ kind: 'withdrawal', decision: 'auto' });
    });

    it('does not take a protocol announced for later for the protocol', () => {
      for (const [subject, body] of [
        ['Protokoll', 'Hej! Protokollet kommer i juni när nämnden har sammanträtt.\nKarin'],
        ['Protokollsutdrag', 'Vi skickar protokollsutdraget så snart nämnden har justerat det.'],
      ] as const) {
        expect(auto({ subject, body }).decision, body).toBe('triage');
      }
    });

    it('files a mass mailing with several signs of one as other without list headers', () => {
      expect(
        auto({
          subject: 'Inbjudan: Ledarskapsdagen 2027',
          body: 'Välkommen till Ledarskapsdagen! Anmäl dig senast 1 maj via länken. Avregistrera dig här.',
          from: { address: 'info@ledarskapsdagen.example' },
        }),
      ).toEqual({ kind: 'other', decision: 'auto' });
    });

    it('leaves a unit that is only considering, or speaks of next year, to a coordinator', () => {
      for (const body of [
        'Hej! Vi vill gärna vara med igen nästa år, men i år hinner vi inte.',
        'Hej, vi överväger att dra oss ur kvalitetsutmärkelsen. Hur gör andra?',
        'Vi kanske anmäler oss till kvalitetsutmärkelsen, vi återkommer.',
      ]) {
        expect(auto({ subject: 'Kvalitetsutmärkelsen 2027', body }).decision, body).toBe('triage');
      }
    });

    it('reads a bare "vi är med!" by its context: the award, or the meeting the subject names', () => {
      expect(
        auto({ subject: 'Kvalitetsutmärkelsen 2027', body: 'Hej!\nJa, vi är med!\n/Eva' }),
      ).toEqual({ kind: 'pre-registration', decision: 'auto' });
      expect(auto({ subject: 'SV: Informationsmöte 10 mars', body: 'Vi är med!\n/Eva' })).toEqual({
        kind: 'info-meeting-signup',
        decision: 'auto',
      });
      // A meeting that only dates the registration does not make it a sign-up.
      expect(
        auto({
          subject: 'Intresseanmälan efter informationsmötet',
          body: 'Hej! Vi vill delta i år.\n/Eva',
        }),
      ).toEqual({ kind: 'pre-registration', decision: 'auto' });
    });

    it('takes a filled-in registration form for a pre-registration, not a submission', () => {
      expect(
        auto({
          subject: 'Anmälan',
          body: 'Hej, här kommer vår ifyllda intresseanmälan.\n/Eva',
          attachments: [docx('Intresseanmälan Förskolan Myran.docx')],
        }),
      ).toEqual({ kind: 'pre-registration', decision: 'auto' });
    });

    it('leaves complaints and questions about withdrawing to a coordinator (found on the blind set)', () => {
      for (const [subject, body] of [
        [
          'Synpunkter',
          'Hej, jag är missnöjd med hur Hemtjänsten Norr sköts och tycker inte att de ska vinna. Vem ska jag vända mig till?',
        ],
        [
          'SV: Vi har tagit emot ert tävlingsbidrag',
          'Hej! Går det att dra tillbaka bidraget om vi inte hinner med platsbesöket? Vad gäller då?',
        ],
      ] as const) {
        expect(auto({ subject, body }).decision, body).toBe('triage');
      }
      // A registration under a subject that only dates it by the meeting is not a sign-up.
      expect(
        auto({
          subject: 'Efter infoträffen',
          body: 'Hej! Tack för en bra träff. Hemtjänsten Norr anmäler härmed sitt intresse att delta.',
        }).kind,
      ).toBe('pre-registration');
    });

    it('reads English declining and Swedish breaking off as withdrawals', () => {
      for (const [subject, body] of [
        [
          'Quality Award',
          'Unfortunately we must decline participation in the Quality Award this year.',
        ],
        ['Kvalitetsutmärkelsen', 'Vi avbryter vårt deltagande i kvalitetsutmärkelsen.\nEva'],
      ] as const) {
        expect(auto({ subject, body }), body).toEqual({ kind: 'withdrawal', decision: 'auto' });
      }
    });

    it('does not take calling off an info meeting for a sign-up', () => {
      expect(
        auto({
          subject: 'Informationsmötet',
          body: 'Hej, jag kan tyvärr inte komma på informationsmötet imorgon.\nEva',
        }).decision,
      ).toBe('triage');
    });

    it("does not take missing one of the award's events for a withdrawal from the award", () => {
      for (const [subject, body] of [
        ['Platsbesök', 'Hej! Jag kan tyvärr inte delta på platsbesöket den 12 september.\nKarin'],
        ['Informationsmötet', 'Hej, vi kan tyvärr inte delta på informationsmötet den 10 mars.'],
      ] as const) {
        expect(auto({ subject, body }).decision, body).toBe('triage');
      }
      // Naming the award itself is a withdrawal, whatever else the sentence misses.
      const c = classifyMail(
        mail({
          subject: 'Kvalitetsutmärkelsen',
          body: 'Vi kan tyvärr inte delta i kvalitetsutmärkelsen i år och kommer därför inte på informationsmötet.',
        }),
      );
      expect(c.kind).toBe('withdrawal');
    });

    it('lets the topics a question names (the protocol, the entry) not compete with the question', () => {
      for (const [subject, body] of [
        ['Protokoll', 'Hej! Behöver vi skicka in protokollet själva eller gör förvaltningen det?'],
        ['Deadline', 'Hi, when is the deadline for the entry?\nSam'],
      ] as const) {
        expect(auto({ subject, body }), body).toEqual({ kind: 'question', decision: 'auto' });
      }
    });

    it('does not take someone else\'s question told of ("ni undrade om …") for a question', () => {
      expect(
        auto({
          subject: 'SV: Kvalitetsutmärkelsen 2027',
          body: 'Ni undrade om vi ville delta – ja, vi vill gärna vara med i kvalitetsutmärkelsen!',
        }),
      ).toEqual({ kind: 'pre-registration', decision: 'auto' });
    });

    it('lets what a reply says decide over its thread topic, and a registration referred to not compete', () => {
      const receipt =
        '\n\nFrån: Kvalitetsutmärkelsen <kvalitetsutmarkelsen@stockholm.example>\nSkickat: den 2 mars 2027\nTill: Eva\nÄmne: Vi har tagit emot er intresseanmälan\n\nTack för er intresseanmälan!';
      expect(
        auto({
          subject: 'SV: Vi har tagit emot er intresseanmälan – Kvalitetsutmärkelsen 2027',
          body: `Hej! Vi måste tyvärr dra tillbaka vår anmälan.\nEva${receipt}`,
        }),
      ).toEqual({ kind: 'withdrawal', decision: 'auto' });
      expect(
        auto({
          subject: 'Kvalitetsutmärkelsen 2027',
          body: 'Som vi skrev i vår intresseanmälan vill vi delta, och nu skickar vi in vårt bidrag.',
          attachments: [docx('Myran.docx')],
        }),
      ).toEqual({ kind: 'submission', decision: 'auto' });
    });

    it('does not take a sending told of in the past tense for the sending itself', () => {
      const c = classifyMail(
        mail({
          subject: 'Kvitto?',
          body: 'Jag skickade in bidraget i förrgår men har inte fått något kvitto. Har det kommit fram?',
        }),
      );
      expect(c.kind).toBe('question');
      expect(c.scores.submission).toBeLessThan(1);
    });

    it('takes a board decision titled "Beslut om …" or "nämndens beslut" for a protocol', () => {
      expect(
        auto({
          subject: 'Protokollsutdrag',
          body: 'Hej!\nBifogar nämndens beslut om deltagande i kvalitetsutmärkelsen 2027.\nKarin, nämndsekreterare',
          attachments: [docx('Beslut SDN Farsta.docx')],
        }),
      ).toEqual({ kind: 'board-protocol', decision: 'auto' });
      expect(
        auto({
          subject: 'Beslut om deltagare i kvalitetsutmärkelsen 2027',
          body: 'Hej, här kommer beslutet från stadsdelsnämndens sammanträde.\nKarin',
          attachments: [docx('Protokollsutdrag 2027-06-10.docx')],
        }),
      ).toEqual({ kind: 'board-protocol', decision: 'auto' });
    });

    it('files phishing as other, and leaves thanks after the ceremony for a coordinator to read', () => {
      expect(
        auto({
          subject: 'Ditt konto',
          body: 'Ditt lösenord går ut idag. Klicka här för att behålla ditt konto.',
          from: { address: 'support@konto-sakerhet.example' },
        }),
      ).toEqual({ kind: 'other', decision: 'auto' });
      // A link to click in a mail about the award is an entry sent as a link, not phishing.
      expect(
        auto({
          subject: 'Vårt bidrag',
          body: 'Hej! Klicka på länken nedan för att ladda ner vårt tävlingsbidrag.\nEva',
        }).kind,
      ).toBe('submission');
      for (const body of [
        'Tack för en härlig gala i Stadshuset, vi är så stolta.\nStina',
        'Thank you for a lovely ceremony last night!\nSam',
      ]) {
        expect(auto({ subject: 'Tack!', body }), body).toEqual({
          kind: 'other',
          decision: 'triage',
        });
      }
    });

    it('does not read thanks for a meeting as a sign-up for one', () => {
      const c = classifyMail(
        mail({
          subject: 'Kvalitetsutmärkelsen',
          body: 'Tack för ett bra informationsmöte! Tyvärr kan vi inte delta i kvalitetsutmärkelsen i år.\nStina',
        }),
      );
      expect(c.kind).toBe('withdrawal');
      expect(decide(c)).toBe('auto');
      expect(c.scores['info-meeting-signup']).toBe(0);
    });
  });

  describe('pre-registrations in the words units use (taught by the formerly blind set)', () => {
    const auto = (partial: Partial<MailFacts>) => {
      const c = classifyMail(mail(partial));
      return { kind: c.kind, decision: decide(c) };
    };
    const preRegistered = { kind: 'pre-registration', decision: 'auto' };

    it("an administrator registering a unit on its manager's behalf registers it", () => {
      expect(
        auto({
          subject: 'Anmälan',
          body: 'Hej! Å vår chef Eva Berg vägnar anmäler jag Förskolan Blåklinten i Hägersten till Kvalitetsutmärkelsen.\nPer, assistent',
        }),
      ).toEqual(preRegistered);
    });

    it('a unit named by itself "är med" joins, but "det är med" says nothing', () => {
      expect(
        auto({ subject: 'SV: Kvalitetsutmärkelsen 2027', body: 'Blåklinten är med i år!\n/Eva' }),
      ).toEqual(preRegistered);
      expect(
        auto({ subject: 'SV: Kvalitetsutmärkelsen 2027', body: 'Blåklinten är med!\n/Eva' }).kind,
      ).toBe('pre-registration');
      expect(
        classifyMail(mail({ subject: 'Hej', body: 'Det är med glädje vi läser.' })).scores[
          'pre-registration'
        ],
      ).toBe(0);
    });

    it('applying to take part ("ansöka om att få delta") and "ställa upp" register', () => {
      expect(
        auto({
          subject: 'Kvalitetsutmärkelsen',
          body: 'Hej, vi på Förskolan Blåklinten ansöker härmed om att få delta i årets kvalitetsutmärkelse.\nEva',
        }),
      ).toEqual(preRegistered);
      expect(
        auto({
          subject: 'Kvalitetsutmärkelsen 2027',
          body: 'Hej! Hemtjänsten Norr vill jättegärna ställa upp i år.\nOla',
        }),
      ).toEqual(preRegistered);
    });

    it('a meeting that only dates the mail ("efter informationsmötet") is no signup', () => {
      const c = classifyMail(
        mail({
          subject: 'Efter infomötet',
          body: 'Hej! Efter samtal i arbetslaget anmäler vi härmed vårt intresse för Förskolan Blåklinten.\nEva',
        }),
      );
      expect(c.kind).toBe('pre-registration');
      expect(c.scores['info-meeting-signup']).toBe(0);
      expect(decide(c)).toBe('auto');
    });
  });

  it('knows an out-of-office reply without headers by a "Frånvarande" subject or "läser inte min e-post"', () => {
    for (const [subject, body] of [
      ['Frånvarande', 'Hej, jag är på kurs hela veckan. Brådskande ärenden till växeln.\nOla'],
      [
        'Frånvarande: Ola Ek',
        'Jag läser inte min mejl förrän i augusti. Kontakta Eva Berg i stället.\nOla',
      ],
    ]) {
      const c = classifyMail(mail({ subject, body }));
      expect(c.kind, body).toBe('auto-reply');
      expect(decide(c), body).toBe('auto');
    }
    // Without the subject the words still count as a sign, but alone they are not certain.
    const bodyOnly = classifyMail(
      mail({
        subject: 'Re: Kvalitetsutmärkelsen',
        body: 'Jag läser inte min mejl förrän i augusti.',
      }),
    );
    expect(bodyOnly.signals.fired.map((s) => s.rule)).toContain('body-away');
  });

  it('takes a protocol for one when the text says it is attached, whatever the scanner named the file', () => {
    const pdfFile = (name: string) => ({ name, size: 90_000, contentType: 'application/pdf' });
    const c = classifyMail(
      mail({
        subject: 'Nämndens beslut',
        body: 'Hej! Det justerade protokollet från Farsta stadsdelsnämnd den 15 juni, med beslutet om vilka enheter som deltar i kvalitetsutmärkelsen, är bifogat.\nKansliet',
        attachments: [pdfFile('SKMBT_C36421061510230.pdf')],
        from: { address: 'farsta.kansli@stockholm.example' },
      }),
    );
    expect(c.kind).toBe('board-protocol');
    expect(decide(c)).toBe('auto');
    // A file named as the entry keeps its weight: the sender sends the entry with the protocol.
    const withEntry = classifyMail(
      mail({
        subject: 'Vårt bidrag',
        body: 'Här kommer vårt tävlingsbidrag. Nämndens protokoll är bifogat också.\nEva',
        attachments: [pdfFile('SKMBT_0001.pdf'), docx('Tävlingsbidrag Blåklinten.docx')],
      }),
    );
    expect(withEntry.kind).not.toBe('board-protocol');
  });

  it("files an answer to a meeting invitation as other: the subject is the meeting's title", () => {
    for (const subject of [
      'Accepterat: Informationsmöte om Kvalitetsutmärkelsen',
      'Avböjt: Informationsmöte om Kvalitetsutmärkelsen',
      'Tentative: Quality award information session',
    ]) {
      const c = classifyMail(mail({ subject, body: '' }));
      expect(c.kind, subject).toBe('other');
      expect(decide(c), subject).toBe('auto');
    }
    // The same title as a plain subject is still a signup.
    expect(
      classifyMail(
        mail({ subject: 'Informationsmöte om Kvalitetsutmärkelsen', body: 'Jag kommer gärna.' }),
      ).kind,
    ).toBe('info-meeting-signup');
  });

  it('files a no-reply notice with nothing about the award as other, even when it greets the mailbox by name', () => {
    const notices: [string, string][] = [
      [
        'no-reply@kalender.example',
        'Hej Kvalitetsutmärkelsen, du har två nya kommentarer i ett delat dokument. Öppna appen för att läsa dem.',
      ],
      [
        'noreply@paminnelse.example',
        'Betalningen för order 5531 har inte kommit in. Betala via länken inom tre dagar.',
      ],
    ];
    for (const [address, body] of notices) {
      const c = classifyMail(mail({ subject: 'Påminnelse', body, from: { address } }));
      expect(c.kind, body).toBe('other');
      expect(decide(c), body).toBe('auto');
    }
    // About the award, a no-reply sender (a web form) is read as what it says.
    const form = classifyMail(
      mail({
        subject: 'Intresseanmälan från webbformulär',
        body: 'Förskolan Blåklinten vill delta i Kvalitetsutmärkelsen.',
        from: { address: 'noreply@formular.stockholm.example' },
      }),
    );
    expect(form.kind).toBe('pre-registration');
  });

  it('does not take a privacy footer ("läs mer på …/personuppgifter") for a newsletter', () => {
    const c = classifyMail(
      mail({
        subject: 'Antal sidor',
        body: 'Hej,\nFår vi ha bilder i bidraget, och räknas bildtexterna som tecken?\n\nMed vänlig hälsning\nOla Ek\nRektor\n\nVi behandlar dina personuppgifter enligt dataskyddsförordningen, läs mer på example.se/dataskydd.',
      }),
    );
    expect(c.kind).toBe('question');
    expect(decide(c)).toBe('auto');
    expect(c.scores.other).toBe(0);
  });

  it('reads "info 2/3" as the info meeting on that day, as phone mails write it', () => {
    const c = classifyMail(
      mail({ subject: 'Info 16/2', body: 'Jag och en kollega anmäler oss till info 16/2.\n/Ola' }),
    );
    expect(c.kind).toBe('info-meeting-signup');
    expect(decide(c)).toBe('auto');
    // A date after "info" that is no day is not a meeting.
    expect(
      classifyMail(mail({ subject: 'Hej', body: 'Se info 2027 på intranätet.' })).scores[
        'info-meeting-signup'
      ],
    ).toBe(0);
  });

  it('leaves a mail with only the appendices of a submission to a person, but keeps a split application automatic', () => {
    const pdf = (name: string) => ({ name, size: 300_000, contentType: 'application/pdf' });
    for (const m of [
      mail({
        subject: 'Bidrag Kvalitetsutmärkelsen – resterande bilagor',
        body: 'Hej igen! Här skickar vi de resterande bilagorna: personalenkäten och budgeten.\n/Per Lund',
        attachments: [pdf('Bilaga A Personalenkät.pdf'), docx('Bilaga B Budget.docx')],
      }),
      mail({
        subject: 'Quality award application, part 2',
        body: 'Hello, here are the remaining appendices to our application for the quality award.\nJo Park',
        attachments: [pdf('Appendix 1 Survey.pdf')],
      }),
    ]) {
      const c = classifyMail(m);
      expect(c.kind, m.subject).toBe('submission');
      expect(decide(c), m.subject).toBe('triage');
      expect(c.signals.fired.map((s) => s.rule)).toContain('appendices-only');
    }
    // The second half of the application text itself is merged with the first by the plan.
    const half = classifyMail(
      mail({
        subject: 'Tävlingsbidrag Solrosen del 2 av 2',
        body: 'Hej! Här är andra halvan av vårt bidrag till Kvalitetsutmärkelsen.\n/Per Lund',
        attachments: [docx('Bidrag Solrosen del 2.docx')],
      }),
    );
    expect(half.kind).toBe('submission');
    expect(decide(half)).toBe('auto');
  });

  it('leaves a unit that has merged or changed its name to a coordinator', () => {
    for (const m of [
      mail({
        subject: 'Intresseanmälan Kvalitetsutmärkelsen',
        body: 'Hej! Fritidsgården Kometen och Fritidsgården Stjärnan har gått samman och vill nu delta i kvalitetsutmärkelsen som en enhet.\n/Sara Holm',
      }),
      mail({
        subject: 'Registration – quality award',
        body: 'Our two care homes merged in January, and the new unit would like to register its interest in the quality award.\nSam Berg',
      }),
    ]) {
      const c = classifyMail(m);
      expect(c.kind, m.subject).toBe('pre-registration');
      expect(decide(c), m.subject).toBe('triage');
      expect(c.reasons.join(' ')).toMatch(/slagits ihop|bytt namn/);
    }
  });

  it('leaves a request to move an info-meeting signup to another meeting to a coordinator', () => {
    for (const m of [
      mail({
        subject: 'Informationsmöte',
        body: 'Hej! Jag står anmäld till informationsmötet den 16 februari men blev bortbokad då. Kan jag byta till tillfället den 2 mars?\n/Ola Ek',
      }),
      mail({
        subject: 'Info meeting',
        body: 'Hi, could I move my registration to the information meeting on 2 March instead? Something came up on the 16th.\nKim',
      }),
    ]) {
      const c = classifyMail(m);
      expect(decide(c), m.subject).toBe('triage');
      expect(c.signals.fired.map((s) => s.rule)).toContain('change-signup');
    }
  });
});
