import { describe, expect, it } from 'vitest';
import { assessMail } from './assess.js';
import {
  combinedUnitName,
  matchProtocol,
  matchUnit,
  unitsMissingFromProtocol,
  type MatchableUnit,
} from './match.js';

const units: MatchableUnit[] = [
  {
    id: 'solrosen',
    name: 'Förskolan Solrosen',
    managerEmail: 'maria.oberg@stockholm.example',
    managerName: 'Maria Öberg',
    email: 'forskolan-solrosen@stockholm.example',
    organisationId: 'hagersten',
  },
  {
    id: 'arstaskogen',
    name: 'Förskolan Årstaskogen',
    managerEmail: 'lina.ek@stockholm.example',
    managerName: 'Lina Ek',
    organisationId: 'eav',
  },
  {
    id: 'stjarnhus',
    name: 'Stjärnhusskolan',
    managerEmail: 'johan.lundqvist@stockholm.example',
    organisationId: 'utbildning',
  },
  {
    id: 'ekbacken',
    name: 'Ekbackens skola',
    managerEmail: 'mikael.hedlund@stockholm.example',
    organisationId: 'utbildning',
  },
  {
    id: 'bou',
    name: 'Barn och ungdomsenheten',
    managerEmail: 'therese.lund@stockholm.example',
    organisationId: 'sodermalm',
  },
  {
    id: 'korttid',
    name: 'Söders korttidshem',
    managerEmail: 'magnus@stockholm.example',
    organisationId: 'sodermalm',
  },
  {
    id: 'nytorg',
    name: 'Nytorgets vård- och omsorgsboende',
    managerEmail: 'eva@stockholm.example',
    organisationId: 'sodermalm',
  },
  {
    id: 'vuxna',
    name: 'Enheten för vuxna',
    managerEmail: 'vuxna@stockholm.example',
    organisationId: 'sodermalm',
  },
  {
    id: 'dagverk',
    name: 'Södermalms dagverksamheter',
    managerEmail: 'dag@stockholm.example',
    organisationId: 'sodermalm',
  },
  {
    id: 'shared-a',
    name: 'Förskolan Blåklinten',
    managerEmail: 'shared.manager@stockholm.example',
    organisationId: 'x',
  },
  {
    id: 'shared-b',
    name: 'Förskolan Vitsippan',
    managerEmail: 'shared.manager@stockholm.example',
    organisationId: 'x',
  },
];

const base = { subject: '', text: '' };

describe('matchUnit', () => {
  it('matches by the manager as sender, and by the unit mailbox', () => {
    const m = matchUnit({ ...base, from: { address: 'Maria.Oberg@stockholm.example' } }, units);
    expect(m).toMatchObject({ status: 'matched', unitId: 'solrosen' });
    expect(m.candidates[0]?.evidence[0]?.kind).toBe('sender-manager-address');
    expect(
      matchUnit({ ...base, from: { address: 'forskolan-solrosen@stockholm.example' } }, units)
        .unitId,
    ).toBe('solrosen');
  });

  it('matches a name written without å/ä/ö, as "X förskola", or with a typo', () => {
    const from = { address: 'someone@example.org' };
    expect(
      matchUnit({ ...base, from, text: 'Hej! Forskolan Arstaskogen vill delta.' }, units).unitId,
    ).toBe('arstaskogen');
    expect(
      matchUnit(
        { ...base, from, subject: 'Intresseanmälan Solrosens förskola', text: 'Vi vill vara med.' },
        units,
      ).unitId,
    ).toBe('solrosen');
    expect(
      matchUnit(
        { ...base, from, text: 'Förskola Solrosn anmäler sig.', subject: 'Förskolan Solrosen' },
        units,
      ).unitId,
    ).toBe('solrosen');
    expect(
      matchUnit({ ...base, from, text: 'hej vi på stjarnhusskolan vill va med' }, units).unitId,
    ).toBe('stjarnhus');
  });

  it('takes a name with another kind word for another unit ("X förskola" is not "X skola")', () => {
    const from = { address: 'rektor@fristaende.example' };
    // A preschool the register lacks shares its name with a school: no unit, a coordinator adds it.
    for (const text of [
      'Ekbackens förskola vill vara med i år.',
      'Vi på förskolan Ekbackens anmäler intresse.',
    ])
      expect(matchUnit({ ...base, from, text }, units).status, text).toBe('unknown');
    // Near misses: the same kind in other words, or the school named beside its preschool class.
    for (const text of [
      'Ekbackens grundskola vill vara med i år.',
      'Hej, vi på skolan Ekbackens anmäler intresse.',
      'Ekbackens skola och förskola vill vara med.',
    ])
      expect(matchUnit({ ...base, from, text }, units).unitId, text).toBe('ekbacken');
    expect(
      matchUnit({ ...base, from, text: 'Solrosens förskola vill vara med.' }, units).unitId,
    ).toBe('solrosen');
  });

  it('takes a full name in the genitive as the name itself ("X vård- och omsorgsboendes bidrag")', () => {
    const from = { address: 'utvecklare@stockholm.example' };
    expect(
      matchUnit(
        { ...base, from, text: 'Här kommer Nytorgets vård- och omsorgsboendes tävlingsbidrag.' },
        units,
      ).unitId,
    ).toBe('nytorg');
    // Near miss: the genitive of a name the register lacks is still no unit.
    expect(
      matchUnit(
        { ...base, from, text: 'Här kommer Östertorgets vård- och omsorgsboendes tävlingsbidrag.' },
        units,
      ).status,
    ).not.toBe('matched');
  });

  it('does not match a short core name inside unrelated words', () => {
    const m = matchUnit(
      { ...base, from: { address: 'x@example.org' }, text: 'Vi har solrosor i trädgården.' },
      units,
    );
    expect(m.status).toBe('unknown');
  });

  it('refuses to guess when two units are named', () => {
    const m = matchUnit(
      {
        ...base,
        from: { address: 'admin@stockholm.example' },
        text: 'Både Ekbackens skola och Stjärnhusskolan vill delta.',
      },
      units,
    );
    expect(m.status).toBe('ambiguous');
    expect(m.unitId).toBeUndefined();
    expect(m.candidates.map((c) => c.unitId).sort()).toEqual(['ekbacken', 'stjarnhus']);
  });

  it('uses the text to choose between units with the same manager', () => {
    const from = { address: 'shared.manager@stockholm.example' };
    expect(matchUnit({ ...base, from, text: 'Hej!' }, units).status).toBe('ambiguous');
    expect(
      matchUnit({ ...base, from, text: 'Förskolan Vitsippan vill delta.' }, units).unitId,
    ).toBe('shared-b');
  });

  it('does not match when the sender manages one unit but writes about another', () => {
    const m = matchUnit(
      {
        ...base,
        from: { address: 'maria.oberg@stockholm.example' },
        text: 'Stjärnhusskolan vill anmäla intresse.',
      },
      units,
    );
    expect(m.status).toBe('ambiguous');
  });

  it('uses the forwarded mail’s sender and the administrative data', () => {
    const fwd = matchUnit(
      {
        ...base,
        from: { address: 'registrator@stockholm.example' },
        originalSender: { address: 'lina.ek@stockholm.example' },
      },
      units,
    );
    expect(fwd.unitId).toBe('arstaskogen');
    const doc = matchUnit(
      { ...base, from: { address: 'x@example.org' }, documentUnitName: 'Forskolan Solrosen' },
      units,
    );
    expect(doc.unitId).toBe('solrosen');
  });

  it('reports unknown senders as unknown, with no candidates', () => {
    expect(
      matchUnit(
        {
          ...base,
          from: { address: 'info@forskolanhumlan.se' },
          text: 'Förskolan Humlan vill delta.',
        },
        units,
      ),
    ).toMatchObject({
      status: 'unknown',
      candidates: [],
    });
  });
});

describe('matchProtocol', () => {
  it('finds every unit in an inline list without splitting names that contain "och" (seed 2018)', () => {
    const text =
      'Från Södermalms stadsdelsnämnd deltar följande enheter i Stockholms stads kvalitetsutmärkelse år 2018: Barn och ungdomsenheten, Söders korttidshem och Nytorgets vård- och omsorgsboende.';
    const r = matchProtocol(text, units, { organisationId: 'sodermalm' });
    expect(r.units.map((u) => u.unitId).sort()).toEqual(['bou', 'korttid', 'nytorg']);
    expect(r.unmatchedLines).toEqual([]);
  });

  it('finds units in a bullet list and returns the lines that matched no unit (seed 2024)', () => {
    const text = [
      'Inom Södermalms stadsdelsförvaltning planerar följande verksamheter att delta i Kvalitetsutmärkelsen 2024:',
      '',
      '- Södermalms dagverksamheter, förebyggande enheten (avdelningen för äldreomsorg)',
      '- Enheten för vuxna (sociala avdelningen)',
      '- Relationsvårdscentrum Innerstaden -RVCi (sociala avdelningen)',
      '- Utvecklingsenheten (förskoleavdelningen)',
    ].join('\n');
    const r = matchProtocol(text, units, { organisationId: 'sodermalm' });
    expect(r.units.map((u) => u.unitId).sort()).toEqual(['dagverk', 'vuxna']);
    expect(r.unmatchedLines).toEqual([
      'Relationsvårdscentrum Innerstaden -RVCi (sociala avdelningen)',
      'Utvecklingsenheten (förskoleavdelningen)',
    ]);
  });

  it('reads a decision sentence wrapped at the page width as one sentence, not as unknown units', () => {
    const text = [
      'Beslut',
      'Stadsdelsnämnden beslutar att anmäla följande enheter till Stockholms stads kvalitetsutmärkelse',
      '2027:',
      '• Enheten för vuxna',
      '• Söders korttidshem',
      'Stadsdelsnämnden förklarar beslutet omedelbart justerat.',
    ].join('\n');
    const r = matchProtocol(text, units, { organisationId: 'sodermalm' });
    expect(r.units.map((u) => u.unitId).sort()).toEqual(['korttid', 'vuxna']);
    expect(r.unmatchedLines).toEqual([]);
    const wrappedEarlier = matchProtocol(
      'Utbildningsnämnden beslutar att godkänna att följande enheter deltar i Stockholms stads\nkvalitetsutmärkelse 2027:\n• Enheten för vuxna\n• Okända skolan',
      units,
      { organisationId: 'sodermalm' },
    );
    expect(wrappedEarlier.units.map((u) => u.unitId)).toEqual(['vuxna']);
    expect(wrappedEarlier.unmatchedLines).toEqual(['Okända skolan']);
  });

  it("finds a board's own unit written in other words; an unknown name stays a line to check", () => {
    const r = matchProtocol(
      [
        'Följande enheter deltar:',
        '• Nytorgets omsorgsboende (vård och omsorg)',
        '• Vuxna, enheten för',
        '• Korttidshemmet Fyrklövern',
      ].join('\n'),
      units,
      { organisationId: 'sodermalm' },
    );
    expect(r.units.map((u) => u.unitId).sort()).toEqual(['nytorg', 'vuxna']);
    expect(r.unmatchedLines).toEqual(['Korttidshemmet Fyrklövern']);
  });

  it('reports pre-registered units of the board that the protocol leaves out', () => {
    const r = matchProtocol('Följande enheter deltar:\n- Enheten för vuxna', units, {
      organisationId: 'sodermalm',
    });
    const missing = unitsMissingFromProtocol(
      r,
      ['vuxna', 'korttid', 'solrosen'],
      units,
      'sodermalm',
    );
    expect(missing.map((u) => u.id)).toEqual(['korttid']);
  });

  it("reads only the excerpt's list of units, not its other lists (the award's conditions)", () => {
    const r = matchProtocol(
      [
        'Protokollsutdrag',
        'Inom förvaltningen planerar nedanstående enheter att delta i Kvalitetsutmärkelsen 2027:',
        '- Enheten för vuxna (sociala avdelningen)',
        '- Söders korttidshem',
        '',
        'För att delta ska en verksamhet ha:',
        '- En chef som har ansvar för budget och personal.',
        '- Minst fem medarbetare, chefen inräknad.',
      ].join('\n'),
      units,
      { organisationId: 'sodermalm' },
    );
    expect(r.units.map((u) => u.unitId).sort()).toEqual(['korttid', 'vuxna']);
    expect(r.unmatchedLines).toEqual([]);
    // A list without an intro still counts when it names the board's units.
    const bare = matchProtocol(
      'Nämndens beslut\nDeltagande enheter\n- Enheten för vuxna\n- Okända skolan',
      units,
      { organisationId: 'sodermalm' },
    );
    expect(bare.units.map((u) => u.unitId)).toEqual(['vuxna']);
    expect(bare.unmatchedLines).toEqual(['Okända skolan']);
  });

  it('tolerates typos and missing diacritics in a protocol', () => {
    const r = matchProtocol(
      'Följande enheter deltar:\n1. Barn- och ungdomsenheten\n2. Soders korttidshem',
      units,
      { organisationId: 'sodermalm' },
    );
    expect(r.units.map((u) => u.unitId).sort()).toEqual(['bou', 'korttid']);
  });
});

describe('combinedUnitName', () => {
  it('finds two registered units joined into one new name, and sends such a registration to a coordinator', () => {
    expect(combinedUnitName('Nya förskoleenheten Solrosen-Årstaskogen deltar gärna', units)).toBe(
      'Solrosen-Årstaskogen',
    );
    expect(combinedUnitName('Anmälan för Solrosen + Årstaskogen', units)).toBe(
      'Solrosen-Årstaskogen',
    );
    // One unit's own name, or a registered unit beside an unknown word, is no merger.
    expect(combinedUnitName('Förskolan Solrosen vill delta i år', units)).toBeUndefined();
    expect(combinedUnitName('Solrosen-gruppen hälsar', units)).toBeUndefined();
    const a = assessMail(
      {
        subject: 'Intresseanmälan Kvalitetsutmärkelsen 2027',
        body: 'Hej! Förskolan Solrosen-Årstaskogen vill anmäla intresse för kvalitetsutmärkelsen.\n/Maria Öberg',
        from: { address: 'maria.oberg@stockholm.example', name: 'Maria Öberg' },
        attachments: [],
        sentAt: '2027-03-01T10:00:00+01:00',
      },
      units,
    );
    expect(a.classification.kind).toBe('pre-registration');
    expect(a.decision).toBe('triage');
    expect(a.triageReasons.map((r) => r.sv).join(' ')).toMatch(/sammanslagna/);
  });
});

describe('the unit a staff member signs with', () => {
  const from = { address: 'kim.sandberg@stockholm.example', name: 'Kim Sandberg' };
  const entry = {
    name: 'Bidrag 2027 slutversion.docx',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    size: 300_000,
    isInline: false,
  };
  const sent = (subject: string, body: string, attachments = [entry]) =>
    assessMail({ subject, body, from, attachments, sentAt: '2027-05-12T10:00:00+02:00' }, units);

  it('is the unit of the entry they send and of the registration they make', () => {
    const a = sent(
      'Tävlingsbidrag',
      'Hej!\n\nBifogar vårt tävlingsbidrag till kvalitetsutmärkelsen.\n\nKim Sandberg\nFörstelärare\nEkbackens skola',
    );
    expect(a.classification.kind).toBe('submission');
    expect(a.match.unitId).toBe('ekbacken');
    expect(a.decision).toBe('auto');
    const r = sent(
      'Förhandsanmälan',
      'Hej!\n\nVi vill förhandsanmäla oss till årets kvalitetsutmärkelse.\n\nKim Sandberg\nBiträdande rektor\nEkbackens skola',
      [],
    );
    expect(r.classification.kind).toBe('pre-registration');
    expect(r.match.unitId).toBe('ekbacken');
  });

  it('is not enough for a withdrawal, nor when another unit is named too', () => {
    const w = sent(
      'Vi drar oss ur',
      'Hej!\n\nVi drar tillbaka vår anmälan till kvalitetsutmärkelsen i år.\n\nMed vänlig hälsning\nKim Sandberg\nFörstelärare\nEkbackens skola',
      [],
    );
    expect(w.classification.kind).toBe('withdrawal');
    expect(w.match.status).not.toBe('matched');
    const two = sent(
      'Tävlingsbidrag',
      'Hej!\n\nBifogar Stjärnhusskolans tävlingsbidrag till kvalitetsutmärkelsen.\n\nMed vänlig hälsning\nKim Sandberg\nFörstelärare\nEkbackens skola',
    );
    expect(two.match.status).not.toBe('matched');
  });
});
