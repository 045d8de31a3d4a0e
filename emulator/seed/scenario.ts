// The demo's story for the cycle in progress (default 2026): who took part, how far each unit got,
// what the jury decided, which examiner team examined whom, and earlier years' results. The mailbox,
// the calendars and the extras are all built from this one table so they agree with each other.
import type { JuryResult, ParticipationState } from '../../core/model.js';

export interface ScenarioParticipant {
  key: string;
  state: ParticipationState;
  juryResult?: JuryResult;
  /** Index into EXAMINER_TEAMS for units that were examined. */
  team?: number;
  note?: string;
}

// prettier-ignore
export const PARTICIPANTS: readonly ScenarioParticipant[] = [
  { key: 'ekorren', state: 'jury-decided', juryResult: 'honourable-mention', team: 0 },
  { key: 'solrosen', state: 'jury-decided', juryResult: 'winner', team: 0, note: 'pre-registered with a typo in the name' },
  { key: 'arstaskogen', state: 'jury-decided', juryResult: 'none', team: 0, note: 'first version over 85 000 characters, shortened version sent' },
  { key: 'larkan', state: 'jury-decided', juryResult: 'none', team: 0, note: 'writes in English' },
  { key: 'regnbagen', state: 'jury-decided', juryResult: 'none', team: 1, note: 'submission split over two mails' },
  { key: 'appelgarden', state: 'jury-decided', juryResult: 'none', team: 1, note: 'pre-registered from a personal address' },
  { key: 'myrstacken', state: 'not-eligible', note: 'four staff including the manager' },
  { key: 'humlegarden', state: 'not-eligible', note: 'winner 2025, locked out' },
  { key: 'kastanjen', state: 'pre-registered', note: 'never submitted, missing from any protocol' },
  { key: 'stjarnhus', state: 'jury-decided', juryResult: 'winner', team: 2 },
  { key: 'lindhagen', state: 'not-eligible', note: 'submission arrived after 17 May 24:00' },
  { key: 'tenstadalen', state: 'jury-decided', juryResult: 'none', team: 2 },
  { key: 'hammarbyhojden', state: 'jury-decided', juryResult: 'none', team: 1, note: 'submitted at 23:58 on deadline day' },
  { key: 'norradjurgarden', state: 'jury-decided', juryResult: 'none', team: 2, note: 'questions 19–24 missing; pre-registration forwarded' },
  { key: 'montessoriskolan', state: 'not-eligible', note: '45 % of pupils from Stockholm' },
  { key: 'nytorget', state: 'jury-decided', juryResult: 'honourable-mention', team: 3 },
  { key: 'hemtjanst-skarholmen', state: 'jury-decided', juryResult: 'none', team: 3, note: 'sent a .doc first, then .docx' },
  { key: 'solangen', state: 'jury-decided', juryResult: 'winner', team: 3 },
  { key: 'ekhagen', state: 'jury-decided', juryResult: 'none', team: 3, note: 'winner 2023, may take part again' },
  { key: 'barnungdom-sodermalm', state: 'jury-decided', juryResult: 'winner', team: 4 },
  { key: 'fyrklovern', state: 'jury-decided', juryResult: 'honourable-mention', team: 4 },
  { key: 'tranbar', state: 'jury-decided', juryResult: 'none', team: 4 },
  { key: 'atelje-bla', state: 'jury-decided', juryResult: 'none', team: 4, note: 'sent an updated version' },
  { key: 'familjeenheten-farsta', state: 'withdrawn' },
  { key: 'kontaktcenter', state: 'jury-decided', juryResult: 'winner', team: 5, note: 'pre-registration without subject' },
  { key: 'kundservice-steriks', state: 'jury-decided', juryResult: 'none', team: 5, note: 'honourable mention 2024' },
  { key: 'park-hasselby', state: 'jury-decided', juryResult: 'none', team: 5, note: 'pre-registered after the deadline' },
  { key: 'medborgarkontoret', state: 'withdrawn' },
];

export interface ScenarioTeam {
  name: string;
  /** Indexes into EXAMINERS; the first is the team leader. */
  examiners: number[];
}

export const EXAMINER_TEAMS: readonly ScenarioTeam[] = [
  { name: 'Examinatorslag 1 – Förskola', examiners: [0, 10, 5, 15] },
  { name: 'Examinatorslag 2 – Förskola och skola', examiners: [1, 11, 6] },
  { name: 'Examinatorslag 3 – Skola', examiners: [2, 12, 16] },
  { name: 'Examinatorslag 4 – Äldreomsorg', examiners: [3, 13, 7, 17] },
  { name: 'Examinatorslag 5 – Socialtjänst och funktionsnedsättning', examiners: [4, 14, 8] },
  { name: 'Examinatorslag 6 – Andra verksamheter', examiners: [9, 19, 18] },
];

/** Earlier years' winners and honourable mentions, as offsets from the cycle year (-1 = last year). */
export const PREVIOUS_RESULTS: ReadonlyArray<{
  key: string;
  yearsAgo: number;
  result: 'winner' | 'honourable-mention';
}> = [
  { key: 'humlegarden', yearsAgo: 1, result: 'winner' },
  { key: 'lustgarden', yearsAgo: 1, result: 'honourable-mention' },
  { key: 'socialjouren', yearsAgo: 1, result: 'winner' },
  { key: 'vasaparken', yearsAgo: 1, result: 'winner' },
  { key: 'dagverksamhet-kungsholmen', yearsAgo: 1, result: 'honourable-mention' },
  { key: 'kundservice-steriks', yearsAgo: 2, result: 'honourable-mention' },
  { key: 'vuxenutbildning', yearsAgo: 2, result: 'winner' },
  { key: 'ekbacken', yearsAgo: 2, result: 'winner' },
  { key: 'ekhagen', yearsAgo: 3, result: 'winner' },
  { key: 'fruangsgarden', yearsAgo: 3, result: 'honourable-mention' },
];

/** Last year's other participants (no prize), so last year's cycle is more than its winners. */
export const LAST_YEAR_OTHERS: readonly string[] = [
  'ekorren',
  'nytorget',
  'stjarnhus',
  'assistans-hasselby',
  'kontaktcenter',
  'tenstaang',
];
