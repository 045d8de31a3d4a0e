import { describe, expect, it } from 'vitest';
import type { Cycle, ParticipationState } from '../model.js';
import type { MailAssessment } from './assess.js';
import type { MailFacts, MailKind } from './facts.js';
import {
  planAnswer,
  planMail,
  readsFor,
  wantsDocuments,
  type ActPlan,
  type MailDecision,
  type MailPlan,
  type MailPlanInput,
  type StepResults,
} from './plan.js';

function cycle(year: number): Cycle {
  return {
    year,
    version: 1,
    mailbox: 'kvalitetsutmarkelsen@stockholm.example',
    timeline: {
      infoMeetings: [
        {
          id: `im-${year}-1`,
          start: `${year}-02-17T09:00:00+01:00`,
          end: `${year}-02-17T10:00:00+01:00`,
          place: 'Teams',
          signupDeadline: `${year}-02-11`,
        },
        {
          id: `im-${year}-2`,
          start: `${year}-03-03T14:00:00+01:00`,
          end: `${year}-03-03T15:00:00+01:00`,
          place: 'Stadshuset',
          signupDeadline: `${year}-02-25`,
        },
      ],
      preRegistrationDeadline: `${year}-03-20`,
      submissionDeadline: `${year}-05-17`,
      boardProtocolDeadline: `${year}-06-30`,
      siteVisitWindow: { from: `${year}-09-07`, to: `${year}-10-23` },
      juryDate: `${year}-11-05`,
      ceremony: { date: `${year}-11-24`, place: 'Stadshuset' },
      feedbackVisitWindow: { from: `${year}-11-30`, to: `${year + 1}-02-12` },
    },
    rules: {
      maxCharacters: 85_000,
      minStaff: 5,
      minStockholmShare: 0.51,
      winnerLockoutYears: 2,
      budgetRule: 'no-deficit-last-year-or-forecast',
    },
  };
}

const MAILBOX = 'kvalitetsutmarkelsen@stockholm.example';
const cycles = [cycle(2026), cycle(2027)];
const units = [{ id: 'u-solrosen', name: 'Förskolan Solrosen' }];
const receipt = { subject: 'Kvitto', html: '<p>Kvitto</p>', text: 'Kvitto' };

/** An assessment as core/intake/assess.ts gives it, with only what the plan reads filled in. */
function assessed(
  kind: MailKind,
  o: {
    unitId?: string;
    triage?: boolean;
    confidence?: number;
    nonDelivery?: MailAssessment['classification']['nonDelivery'];
    language?: 'sv' | 'en';
  } = {},
): MailAssessment {
  const candidates = o.unitId
    ? [{ unitId: o.unitId, unitName: 'Förskolan Solrosen', score: 0.9, evidence: [] }]
    : [];
  return {
    classification: {
      kind,
      confidence: o.confidence ?? 0.9,
      reasons: ['ämnesraden'],
      reasonsEn: ['the subject'],
      signals: { language: o.language ?? 'sv' },
      ...(o.nonDelivery ? { nonDelivery: o.nonDelivery } : {}),
    } as unknown as MailAssessment['classification'],
    match: {
      ...(o.unitId ? { unitId: o.unitId } : {}),
      candidates,
      status: o.unitId ? 'matched' : 'unknown',
      reason: { sv: 'ingen enhet', en: 'no unit' },
    },
    decision: o.triage ? 'triage' : 'auto',
    triageReasons: o.triage ? [{ sv: 'osäker klassning', en: 'uncertain classification' }] : [],
  };
}

function input(
  assessment: MailAssessment,
  o: Partial<Omit<MailPlanInput, 'facts'>> & { facts?: Partial<MailFacts> } = {},
): MailPlanInput {
  const { facts, ...rest } = o;
  return {
    facts: {
      subject: 'Intresseanmälan Förskolan Solrosen',
      body: 'Vi vill delta.',
      from: { address: 'anna.chef@stockholm.example', name: 'Anna Chef' },
      attachments: [],
      sentAt: '2026-03-01T10:00:00+01:00',
      ...facts,
    },
    assessment,
    units,
    cycles,
    receivedAt: facts?.sentAt ?? '2026-03-01T10:00:00+01:00',
    goLive: '2026-01-01T00:00:00Z',
    mailbox: MAILBOX,
    documentsReadable: false,
    ...rest,
  };
}

function act(plan: MailPlan): ActPlan {
  if (plan.status !== 'act') throw new Error(`expected an act plan, got ${plan.status}`);
  return plan;
}

const decision = (kind: MailKind, unitId?: string): MailDecision => ({
  kind,
  ...(unitId ? { unitId } : {}),
  by: 'coordinator@stockholm.example',
  at: '2026-03-02T09:00:00Z',
});

describe('the plan for one mail: triage or act', () => {
  it('an uncertain mail waits in the inbox for a coordinator with "Att granska"', () => {
    const plan = planMail(input(assessed('pre-registration', { triage: true, confidence: 0.5 })));
    expect(plan.status).toBe('triage');
    if (plan.status !== 'triage') return;
    expect(plan.filing).toEqual({
      categories: ['Intresseanmälan', 'Att granska'],
      folder: null,
      replacesTriage: false,
    });
    expect(plan.details.triageReasons).toEqual([
      { sv: 'osäker klassning', en: 'uncertain classification' },
    ]);
  });

  it("a coordinator's decision is acted on even where the assessment said triage", () => {
    const plan = act(
      planMail(
        input(assessed('question', { triage: true }), {
          decision: decision('pre-registration', 'u-solrosen'),
        }),
      ),
    );
    expect(plan.kind).toBe('pre-registration');
    expect(plan.unit?.id).toBe('u-solrosen');
    expect(plan.details).toMatchObject({ unitId: 'u-solrosen', year: 2026 });
    expect(plan.details.decision?.by).toBe('coordinator@stockholm.example');
    expect(plan.steps).toEqual([
      { do: 'transition', unitId: 'u-solrosen', year: 2026, to: 'pre-registered' },
    ]);
  });

  it.each([
    ['pre-registration', 'pre-registered'],
    ['withdrawal', 'withdrawn'],
  ] as const)('a %s moves the unit to %s in the mail’s cycle', (kind, to) => {
    const plan = act(planMail(input(assessed(kind, { unitId: 'u-solrosen' }))));
    expect(plan.steps).toEqual([{ do: 'transition', unitId: 'u-solrosen', year: 2026, to }]);
  });

  it.each(['pre-registration', 'withdrawal', 'submission'] as const)(
    'a %s with no unit chosen changes nothing and says so',
    (kind) => {
      const plan = act(
        planMail(input(assessed('question', { triage: true }), { decision: decision(kind) })),
      );
      expect(plan.steps).toEqual([]);
      const answer = planAnswer(plan, {});
      expect(answer.facts).toEqual([
        {
          sv: 'Ingen enhet vald: deltagandet ändrades inte.',
          en: 'No unit chosen: the participation was not changed.',
        },
      ]);
      expect(answer.reply).toBeUndefined();
      expect(answer.categories).not.toContain('Behöver åtgärd');
    },
  );
});

describe('who is answered', () => {
  const results: StepResults = { transitions: [{ unitId: 'u-solrosen', state: 'pre-registered' }] };
  it.each([
    ['a unit manager', 'anna.chef@stockholm.example', '2026-03-01T10:00:00+01:00', true],
    ['our own mailbox (a loop)', MAILBOX, '2026-03-01T10:00:00+01:00', false],
    ['our own mailbox in capitals', MAILBOX, '2026-03-01T10:00:00+01:00', false],
    ['mail from before go-live', 'anna.chef@stockholm.example', '2025-12-01T10:00:00+01:00', false],
  ])('%s: reply %s', (_who, from, sentAt, replies) => {
    const plan = act(
      planMail(
        input(assessed('pre-registration', { unitId: 'u-solrosen' }), {
          facts: { from: { address: from }, sentAt },
          mailbox: _who.includes('capitals') ? MAILBOX.toUpperCase() : MAILBOX,
        }),
      ),
    );
    const answer = planAnswer(plan, results);
    expect(answer.reply !== undefined).toBe(replies);
    expect(plan.details.historical === true).toBe(sentAt < '2026');
  });

  it.each([
    [
      'pre-registration',
      { transitions: [{ unitId: 'u-solrosen', state: 'pre-registered' }] },
      'receipt',
    ],
    ['withdrawal', { transitions: [{ unitId: 'u-solrosen', state: 'withdrawn' }] }, 'confirmation'],
    [
      'submission',
      {
        transitions: [{ unitId: 'u-solrosen', state: 'submitted' }],
        submission: { receipt, late: false, problems: 0 },
      },
      'receipt',
    ],
  ] as const)('a %s is answered as a %s', (kind, results, purpose) => {
    const plan = act(
      planMail(input(assessed(kind, { unitId: 'u-solrosen' }), { documentsReadable: true })),
    );
    expect(planAnswer(plan, results).reply?.purpose).toBe(purpose);
  });

  it.each([
    ['pre-registration', 'submitted'],
    ['withdrawal', 'jury-decided'],
  ] as const)(
    'a %s that did not apply (the unit is %s) gets no answer and "Behöver åtgärd"',
    (kind, state: ParticipationState) => {
      const plan = act(planMail(input(assessed(kind, { unitId: 'u-solrosen' }))));
      const fact = { sv: 'Ändrades inte', en: 'Not changed' };
      const answer = planAnswer(plan, { transitions: [{ unitId: 'u-solrosen', state, fact }] });
      expect(answer.reply).toBeUndefined();
      expect(answer.categories).toEqual([
        kind === 'withdrawal' ? 'Avanmälan' : 'Intresseanmälan',
        'Behöver åtgärd',
      ]);
      expect(answer.facts).toEqual([fact]);
    },
  );

  it('questions, auto-replies and other mail are never answered', () => {
    for (const kind of ['question', 'auto-reply', 'other'] as const) {
      const plan = act(planMail(input(assessed(kind))));
      expect(plan.steps).toEqual([]);
      expect(planAnswer(plan, {}).reply).toBeUndefined();
    }
  });
});

describe('which documents are read', () => {
  it.each([
    ['a submission', assessed('submission'), undefined, true],
    ['a protocol', assessed('board-protocol'), undefined, true],
    ['a question', assessed('question'), undefined, false],
    [
      'a question that might be a submission',
      {
        ...assessed('question'),
        classification: {
          ...assessed('question').classification,
          alternative: 'submission' as const,
        },
      },
      undefined,
      true,
    ],
    [
      'a question a coordinator calls a submission',
      assessed('question'),
      decision('submission'),
      true,
    ],
  ])('%s', (_case, assessment, d, reads) => {
    expect(wantsDocuments(assessment, d)).toBe(reads);
  });
});

describe('a withdrawal concerns the cycle the unit is taking part in', () => {
  const november = '2026-11-20T10:00:00+01:00';
  it('asks for the unit’s participations', () => {
    expect(readsFor(assessed('withdrawal', { unitId: 'u-solrosen' }), undefined)).toEqual({
      participationsOf: 'u-solrosen',
    });
    // A pre-registration reads them too: a recent winner may not take part (winner-lockout.test.ts).
    expect(readsFor(assessed('pre-registration', { unitId: 'u-solrosen' }), undefined)).toEqual({
      participationsOf: 'u-solrosen',
    });
    expect(readsFor(assessed('question', { unitId: 'u-solrosen' }), undefined)).toEqual({});
  });

  it.each([
    ['under examination in 2026', [{ year: 2026, state: 'under-examination' }], 2026],
    ['jury-decided in 2026 (settled)', [{ year: 2026, state: 'jury-decided' }], 2027],
    ['no participation', [], 2027],
  ] as const)('a unit %s: the withdrawal is for %s', (_case, participations, year) => {
    const plan = act(
      planMail(
        input(assessed('withdrawal', { unitId: 'u-solrosen' }), {
          facts: { sentAt: november },
          participations,
        }),
      ),
    );
    expect(plan.cycle.year).toBe(year);
    expect(plan.steps).toEqual([{ do: 'transition', unitId: 'u-solrosen', year, to: 'withdrawn' }]);
  });
});

describe('mail older than every cycle the app knows', () => {
  it('is labelled only, no participation changed, left in the inbox', () => {
    const plan = planMail(
      input(assessed('pre-registration', { unitId: 'u-solrosen' }), {
        facts: { sentAt: '2019-03-01T10:00:00+01:00' },
      }),
    );
    expect(plan.status).toBe('processed');
    if (plan.status !== 'processed') return;
    expect(plan.filing).toEqual({
      categories: ['Intresseanmälan'],
      folder: null,
      replacesTriage: false,
    });
    expect(plan.details.historical).toBe(true);
    expect(plan.details.facts[0]?.sv).toContain('äldre än de omgångar');
  });

  it("after a coordinator's decision the triage labels are replaced", () => {
    const plan = planMail(
      input(assessed('other', { triage: true }), {
        facts: { sentAt: '2019-03-01T10:00:00+01:00' },
        decision: decision('question'),
      }),
    );
    expect(plan.status === 'processed' && plan.filing).toEqual({
      categories: ['Fråga'],
      folder: null,
      replacesTriage: true,
    });
  });
});

describe('a non-delivery report', () => {
  const report = {
    recipients: ['anna.chef@stockholm.example'],
    reason: '550 5.1.1 mailbox unavailable',
    originalSubject: 'Kvitto',
  };
  it('asks for the bounced mail to be looked up, unless a coordinator has decided', () => {
    expect(readsFor(assessed('auto-reply', { nonDelivery: report }), undefined)).toEqual({
      bounce: report,
    });
    expect(readsFor(assessed('auto-reply', { nonDelivery: report }), decision('other'))).toEqual(
      {},
    );
  });

  it('the bounced receipt found: marked, and triage says whose receipt did not arrive', () => {
    const plan = planMail(
      input(assessed('auto-reply', { nonDelivery: report }), {
        bounced: {
          itemId: 7,
          purpose: 'receipt',
          recipient: 'anna.chef@stockholm.example',
          unitId: 'u-solrosen',
        },
      }),
    );
    expect(plan.status).toBe('triage');
    if (plan.status !== 'triage') return;
    expect(plan.markBounced).toEqual({
      itemId: 7,
      at: '2026-03-01T10:00:00+01:00',
      reason: report.reason,
    });
    expect(plan.details.suggestedUnitId).toBe('u-solrosen');
    expect(plan.details.triageReasons?.[0]?.sv).toBe(
      'Kvittot till anna.chef@stockholm.example kom inte fram (550 5.1.1 mailbox unavailable). Kontakta avsändaren på annat sätt.',
    );
    expect(plan.filing.categories).toEqual(['Autosvar', 'Att granska']);
  });

  it('no sent mail found: nothing marked, and triage says so', () => {
    const plan = planMail(input(assessed('auto-reply', { nonDelivery: report })));
    expect(plan.status === 'triage' && plan.markBounced).toBeUndefined();
    expect(plan.status === 'triage' && plan.details.triageReasons?.[0]?.sv).toContain(
      'hittades inte bland appens utskick',
    );
  });
});

describe('submissions', () => {
  it('without a readable document: the version is kept, the participation not changed', () => {
    const plan = act(planMail(input(assessed('submission', { unitId: 'u-solrosen' }))));
    expect(plan.steps).toEqual([
      { do: 'record-submission', unitId: 'u-solrosen', unitName: 'Förskolan Solrosen' },
    ]);
    expect(planAnswer(plan, { submission: { receipt, late: false, problems: 1 } }).facts).toEqual([
      {
        sv: 'Inget läsbart dokument: deltagandet ändrades inte.',
        en: 'No readable document: the participation was not changed.',
      },
    ]);
  });

  it.each([
    [false, 0, ['Bidrag']],
    [true, 0, ['Bidrag', 'Försenat']],
    [false, 2, ['Bidrag', 'Behöver åtgärd']],
    [true, 1, ['Bidrag', 'Försenat', 'Behöver åtgärd']],
  ])('late %s with %s problems: categories %j', (late, problems, categories) => {
    const plan = act(
      planMail(
        input(assessed('submission', { unitId: 'u-solrosen' }), { documentsReadable: true }),
      ),
    );
    expect(plan.steps.map((s) => s.do)).toEqual(['record-submission', 'transition']);
    const answer = planAnswer(plan, {
      transitions: [{ unitId: 'u-solrosen', state: 'submitted' }],
      submission: { receipt, late, problems },
    });
    expect(answer.categories).toEqual(categories);
    expect(answer.folder).toEqual(['Kvalitetsutmärkelsen 2026', 'Bidrag']);
    expect(answer.reply?.receipt).toBe(receipt);
  });
});

describe('a submission sent as a link in the text', () => {
  it('the step carries the link, so the receipt can ask for the file', () => {
    const a = assessed('submission', { unitId: 'u-solrosen' });
    (a.classification.signals as { fired: unknown[] }).fired = [
      {
        rule: 'document-link',
        kind: 'submission',
        weight: 2,
        evidence: 'https://x.example/KU.docx',
      },
    ];
    const plan = act(planMail(input(a, { facts: { sentAt: '2027-05-10T10:00:00+02:00' } })));
    expect(plan.steps[0]).toEqual({
      do: 'record-submission',
      unitId: 'u-solrosen',
      unitName: 'Förskolan Solrosen',
      link: 'https://x.example/KU.docx',
    });
  });
});

describe('a submission sent after the deadline (17 May kl. 24.00)', () => {
  const lateAt = { sentAt: '2027-05-18T00:03:00+02:00', subject: 'Tävlingsbidrag Solrosen' };

  it('is kept, marked late, and waits for a coordinator: accept or reject?', () => {
    const plan = planMail(
      input(assessed('submission', { unitId: 'u-solrosen', confidence: 0.98 }), {
        facts: lateAt,
        receivedAt: lateAt.sentAt,
        documentsReadable: true,
      }),
    );
    expect(plan.status).toBe('triage');
    if (plan.status !== 'triage') return;
    expect(plan.details.triageReasons).toEqual([
      {
        sv: 'Inkom 00:03 den 18 maj, efter sista dag 17 maj kl. 24.00 – godta eller avvisa?',
        en: 'Arrived at 00:03 on 18 May, after the deadline 17 May at 24:00 – accept or reject?',
      },
    ]);
    expect(plan.filing.categories).toEqual(['Bidrag', 'Att granska', 'Försenat']);
    expect(plan.filing.folder).toBeNull();
    // The document is recorded now (nothing lost); no transition, no receipt until a coordinator decides.
    expect(plan.keep?.step).toEqual({
      do: 'record-submission',
      unitId: 'u-solrosen',
      unitName: 'Förskolan Solrosen',
    });
    expect(plan.keep?.cycle.year).toBe(2027);
  });

  it('one minute before midnight is on time and decided alone', () => {
    const sentAt = '2027-05-17T23:59:00+02:00';
    const plan = planMail(
      input(assessed('submission', { unitId: 'u-solrosen' }), {
        facts: { sentAt },
        receivedAt: sentAt,
        documentsReadable: true,
      }),
    );
    expect(act(plan).steps.map((s) => s.do)).toEqual(['record-submission', 'transition']);
  });

  it("a coordinator's decision accepts it: submitted, and the receipt says it was accepted", () => {
    const plan = act(
      planMail(
        input(assessed('submission', { unitId: 'u-solrosen' }), {
          facts: lateAt,
          receivedAt: lateAt.sentAt,
          documentsReadable: true,
          decision: {
            kind: 'submission',
            unitId: 'u-solrosen',
            by: 'samordnare',
            at: '2027-05-18T08:00:00Z',
          },
        }),
      ),
    );
    expect(plan.steps).toEqual([
      {
        do: 'record-submission',
        unitId: 'u-solrosen',
        unitName: 'Förskolan Solrosen',
        lateAccepted: true,
      },
      { do: 'transition', unitId: 'u-solrosen', year: 2027, to: 'submitted' },
    ]);
  });
});

describe('board protocols', () => {
  const planFor = (protocol: MailPlanInput['protocol']) =>
    act(
      planMail(
        input(assessed('board-protocol'), {
          facts: { sentAt: '2026-06-20T10:00:00+02:00' },
          ...(protocol ? { protocol } : {}),
        }),
      ),
    );
  const listed = [
    { unitId: 'u-solrosen', unitName: 'Förskolan Solrosen' },
    { unitId: 'u-ekorren', unitName: 'Förskolan Ekorren' },
  ];

  it('asks for the protocol to be read', () => {
    expect(readsFor(assessed('board-protocol'), undefined)).toEqual({ protocol: true });
  });

  it('marks each listed unit in-protocol of the mail’s cycle and answers nobody', () => {
    const plan = planFor({ units: listed, unmatchedLines: [], unreadable: [] });
    expect(plan.steps).toEqual([
      { do: 'transition', unitId: 'u-solrosen', year: 2026, to: 'in-protocol' },
      { do: 'transition', unitId: 'u-ekorren', year: 2026, to: 'in-protocol' },
    ]);
    const answer = planAnswer(plan, {
      transitions: [
        { unitId: 'u-solrosen', state: 'in-protocol' },
        {
          unitId: 'u-ekorren',
          state: 'withdrawn',
          fact: { sv: 'Ändrades inte: enheten är "Avanmäld".', en: 'Not changed.' },
        },
      ],
    });
    expect(answer.reply).toBeUndefined();
    expect(answer.categories).toEqual(['Protokoll']);
    expect(answer.folder).toEqual(['Kvalitetsutmärkelsen 2026', 'Protokoll']);
    expect(answer.facts.map((f) => f.sv)).toEqual([
      'Förskolan Ekorren: Ändrades inte: enheten är "Avanmäld".',
      'Enheter i protokollet: Förskolan Solrosen, Förskolan Ekorren',
    ]);
  });

  it('a line naming no known unit and an unreadable file: once a coordinator files it, told, "Behöver åtgärd"', () => {
    const plan = act(
      planMail(
        input(assessed('board-protocol'), {
          facts: { sentAt: '2026-06-20T10:00:00+02:00' },
          decision: decision('board-protocol'),
          protocol: {
            units: [],
            unmatchedLines: ['Okänd skola'],
            unreadable: [{ fileName: 'protokoll.pdf', reason: 'password-protected' }],
          },
        }),
      ),
    );
    expect(plan.steps).toEqual([]);
    const answer = planAnswer(plan, { transitions: [] });
    expect(answer.categories).toEqual(['Protokoll', 'Behöver åtgärd']);
    expect(answer.facts.map((f) => f.sv)).toEqual([
      'Protokollet protokoll.pdf gick inte att läsa (password-protected).',
      'Rader i protokollet som inte motsvarar någon känd enhet: Okänd skola',
      'Enheter i protokollet: inga',
    ]);
  });

  // A protocol read and naming no registered unit marks nothing: filed as done it would be missed.
  const waiting = (protocol: MailPlanInput['protocol'], documentsReadable: boolean) =>
    planMail(
      input(assessed('board-protocol'), {
        facts: { sentAt: '2026-06-20T10:00:00+02:00' },
        documentsReadable,
        ...(protocol ? { protocol } : {}),
      }),
    );

  it('documents read but no registered unit in them: a coordinator reads which units, told why', () => {
    const plan = waiting({ units: [], unmatchedLines: ['Kista bibliotek'], unreadable: [] }, true);
    expect(plan.status).toBe('triage');
    if (plan.status !== 'triage') return;
    expect(plan.filing.categories).toEqual(['Protokoll', 'Att granska']);
    const [reason] = plan.details.triageReasons ?? [];
    expect(reason?.sv).toBe(
      'Ingen enhet i enhetsregistret hittades i protokollet (namn som inte motsvarar någon känd enhet: Kista bibliotek): en samordnare läser vilka enheter det gäller och lägger till eller identifierar dem',
    );
    expect(reason?.en).toContain('No unit of the unit register was found in the protocol');
  });

  it('no document could be read and none named: a coordinator too, naming the file', () => {
    const plan = waiting(
      { units: [], unmatchedLines: [], unreadable: [{ fileName: 'p.pdf', reason: 'corrupt' }] },
      false,
    );
    expect(plan.status).toBe('triage');
    if (plan.status !== 'triage') return;
    expect(plan.details.triageReasons?.[0]?.sv).toContain('(kunde inte läsas: p.pdf)');
  });

  it('near misses: a registered unit found, or no document at all (a protocol said to follow), act as before', () => {
    expect(
      waiting({ units: listed.slice(0, 1), unmatchedLines: ['Okänd'], unreadable: [] }, true)
        .status,
    ).toBe('act');
    expect(waiting({ units: [], unmatchedLines: [], unreadable: [] }, false).status).toBe('act');
    // The judge's plan, with nothing read at all: no findings, no rule.
    expect(waiting(undefined, true).status).toBe('act');
  });
});

describe('info-meeting signups', () => {
  // The test cycle has two meetings: 17 February and 3 March.
  it.each([
    [
      'names its meeting, two ahead',
      'Jag anmäler mig till mötet 3 mars.',
      '2026-02-01',
      'im-2026-2',
      true,
    ],
    ['names its meeting by day/month', 'Anmäl mig till 17/2 tack', '2026-02-01', 'im-2026-1', true],
    [
      'names none, one ahead (only that one)',
      'Jag vill komma på informationsmötet.',
      '2026-02-20',
      'im-2026-2',
      true,
    ],
  ])('%s: signed up for it and confirmed', (_case, body, day, id, certain) => {
    const plan = act(
      planMail(
        input(assessed('info-meeting-signup'), {
          facts: { body, sentAt: `${day}T10:00:00+01:00` },
        }),
      ),
    );
    const answer = planAnswer(plan, {});
    expect(answer.infoMeeting).toEqual({ id, certain });
    expect(answer.reply?.purpose).toBe('confirmation');
    expect(answer.folder).toEqual(['Kvalitetsutmärkelsen 2026', 'Informationsmöte']);
  });

  it.each([
    ['sv', 'Hej, anmäl mig och två kollegor till informationsmötet.'],
    ['en', 'Please sign me up for the information meeting.'],
  ] as const)(
    'names none while two are ahead (%s): a coordinator asks which, nobody is answered',
    (language, body) => {
      const plan = planMail(
        input(assessed('info-meeting-signup', { language }), {
          facts: { subject: 'Informationsmöte', body, sentAt: '2026-02-02T15:27:00+01:00' },
        }),
      );
      expect(plan.status).toBe('triage');
      if (plan.status !== 'triage') return;
      expect(plan.details.triageReasons).toEqual([
        {
          sv: 'Mejlet säger inte vilket informationsmöte: 17 februari eller 3 mars?',
          en: 'The mail does not say which information meeting: 17 February or 3 March?',
        },
      ]);
      expect(plan.details.kind).toBe('info-meeting-signup');
      expect(plan.details.askMeetings?.map((m) => m.id)).toEqual(['im-2026-1', 'im-2026-2']);
      // The next meeting ahead is pre-selected for the coordinator (pickInfoMeeting's choice).
      expect(plan.details.suggestedMeetingId).toBe('im-2026-1');
      expect(plan.filing).toEqual({
        categories: ['Informationsmöte', 'Att granska'],
        folder: null,
        replacesTriage: false,
      });
    },
  );

  it("a coordinator's decision naming the meeting signs such a mail up for that one, certain", () => {
    const plan = act(
      planMail(
        input(assessed('info-meeting-signup'), {
          facts: { body: 'Anmäl mig till informationsmötet.', sentAt: '2026-02-02T15:27:00+01:00' },
          decision: { ...decision('info-meeting-signup'), meetingId: 'im-2026-2' },
        }),
      ),
    );
    expect(plan.details.decision?.meetingId).toBe('im-2026-2');
    const answer = planAnswer(plan, {});
    expect(answer.infoMeeting).toEqual({ id: 'im-2026-2', certain: true });
    expect(answer.reply?.purpose).toBe('confirmation');
  });

  it("a coordinator's decision naming no meeting signs such a mail up for the next one", () => {
    const plan = act(
      planMail(
        input(assessed('info-meeting-signup'), {
          facts: { body: 'Anmäl mig till informationsmötet.', sentAt: '2026-02-02T15:27:00+01:00' },
          decision: decision('info-meeting-signup'),
        }),
      ),
    );
    expect(plan.infoMeeting?.meeting.id).toBe('im-2026-1');
    expect(planAnswer(plan, {}).reply?.purpose).toBe('confirmation');
  });

  it('a reply quoting our invitation: only the sender’s own words name the meeting', () => {
    // The quoted invitation lists 17 February first; the sender wrote 3 March.
    const body =
      'Jag anmäler mig till mötet 3 mars.\n\nFrån: Kvalitetsutmärkelsen\nÄmne: Inbjudan\n\nInformationsmöten 17 februari och 3 mars.';
    const a = assessed('info-meeting-signup');
    Object.assign(a.classification, {
      cleanSubject: 'Inbjudan',
      parts: {
        own: 'Jag anmäler mig till mötet 3 mars.',
        forwarded: '',
        quoted: 'Informationsmöten 17 februari och 3 mars.',
        signature: '',
      },
    });
    const plan = act(
      planMail(
        input(a, { facts: { subject: 'SV: Inbjudan', body, sentAt: '2026-02-02T10:00:00+01:00' } }),
      ),
    );
    expect(planAnswer(plan, {}).infoMeeting).toEqual({ id: 'im-2026-2', certain: true });
  });

  it('after a meeting’s signup deadline: a coordinator says whether there is room', () => {
    // 13 February: the 17 February meeting closed for signup on 11 February, 3 March is open.
    const plan = planMail(
      input(assessed('info-meeting-signup'), {
        facts: {
          body: 'Vi är två som vill komma den 17 februari.',
          sentAt: '2026-02-13T10:00:00+01:00',
        },
      }),
    );
    expect(plan.status).toBe('triage');
    if (plan.status !== 'triage') return;
    expect(plan.details.triageReasons).toEqual([
      {
        sv: 'Anmälan efter sista anmälningsdag 11 februari till informationsmötet 17 februari – finns det plats?',
        en: 'Signed up after the signup deadline 11 February for the information meeting on 17 February – is there room?',
      },
    ]);
    // Every meeting still ahead may be chosen; the one the mail names is pre-selected.
    expect(plan.details.askMeetings?.map((m) => m.id)).toEqual(['im-2026-1', 'im-2026-2']);
    expect(plan.details.suggestedMeetingId).toBe('im-2026-1');
  });

  it('naming none while only one meeting is still open for signup: that one, alone', () => {
    const plan = act(
      planMail(
        input(assessed('info-meeting-signup'), {
          facts: { body: 'Anmäl mig till informationsmötet.', sentAt: '2026-02-13T10:00:00+01:00' },
        }),
      ),
    );
    expect(planAnswer(plan, {}).infoMeeting).toEqual({ id: 'im-2026-2', certain: true });
  });

  it('naming none after every signup deadline, a meeting still ahead: a coordinator decides', () => {
    const plan = planMail(
      input(assessed('info-meeting-signup'), {
        facts: { body: 'Anmäl mig till informationsmötet.', sentAt: '2026-02-27T10:00:00+01:00' },
      }),
    );
    expect(plan.status).toBe('triage');
    if (plan.status !== 'triage') return;
    expect(plan.details.triageReasons?.[0]?.sv).toContain('efter sista anmälningsdag 25 februari');
    expect(plan.details.suggestedMeetingId).toBe('im-2026-2');
  });

  it("a coordinator's decision on a late signup (room found) signs up for the meeting it names", () => {
    const plan = act(
      planMail(
        input(assessed('info-meeting-signup'), {
          facts: { body: 'Kan vi komma 17/2?', sentAt: '2026-02-13T10:00:00+01:00' },
          decision: decision('info-meeting-signup'),
        }),
      ),
    );
    expect(planAnswer(plan, {}).infoMeeting).toEqual({ id: 'im-2026-1', certain: true });
  });

  it('no meeting left to sign up for: no answer, "Behöver åtgärd"', () => {
    const plan = act(
      planMail(
        input(assessed('info-meeting-signup'), {
          facts: { body: 'Anmälan till informationsmötet', sentAt: '2026-03-10T10:00:00+01:00' },
        }),
      ),
    );
    const answer = planAnswer(plan, {});
    expect(answer.infoMeeting).toBeUndefined();
    expect(answer.reply).toBeUndefined();
    expect(answer.categories).toEqual(['Informationsmöte', 'Behöver åtgärd']);
    expect(answer.facts[0]?.sv).toBe('Det finns inget kommande informationsmöte att anmäla till.');
  });
});

describe('folders', () => {
  it('a question stays in the inbox; other handled mail goes to its cycle and kind', () => {
    expect(planAnswer(act(planMail(input(assessed('question')))), {}).folder).toBeNull();
    expect(planAnswer(act(planMail(input(assessed('other')))), {}).folder).toEqual([
      'Kvalitetsutmärkelsen 2026',
      'Övrigt',
    ]);
  });
});
