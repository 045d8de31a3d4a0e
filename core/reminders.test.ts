import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parseCycle } from './cycle.js';
import type { Cycle, Participation, ParticipationState } from './model.js';
import {
  DEFAULT_REMINDER_RULES,
  dueNow,
  visitReminderOccurrences,
  feedbackVisitReminderOccurrences,
  occurrenceWindow,
  reminderOccurrences,
  reminderRecipients,
  snoozeUntil,
  stillMissing,
  type UnitSituation,
} from './reminders.js';
import { SAMPLE_CYCLE } from './sample-cycle.js';

const cycle: Cycle = parseCycle({
  ...SAMPLE_CYCLE,
  year: 2027,
  timeline: {
    ...SAMPLE_CYCLE.timeline,
    infoMeetings: [
      {
        id: 'im-1',
        start: '2027-02-16T09:00:00+01:00',
        end: '2027-02-16T10:00:00+01:00',
        place: 'Teams',
        signupDeadline: '2027-02-10',
      },
      {
        id: 'im-2',
        start: '2027-03-02T14:00:00+01:00',
        end: '2027-03-02T15:00:00+01:00',
        place: 'Teams',
        signupDeadline: '2027-02-24',
      },
    ],
    preRegistrationDeadline: '2027-03-22',
    submissionDeadline: '2027-05-17',
    boardProtocolDeadline: '2027-06-30',
  },
});

function participation(unitId: string, states: [ParticipationState, string][]): Participation {
  let from: ParticipationState | null = null;
  const history = states.map(([to, at]) => {
    const t = { from, to, at, actor: { id: 'test' }, source: { kind: 'system' as const } };
    from = to;
    return t;
  });
  return { unitId, year: 2027, state: states.at(-1)![0], history };
}

describe('reminder occurrences', () => {
  it('follow the defaults at Stockholm local time, summer and winter', () => {
    const occ = reminderOccurrences(cycle, DEFAULT_REMINDER_RULES);
    const at = (id: string) => occ.find((o) => o.id === id)?.sendAt;
    expect(at('2027:pre-registration-14d')).toBe('2027-03-08T09:00:00+01:00');
    expect(at('2027:pre-registration-1d')).toBe('2027-03-21T09:00:00+01:00');
    expect(at('2027:submission-14d')).toBe('2027-05-03T09:00:00+02:00');
    expect(at('2027:submission-0d')).toBe('2027-05-17T08:00:00+02:00');
    expect(at('2027:board-protocol-3d')).toBe('2027-06-27T09:00:00+02:00');
    // One signup reminder per signup deadline, naming the meetings it closes.
    expect(
      occ.filter((o) => o.kind === 'info-meeting-signup').map((o) => [o.id, o.meetingIds]),
    ).toEqual([
      ['2027:info-meeting-signup-7d:2027-02-10', ['im-1']],
      ['2027:info-meeting-signup-7d:2027-02-24', ['im-2']],
    ]);
    expect(occ.find((o) => o.id === '2027:submission-0d')?.deadline).toBe(
      '2027-05-18T00:00:00+02:00',
    );
  });

  it('are due from their send time until the deadline, never after', () => {
    const o = reminderOccurrences(cycle).find((x) => x.id === '2027:submission-1d')!;
    expect(occurrenceWindow(o, '2027-05-16T08:59:59+02:00')).toBe('not-yet');
    expect(occurrenceWindow(o, '2027-05-16T09:00:00+02:00')).toBe('due');
    expect(occurrenceWindow(o, '2027-05-17T23:59:59+02:00')).toBe('due');
    expect(occurrenceWindow(o, '2027-05-18T00:00:00+02:00')).toBe('expired');
  });

  it('sends only the newest of several due for one deadline (after downtime)', () => {
    const occ = reminderOccurrences(cycle);
    const { send, superseded } = dueNow(occ, '2027-05-10T10:00:00+02:00', new Set());
    expect(send.map((o) => o.id)).toEqual(['2027:submission-7d']);
    expect(superseded.map((o) => o.id)).toEqual(['2027:submission-14d']);
    expect(dueNow(occ, '2027-05-10T10:00:00+02:00', new Set(['2027:submission-7d'])).send).toEqual(
      [],
    );
    // Started at 08:59 after a week down: the late 14-day one gives way to the 7-day one at 09:00.
    const early = dueNow(occ, '2027-05-10T08:59:00+02:00', new Set());
    expect(early.send).toEqual([]);
    expect(early.superseded.map((o) => o.id)).toEqual(['2027:submission-14d']);
    // On time, the day-before reminder goes out although the deadline-day one follows within a day.
    const onTime = dueNow(
      occ,
      '2027-05-16T09:00:30+02:00',
      new Set(['2027:submission-14d', '2027:submission-7d']),
    );
    expect(onTime.send.map((o) => o.id)).toEqual(['2027:submission-1d']);
  });

  it('one per booked site visit, 14 days before at 09:00, due until the visit starts', () => {
    const occ = visitReminderOccurrences(cycle, [
      { unitId: 'a', start: '2027-09-20T09:00:00+02:00' },
      { unitId: 'b', start: '2027-09-20T13:00:00+02:00' },
    ]);
    expect(occ.map((o) => [o.id, o.sendAt, o.deadline, o.unitIds])).toEqual([
      [
        '2027:site-visit-documents-14d:a',
        '2027-09-06T09:00:00+02:00',
        '2027-09-20T09:00:00+02:00',
        ['a'],
      ],
      [
        '2027:site-visit-documents-14d:b',
        '2027-09-06T09:00:00+02:00',
        '2027-09-20T13:00:00+02:00',
        ['b'],
      ],
    ]);
    // Two units' visits on one day are two reminders, not one superseding the other.
    expect(dueNow(occ, '2027-09-07T10:00:00+02:00', new Set()).send).toHaveLength(2);
    const examined = participation('a', [
      ['pre-registered', '2027-03-01T10:00:00+01:00'],
      ['submitted', '2027-05-01T10:00:00+02:00'],
      ['in-protocol', '2027-06-01T10:00:00+02:00'],
      ['eligible', '2027-08-01T10:00:00+02:00'],
      ['under-examination', '2027-08-20T10:00:00+02:00'],
    ]);
    expect(
      reminderRecipients(
        occ[0]!,
        [
          { unitId: 'a', participation: examined },
          { unitId: 'b', participation: examined },
        ],
        cycle,
      ),
    ).toEqual([{ unitId: 'a', missing: [{ code: 'site-visit-documents' }] }]);
  });

  it("feedback visit: after the ceremony to decided units without a booked visit, and on a booked visit's morning", () => {
    const occ = feedbackVisitReminderOccurrences(cycle, [
      { unitId: 'booked', start: '2027-12-07T13:00:00+01:00' },
      { unitId: 'early', start: '2027-12-08T09:30:00+01:00' },
    ]);
    expect(occ.map((o) => [o.id, o.sendAt, o.deadline, o.unitIds, o.visitStart])).toEqual([
      // The ceremony is on 23 November (evening): the day after at 09:00, until the window closes.
      [
        '2027:feedback-visit-0d',
        '2027-11-24T09:00:00+01:00',
        '2028-02-12T00:00:00+01:00',
        undefined,
        undefined,
      ],
      [
        '2027:feedback-visit-0d:booked',
        '2027-12-07T09:00:00+01:00',
        '2027-12-07T13:00:00+01:00',
        ['booked'],
        '2027-12-07T13:00:00+01:00',
      ],
      // A visit at 09:30 is reminded of at least an hour before, not at 09:00.
      [
        '2027:feedback-visit-0d:early',
        '2027-12-08T08:30:00+01:00',
        '2027-12-08T09:30:00+01:00',
        ['early'],
        '2027-12-08T09:30:00+01:00',
      ],
    ]);
    // Nothing before the ceremony is over.
    expect(dueNow(occ, '2027-11-23T20:00:00+01:00', new Set()).send).toEqual([]);

    const through = (...extra: [ParticipationState, string][]) =>
      participation('x', [
        ['pre-registered', '2027-03-01T10:00:00+01:00'],
        ['submitted', '2027-05-01T10:00:00+02:00'],
        ['in-protocol', '2027-06-01T10:00:00+02:00'],
        ['eligible', '2027-08-01T10:00:00+02:00'],
        ['under-examination', '2027-08-20T10:00:00+02:00'],
        ...extra,
      ]);
    const decided = through(
      ['site-visit-held', '2027-09-20T12:00:00+02:00'],
      ['jury-decided', '2027-11-04T15:00:00+01:00'],
    );
    const held = through(
      ['site-visit-held', '2027-09-20T12:00:00+02:00'],
      ['jury-decided', '2027-11-04T15:00:00+01:00'],
      ['feedback-visit-held', '2027-12-01T12:00:00+01:00'],
    );
    const withdrawn = through(['withdrawn', '2027-09-01T10:00:00+02:00']);
    const situations: UnitSituation[] = [
      { unitId: 'waiting', participation: { ...decided, unitId: 'waiting' } },
      {
        unitId: 'booked',
        participation: { ...decided, unitId: 'booked' },
        feedbackVisitStart: '2027-12-07T13:00:00+01:00',
      },
      { unitId: 'done', participation: { ...held, unitId: 'done' } },
      { unitId: 'gone', participation: { ...withdrawn, unitId: 'gone' } },
      { unitId: 'examined', participation: { ...through(), unitId: 'examined' } },
    ];
    const [afterCeremony, onTheDay] = occ;
    expect(reminderRecipients(afterCeremony!, situations, cycle)).toEqual([
      { unitId: 'waiting', missing: [{ code: 'feedback-visit-booking' }] },
      {
        unitId: 'booked',
        missing: [{ code: 'feedback-visit', start: '2027-12-07T13:00:00+01:00' }],
      },
    ]);
    expect(reminderRecipients(onTheDay!, situations, cycle)).toEqual([
      {
        unitId: 'booked',
        missing: [{ code: 'feedback-visit', start: '2027-12-07T13:00:00+01:00' }],
      },
    ]);
  });

  it('snooze comes back tomorrow at 09:00', () => {
    expect(snoozeUntil('2027-05-16T21:30:00+02:00')).toBe('2027-05-17T09:00:00+02:00');
  });
});

describe('who still has to act', () => {
  const sub = (over: Partial<NonNullable<UnitSituation['submission']>> = {}) => ({
    characterCount: 60_000,
    answeredQuestions: Array.from({ length: 24 }, (_, i) => i + 1),
    problems: [],
    fileNames: ['bidrag.docx'],
    ...over,
  });
  it('names what is missing for a submission', () => {
    const pre = participation('u', [['pre-registered', '2027-03-01T10:00:00+01:00']]);
    expect(stillMissing('submission', { unitId: 'u', participation: pre }, cycle)).toEqual([
      { code: 'submission' },
    ]);
    expect(
      stillMissing(
        'submission',
        {
          unitId: 'u',
          participation: pre,
          submission: sub({
            characterCount: 91_200,
            problems: ['over-limit', 'questions-missing'],
            answeredQuestions: [1, 2, 3],
          }),
        },
        cycle,
      ),
    ).toEqual([
      { code: 'over-limit', count: 91_200, max: 85_000 },
      { code: 'questions-missing', numbers: Array.from({ length: 21 }, (_, i) => i + 4) },
    ]);
    // Submitted another way (ILS-webben): a transition to submitted, no mail.
    const ils = participation('u', [
      ['pre-registered', '2027-03-01T10:00:00+01:00'],
      ['submitted', '2027-05-10T10:00:00+02:00'],
    ]);
    expect(stillMissing('submission', { unitId: 'u', participation: ils }, cycle)).toEqual([]);
    const gone = participation('u', [
      ['pre-registered', '2027-03-01T10:00:00+01:00'],
      ['withdrawn', '2027-04-01T10:00:00+02:00'],
    ]);
    expect(stillMissing('submission', { unitId: 'u', participation: gone }, cycle)).toEqual([]);
  });
});

describe('a whole cycle with fake time', () => {
  // Five units: one interested that pre-registers on 12 March and submits on 14 May; one interested
  // that never acts; one pre-registered early that never submits; one that withdraws in April; one
  // whose submission is over the limit and then fixed.
  function situationsAt(now: DateTime): UnitSituation[] {
    const before = (iso: string) => DateTime.fromISO(iso) <= now;
    const states = (list: [ParticipationState, string][]) => list.filter(([, at]) => before(at));
    const p = (unitId: string, list: [ParticipationState, string][]) => {
      const s = states(list);
      return s.length ? participation(unitId, s) : undefined;
    };
    return [
      {
        unitId: 'acts',
        participation: p('acts', [
          ['interested', '2027-01-20T10:00:00+01:00'],
          ['pre-registered', '2027-03-12T10:00:00+01:00'],
          ['submitted', '2027-05-14T10:00:00+02:00'],
          ['in-protocol', '2027-06-20T10:00:00+02:00'],
        ]),
        signedUpForMeeting: before('2027-02-01T10:00:00+01:00'),
      },
      {
        unitId: 'idle',
        participation: p('idle', [['interested', '2027-01-20T10:00:00+01:00']]),
      },
      {
        unitId: 'no-show',
        participation: p('no-show', [['pre-registered', '2027-02-01T10:00:00+01:00']]),
      },
      {
        unitId: 'quits',
        participation: p('quits', [
          ['pre-registered', '2027-02-01T10:00:00+01:00'],
          ['withdrawn', '2027-04-20T10:00:00+02:00'],
        ]),
      },
      {
        unitId: 'long',
        participation: p('long', [
          ['pre-registered', '2027-02-01T10:00:00+01:00'],
          ['submitted', '2027-05-05T10:00:00+02:00'],
        ]),
        ...(before('2027-05-05T10:00:00+02:00')
          ? {
              submission: before('2027-05-16T12:00:00+02:00')
                ? {
                    characterCount: 84_000,
                    answeredQuestions: Array.from({ length: 24 }, (_, i) => i + 1),
                    problems: [],
                    fileNames: ['b.docx'],
                  }
                : {
                    characterCount: 91_200,
                    answeredQuestions: Array.from({ length: 24 }, (_, i) => i + 1),
                    problems: ['over-limit'],
                    fileNames: ['a.docx'],
                  },
            }
          : {}),
      },
    ];
  }

  /** Runs a scheduler every `stepHours`, optionally down between two instants; returns who got what. */
  function run(stepHours: number, down?: [string, string]) {
    const sent = new Map<string, string[]>();
    const done = new Set<string>();
    const occurrences = reminderOccurrences(cycle);
    let now = DateTime.fromISO('2027-01-01T00:00:00+01:00');
    const end = DateTime.fromISO('2027-07-02T00:00:00+02:00');
    while (now < end) {
      const isDown = down && now >= DateTime.fromISO(down[0]) && now < DateTime.fromISO(down[1]);
      if (!isDown) {
        // The scheduler's own decision (core/reminders dueNow), as features/reminders runs it.
        const { send, superseded } = dueNow(occurrences, now.toJSDate(), done);
        for (const o of superseded) done.add(o.id);
        for (const o of send) {
          done.add(o.id);
          const units = reminderRecipients(o, situationsAt(now), cycle).map((r) => r.unitId);
          sent.set(o.id, units);
        }
      }
      now = now.plus({ hours: stepHours });
    }
    return sent;
  }

  it('reaches only the units that still have to act, each reminder once', () => {
    const sent = run(1);
    expect(Object.fromEntries(sent)).toEqual({
      '2027:info-meeting-signup-7d:2027-02-10': ['idle'],
      '2027:info-meeting-signup-7d:2027-02-24': ['idle'],
      '2027:pre-registration-14d': ['acts', 'idle'],
      // "acts" pre-registered on 12 March: nothing after that.
      '2027:pre-registration-7d': ['idle'],
      '2027:pre-registration-1d': ['idle'],
      // "quits" withdrew in April; "acts" is pre-registered by now.
      '2027:submission-14d': ['acts', 'no-show', 'long'],
      // "long" sent 91 200 characters on 5 May: it is reminded of the limit.
      '2027:submission-7d': ['acts', 'no-show', 'long'],
      // "acts" submitted on 14 May; "long" sent a shorter version on 16 May at noon.
      '2027:submission-1d': ['no-show', 'long'],
      '2027:submission-0d': ['no-show'],
      // "acts" is in its board's protocol from 20 June.
      '2027:board-protocol-14d': ['acts', 'no-show', 'long'],
      '2027:board-protocol-3d': ['no-show', 'long'],
    });
  });

  it('after downtime sends a missed reminder once, late, while its deadline is ahead, never after', () => {
    // Down from 15 May 12:00 to 17 May 20:00: the deadline-day reminder goes out late on the 17th,
    // once; the day-before one it supersedes is not sent on top of it.
    const late = run(1, ['2027-05-15T12:00:00+02:00', '2027-05-17T20:00:00+02:00']);
    expect(late.has('2027:submission-1d')).toBe(false);
    expect(late.get('2027:submission-0d')).toEqual(['no-show']);
    // Down from 16 May 08:00 to 13:00: the day-before reminder goes out late at 13:00, to the units
    // that still owe something then ("long" sent its shorter version at noon).
    const short = run(1, ['2027-05-16T08:00:00+02:00', '2027-05-16T13:00:00+02:00']);
    expect(short.get('2027:submission-1d')).toEqual(['no-show']);
    // Down over the whole deadline day: they are never sent.
    const never = run(1, ['2027-05-15T12:00:00+02:00', '2027-05-18T01:00:00+02:00']);
    expect(never.has('2027:submission-1d')).toBe(false);
    expect(never.has('2027:submission-0d')).toBe(false);
  });
});
