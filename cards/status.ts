// The status cards: the coordinators' overview with drill-down, paged unit lists, a unit's detail
// with the acts a coordinator may take, the confirmation of an act, the choice between similar unit
// names, a unit manager's "what is missing" and an examiner's units. Pure factories over core's
// status data, Swedish first, English for English users; lists page so a card stays far under
// Teams' 28 KB limit.
import { UNIT_CLASSES, classById } from '../core/classes.js';
import { ELIGIBILITY_RULE_LABELS, type EligibilityRuleId } from '../core/eligibility.js';
import { formatInstant } from '../core/format.js';
import type { Locale, ParticipationState } from '../core/model.js';
import { PARTICIPATION_STATE_LABELS } from '../core/participation.js';
import type {
  StatusOverview,
  UnitDetail,
  UnitListFilter,
  UnitPage,
  UnitRow,
  YearCounts,
} from '../core/status.js';
import {
  adaptiveCard,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
  type ExecuteAction,
  type Fact,
} from './types.js';

export const STATUS_VERBS = [
  'status.overview',
  'status.list',
  'status.unit',
  'status.prepare',
  'status.act',
  'status.export',
] as const;
export type StatusVerb = (typeof STATUS_VERBS)[number];

export const ACT_KINDS = [
  'eligible',
  'not-eligible',
  'withdrawal-by-phone',
  'ils-submission',
  'note',
] as const;
export type ActKind = (typeof ACT_KINDS)[number];

type L = Record<Locale, string>;
const t = (l: L, locale: Locale) => l[locale];

const ACT_LABELS: Record<ActKind, L> = {
  eligible: { sv: 'Uppfyller villkoren', en: 'Eligible' },
  'not-eligible': { sv: 'Uppfyller inte villkoren', en: 'Not eligible' },
  'withdrawal-by-phone': { sv: 'Avanmäld per telefon', en: 'Withdrawn by phone' },
  'ils-submission': { sv: 'Inlämnat i ILS-webben', en: 'Submitted in ILS-webben' },
  note: { sv: 'Anteckning', en: 'Note' },
};

const ACT_QUESTIONS: Record<ActKind, (name: string) => L> = {
  eligible: (n) => ({
    sv: `Registrera att ${n} uppfyller villkoren för att delta?`,
    en: `Record that ${n} is eligible to take part?`,
  }),
  'not-eligible': (n) => ({
    sv: `Registrera att ${n} inte uppfyller villkoren? Välj vilka villkor som inte är uppfyllda.`,
    en: `Record that ${n} is not eligible? Choose the rules it does not meet.`,
  }),
  'withdrawal-by-phone': (n) => ({
    sv: `Registrera att ${n} har avanmält sig per telefon?`,
    en: `Record that ${n} withdrew by phone?`,
  }),
  'ils-submission': (n) => ({
    sv: `Registrera att ${n} har lämnat in sitt bidrag i ILS-webben? Inget dokument väntas till funktionsbrevlådan.`,
    en: `Record that ${n} submitted its application in ILS-webben? No document is expected in the shared mailbox.`,
  }),
  note: (n) => ({ sv: `Anteckning om ${n}`, en: `Note on ${n}` }),
};

/** Which acts make sense in which state (the state machine decides finally; this keeps cards short). */
export function actsFor(state: ParticipationState | undefined): ActKind[] {
  const acts: ActKind[] = [];
  if (state === 'submitted' || state === 'in-protocol' || state === 'not-eligible')
    acts.push('eligible');
  if (state === 'submitted' || state === 'in-protocol' || state === 'eligible')
    acts.push('not-eligible');
  if (
    state === 'interested' ||
    state === 'pre-registered' ||
    state === 'submitted' ||
    state === 'in-protocol' ||
    state === 'eligible' ||
    state === 'under-examination'
  )
    acts.push('withdrawal-by-phone');
  if (
    state === undefined ||
    state === 'interested' ||
    state === 'pre-registered' ||
    state === 'withdrawn' ||
    state === 'in-protocol'
  )
    acts.push('ils-submission');
  acts.push('note');
  return acts;
}

const stateLabel = (state: ParticipationState, locale: Locale) =>
  PARTICIPATION_STATE_LABELS[state][locale];

function heading(text: string): CardElement {
  return { type: 'TextBlock', text, size: 'large', weight: 'bolder', style: 'heading', wrap: true };
}

function subheading(text: string): CardElement {
  return { type: 'TextBlock', text, weight: 'bolder', wrap: true, spacing: 'medium' };
}

function note(text: string): CardElement {
  return { type: 'TextBlock', text, wrap: true, isSubtle: true, size: 'small' };
}

function execute(
  title: string,
  verb: StatusVerb,
  data: Record<string, unknown>,
  extra: Partial<ExecuteAction> = {},
): ExecuteAction {
  return { type: 'Action.Execute', title, verb, data, ...extra };
}

function plural(n: number, one: L, many: L, locale: Locale): string {
  return `${n} ${n === 1 ? one[locale] : many[locale]}`;
}

const UNITS = { one: { sv: 'enhet', en: 'unit' }, many: { sv: 'enheter', en: 'units' } };

// ---------------------------------------------------------------------------------------------------
// Overview

const COUNT_ROWS: { label: L; value: (c: YearCounts) => number; filter?: UnitListFilter }[] = [
  {
    label: { sv: 'Intresserade', en: 'Interested' },
    value: (c) => c.byState.interested,
    filter: { states: ['interested'] },
  },
  {
    label: { sv: 'Intresseanmälda', en: 'Pre-registered' },
    value: (c) => c.byState['pre-registered'],
    filter: { states: ['pre-registered'] },
  },
  { label: { sv: 'Bidrag inskickade', en: 'Submitted' }, value: (c) => c.submitted },
  { label: { sv: 'Med i protokoll', en: 'In a protocol' }, value: (c) => c.inProtocol },
  {
    label: { sv: 'Saknas i protokoll', en: 'Missing from protocol' },
    value: (c) => c.missingFromProtocol,
    filter: { missingFromProtocol: true },
  },
  {
    label: { sv: 'Har inte skickat in', en: 'Not submitted' },
    value: (c) => c.notSubmitted,
    filter: { notSubmitted: true },
  },
  {
    label: { sv: 'Avanmälda', en: 'Withdrawn' },
    value: (c) => c.byState.withdrawn,
    filter: { states: ['withdrawn'] },
  },
  {
    label: { sv: 'Uppfyller villkoren', en: 'Eligible' },
    value: (c) => c.byState.eligible,
    filter: { states: ['eligible'] },
  },
  {
    label: { sv: 'Uppfyller inte villkoren', en: 'Not eligible' },
    value: (c) => c.byState['not-eligible'],
    filter: { states: ['not-eligible'] },
  },
  {
    label: { sv: 'Under examination', en: 'Under examination' },
    value: (c) => c.byState['under-examination'],
    filter: { states: ['under-examination'] },
  },
  { label: { sv: 'Besök bokade', en: 'Visits booked' }, value: (c) => c.visits.booked },
  { label: { sv: 'Besök genomförda', en: 'Visits held' }, value: (c) => c.visits.held },
];

export function statusCard(overview: StatusOverview, locale: Locale): AdaptiveCard {
  const body: CardElement[] = [
    heading(
      locale === 'sv' ? 'Läget i Kvalitetsutmärkelsen' : 'Kvalitetsutmärkelsen: where we stand',
    ),
  ];
  const lines: string[] = [];
  const next = overview.deadlines.flatMap((c) => c.next).sort((a, b) => a.end.localeCompare(b.end));
  const actions: CardAction[] = [];
  for (const counts of overview.years) {
    body.push(subheading(`${counts.year}: ${counts.phase.label[locale]}`));
    const facts: Fact[] = [];
    for (const row of COUNT_ROWS) {
      const value = row.value(counts);
      if (value === 0 && row.filter?.states) continue; // empty states are noise
      facts.push({ title: t(row.label, locale), value: String(value) });
    }
    body.push({ type: 'FactSet', facts });
    const classes = UNIT_CLASSES.filter((c) => counts.byClass[c.id].participating > 0);
    if (classes.length > 0) {
      body.push({
        type: 'FactSet',
        spacing: 'small',
        facts: classes.map((c) => ({
          title: c[locale].split(' ')[0]!,
          value:
            locale === 'sv'
              ? `${counts.byClass[c.id].participating} deltar, ${counts.byClass[c.id].submitted} bidrag`
              : `${counts.byClass[c.id].participating} taking part, ${counts.byClass[c.id].submitted} submitted`,
        })),
      });
    }
    const p = counts.problems;
    const problemFacts: Fact[] = [];
    const names = (refs: { name: string }[]) =>
      refs
        .slice(0, 5)
        .map((r) => r.name)
        .join(', ') + (refs.length > 5 ? ` (+${refs.length - 5})` : '');
    if (p.late.length)
      problemFacts.push({ title: locale === 'sv' ? 'Sena' : 'Late', value: names(p.late) });
    if (p.overLimit.length)
      problemFacts.push({
        title: locale === 'sv' ? 'Över 85 000 tecken' : 'Over 85,000 characters',
        value: names(p.overLimit),
      });
    if (p.unreadable.length)
      problemFacts.push({
        title: locale === 'sv' ? 'Oläsbara' : 'Unreadable',
        value: names(p.unreadable),
      });
    if (problemFacts.length > 0) {
      body.push({
        type: 'TextBlock',
        text: locale === 'sv' ? 'Bidrag med problem' : 'Submissions with problems',
        weight: 'bolder',
        color: 'attention',
        wrap: true,
      });
      body.push({ type: 'FactSet', facts: problemFacts });
    }
    lines.push(
      `${counts.year}: ${counts.phase.label[locale]}; ${
        locale === 'sv'
          ? `${counts.byState['pre-registered']} intresseanmälda, ${counts.submitted} bidrag, ${counts.missingFromProtocol} saknas i protokoll`
          : `${counts.byState['pre-registered']} pre-registered, ${counts.submitted} submitted, ${counts.missingFromProtocol} missing from protocol`
      }`,
    );
    if (counts.year === overview.year) {
      actions.push(
        execute(locale === 'sv' ? 'Har inte skickat in' : 'Not submitted', 'status.list', {
          filter: { year: counts.year, notSubmitted: true },
        }),
        execute(locale === 'sv' ? 'Saknas i protokoll' : 'Missing from protocol', 'status.list', {
          filter: { year: counts.year, missingFromProtocol: true },
        }),
        execute(locale === 'sv' ? 'Alla enheter' : 'All units', 'status.list', {
          filter: { year: counts.year },
        }),
      );
      if (p.late.length + p.overLimit.length + p.unreadable.length > 0)
        actions.push(
          execute(locale === 'sv' ? 'Sena bidrag' : 'Late submissions', 'status.list', {
            filter: { year: counts.year, problem: 'late' },
          }),
        );
    }
  }
  if (next.length > 0) {
    body.push(subheading(locale === 'sv' ? 'Nästa datum' : 'Next dates'));
    body.push({
      type: 'FactSet',
      facts: next.slice(0, 6).map((d) => ({
        title: `${d.label[locale]} (${d.year})`,
        value: `${d.when[locale]}, ${
          locale === 'sv'
            ? d.daysLeft === 0
              ? 'i dag'
              : `${d.daysLeft} dagar kvar`
            : d.daysLeft === 0
              ? 'today'
              : `${d.daysLeft} days left`
        }`,
      })),
    });
    const first = next[0]!;
    lines.push(
      locale === 'sv'
        ? `Nästa: ${first.label.sv} ${first.when.sv} (${first.daysLeft} dagar kvar)`
        : `Next: ${first.label.en} ${first.when.en} (${first.daysLeft} days left)`,
    );
  }
  actions.push(
    execute(locale === 'sv' ? 'Deltagarlista (CSV)' : 'Participant list (CSV)', 'status.export', {
      year: overview.year,
    }),
  );
  return adaptiveCard({
    fallbackText: [
      locale === 'sv' ? 'Läget i Kvalitetsutmärkelsen' : 'Where we stand',
      ...lines,
    ].join('\n'),
    body,
    actions,
  });
}

// ---------------------------------------------------------------------------------------------------
// Lists

export function listTitle(
  filter: UnitListFilter,
  locale: Locale,
  organisationName?: string,
): string {
  const parts: string[] = [];
  if (filter.notSubmitted) parts.push(locale === 'sv' ? 'Har inte skickat in' : 'Not submitted');
  if (filter.missingFromProtocol)
    parts.push(locale === 'sv' ? 'Saknas i protokoll' : 'Missing from protocol');
  if (filter.problem === 'late') parts.push(locale === 'sv' ? 'Sena bidrag' : 'Late submissions');
  if (filter.problem === 'over-limit')
    parts.push(locale === 'sv' ? 'Bidrag över 85 000 tecken' : 'Over 85,000 characters');
  if (filter.problem === 'unreadable')
    parts.push(locale === 'sv' ? 'Oläsbara bidrag' : 'Unreadable submissions');
  if (filter.states?.length) parts.push(filter.states.map((s) => stateLabel(s, locale)).join(', '));
  if (filter.classId) parts.push(classById(filter.classId)[locale].split(' ')[0]!);
  if (organisationName) parts.push(organisationName);
  if (filter.unitIds) parts.push(locale === 'sv' ? 'Era enheter' : 'Your units');
  if (parts.length === 0) parts.push(locale === 'sv' ? 'Alla enheter' : 'All units');
  return `${parts.join(' · ')} (${filter.year ?? ''})`.replace(' ()', '');
}

function rowLine(row: UnitRow, locale: Locale): string {
  const bits = [stateLabel(row.state, locale)];
  if (row.submission) {
    bits.push(
      locale === 'sv'
        ? `${row.submission.characters.toLocaleString('sv-SE')} tecken, ${row.submission.answeredQuestions}/24 frågor`
        : `${row.submission.characters.toLocaleString('en-GB')} characters, ${row.submission.answeredQuestions}/24 questions`,
    );
    if (row.submission.late) bits.push(locale === 'sv' ? 'sent' : 'late');
  }
  const visit = row.visits.find((v) => v.status === 'booked' || v.status === 'held');
  if (visit?.start)
    bits.push(
      `${visit.kind === 'site' ? (locale === 'sv' ? 'platsbesök' : 'site visit') : locale === 'sv' ? 'återföringsbesök' : 'feedback visit'} ${formatInstant(visit.start, locale)}`,
    );
  return bits.join(' · ');
}

export function unitListCard(
  page: UnitPage,
  locale: Locale,
  options: { organisationName?: string; title?: string } = {},
): AdaptiveCard {
  const title = options.title ?? listTitle(page.filter, locale, options.organisationName);
  const body: CardElement[] = [
    heading(title),
    note(
      page.total === 0
        ? locale === 'sv'
          ? 'Inga enheter.'
          : 'No units.'
        : `${plural(page.total, UNITS.one, UNITS.many, locale)}${
            page.pages > 1
              ? locale === 'sv'
                ? `, sida ${page.page + 1} av ${page.pages}`
                : `, page ${page.page + 1} of ${page.pages}`
              : ''
          }`,
    ),
  ];
  for (const row of page.items) {
    body.push({
      type: 'Container',
      separator: true,
      spacing: 'small',
      selectAction: execute(row.name, 'status.unit', { unitId: row.unitId, year: page.year }),
      items: [
        { type: 'TextBlock', text: row.name, weight: 'bolder', wrap: true, color: 'accent' },
        {
          type: 'TextBlock',
          text: rowLine(row, locale),
          wrap: true,
          isSubtle: true,
          spacing: 'none',
          size: 'small',
        },
      ],
    });
  }
  const actions: CardAction[] = [];
  const filter = page.filter;
  if (page.page > 0)
    actions.push(
      execute(locale === 'sv' ? '◀ Föregående' : '◀ Previous', 'status.list', {
        filter,
        page: page.page - 1,
        pageSize: page.pageSize,
      }),
    );
  if (page.page + 1 < page.pages)
    actions.push(
      execute(locale === 'sv' ? 'Nästa ▶' : 'Next ▶', 'status.list', {
        filter,
        page: page.page + 1,
        pageSize: page.pageSize,
      }),
    );
  return adaptiveCard({
    fallbackText: [title, ...page.items.map((r) => `• ${r.name}: ${rowLine(r, locale)}`)].join(
      '\n',
    ),
    body,
    ...(actions.length ? { actions } : {}),
  });
}

// ---------------------------------------------------------------------------------------------------
// A unit

const SOURCE_LABELS: Record<string, L> = {
  mail: { sv: 'mejl', en: 'mail' },
  card: { sv: 'kort i Teams', en: 'Teams card' },
  tab: { sv: 'fliken', en: 'the tab' },
  bot: { sv: 'Teams-chatt', en: 'Teams chat' },
  system: { sv: 'systemet', en: 'the system' },
  phone: { sv: 'telefon', en: 'phone' },
};

export function unitDetailCard(
  detail: UnitDetail,
  locale: Locale,
  options: { coordinator: boolean },
): AdaptiveCard {
  const u = detail.unit;
  const body: CardElement[] = [heading(u.name)];
  body.push({
    type: 'FactSet',
    facts: [
      {
        title: locale === 'sv' ? 'Läge' : 'State',
        value: detail.state
          ? `${stateLabel(detail.state, locale)} (${detail.year})`
          : locale === 'sv'
            ? `Deltar inte ${detail.year}`
            : `Not taking part in ${detail.year}`,
      },
      { title: locale === 'sv' ? 'Klass' : 'Class', value: u.className[locale] },
      ...(u.organisationName
        ? [{ title: locale === 'sv' ? 'Nämnd' : 'Board', value: u.organisationName }]
        : []),
      { title: locale === 'sv' ? 'Chef' : 'Manager', value: `${u.managerName}, ${u.managerEmail}` },
      ...(u.phone ? [{ title: locale === 'sv' ? 'Telefon' : 'Phone', value: u.phone }] : []),
      ...(u.staffCount !== undefined
        ? [{ title: locale === 'sv' ? 'Medarbetare' : 'Staff', value: String(u.staffCount) }]
        : []),
    ],
  });
  if (detail.submissions.length > 0) {
    body.push(subheading(locale === 'sv' ? 'Bidrag' : 'Application'));
    body.push({
      type: 'FactSet',
      facts: detail.submissions.slice(0, 5).map((s, i) => ({
        title: `${i === 0 ? (locale === 'sv' ? 'Senaste' : 'Latest') : locale === 'sv' ? 'Tidigare' : 'Earlier'} ${formatInstant(s.sentAt, locale)}`,
        value:
          s.source === 'ils-webben'
            ? locale === 'sv'
              ? 'Inlämnat i ILS-webben'
              : 'Submitted in ILS-webben'
            : `${s.characters.toLocaleString(locale === 'sv' ? 'sv-SE' : 'en-GB')} ${locale === 'sv' ? 'tecken' : 'characters'}, ${s.answeredQuestions}/24 ${locale === 'sv' ? 'frågor' : 'questions'}${s.late ? (locale === 'sv' ? ', sent' : ', late') : ''}${s.problems.length ? ` (${s.problems.join(', ')})` : ''}`,
      })),
    });
  }
  body.push(subheading(locale === 'sv' ? 'Villkor' : 'Eligibility'));
  const e = detail.eligibility;
  body.push({
    type: 'TextBlock',
    wrap: true,
    text:
      e.decided === 'eligible'
        ? locale === 'sv'
          ? 'Uppfyller villkoren.'
          : 'Eligible.'
        : e.decided === 'not-eligible'
          ? `${locale === 'sv' ? 'Uppfyller inte villkoren' : 'Not eligible'}: ${e.reasons.map((r) => r[locale]).join(' ')}`
          : [
              locale === 'sv' ? 'Inte beslutat.' : 'Not decided.',
              ...e.reasons.map((r) => r[locale]),
              ...e.needsChecking.map((r) => r[locale]),
            ].join(' '),
  });
  if (detail.examinerTeam || detail.visits.length > 0) {
    body.push(subheading(locale === 'sv' ? 'Examination' : 'Examination'));
    body.push({
      type: 'FactSet',
      facts: [
        ...(detail.examinerTeam
          ? [
              {
                title: locale === 'sv' ? 'Examinatorslag' : 'Examiner team',
                value: `${detail.examinerTeam.name} (${detail.examinerTeam.leader})`,
              },
            ]
          : []),
        ...detail.visits.map((v) => ({
          title:
            v.kind === 'site'
              ? locale === 'sv'
                ? 'Platsbesök'
                : 'Site visit'
              : locale === 'sv'
                ? 'Återföringsbesök'
                : 'Feedback visit',
          value: `${v.status}${v.start ? `, ${formatInstant(v.start, locale)}` : ''}`,
        })),
      ],
    });
  }
  if (detail.history.length > 0) {
    body.push(subheading(locale === 'sv' ? 'Historik' : 'History'));
    body.push({
      type: 'FactSet',
      facts: detail.history.slice(-8).map((h) => ({
        title: formatInstant(h.at, locale),
        value: `${stateLabel(h.to, locale)} (${SOURCE_LABELS[h.source.kind]?.[locale] ?? h.source.kind}, ${h.by.name ?? h.by.id})${h.note ? `: ${h.note}` : ''}`,
      })),
    });
  }
  if (detail.notes.length > 0) {
    body.push(subheading(locale === 'sv' ? 'Anteckningar' : 'Notes'));
    for (const n of detail.notes.slice(-5))
      body.push(note(`${formatInstant(n.at, locale)}, ${n.by.name ?? n.by.id}: ${n.text}`));
  }
  const actions: CardAction[] = options.coordinator
    ? actsFor(detail.state).map((act) =>
        execute(t(ACT_LABELS[act], locale), 'status.prepare', {
          unitId: u.unitId,
          year: detail.year,
          act,
          expectedState: detail.state ?? 'none',
        }),
      )
    : [];
  return adaptiveCard({
    fallbackText: `${u.name}: ${detail.state ? stateLabel(detail.state, locale) : '-'}`,
    body,
    ...(actions.length ? { actions } : {}),
  });
}

/** The confirmation of an act: what will be recorded, inputs where the act needs them, confirm or cancel. */
export function confirmActCard(input: {
  locale: Locale;
  unitId: string;
  unitName: string;
  year: number;
  act: ActKind;
  expectedState: ParticipationState | 'none';
  confirmationId: string;
}): AdaptiveCard {
  const { locale, act } = input;
  const body: CardElement[] = [
    heading(t(ACT_LABELS[act], locale)),
    { type: 'TextBlock', text: t(ACT_QUESTIONS[act](input.unitName), locale), wrap: true },
  ];
  if (act === 'not-eligible')
    body.push({
      type: 'Input.ChoiceSet',
      id: 'rules',
      label: locale === 'sv' ? 'Villkor som inte är uppfyllda' : 'Rules not met',
      isMultiSelect: true,
      style: 'expanded',
      isRequired: true,
      errorMessage: locale === 'sv' ? 'Välj minst ett villkor.' : 'Choose at least one rule.',
      choices: (Object.keys(ELIGIBILITY_RULE_LABELS) as EligibilityRuleId[]).map((rule) => ({
        title: ELIGIBILITY_RULE_LABELS[rule][locale],
        value: rule,
      })),
    });
  body.push({
    type: 'Input.Text',
    id: 'note',
    label:
      act === 'note'
        ? locale === 'sv'
          ? 'Anteckning'
          : 'Note'
        : locale === 'sv'
          ? 'Kommentar (valfri)'
          : 'Comment (optional)',
    isMultiline: true,
    maxLength: 2000,
    ...(act === 'note'
      ? {
          isRequired: true,
          errorMessage: locale === 'sv' ? 'Skriv anteckningen.' : 'Write the note.',
        }
      : {}),
  });
  const data = {
    unitId: input.unitId,
    year: input.year,
    act,
    expectedState: input.expectedState,
    confirmationId: input.confirmationId,
  };
  return adaptiveCard({
    fallbackText: t(ACT_QUESTIONS[act](input.unitName), locale),
    body,
    actions: [
      execute(locale === 'sv' ? 'Bekräfta' : 'Confirm', 'status.act', data, { style: 'positive' }),
      execute(
        locale === 'sv' ? 'Avbryt' : 'Cancel',
        'status.unit',
        { unitId: input.unitId, year: input.year },
        { associatedInputs: 'none' },
      ),
    ],
  });
}

/** Several units fit the name: which one? */
export function unitChoiceCard(
  query: string,
  candidates: { unitId: string; name: string }[],
  year: number,
  locale: Locale,
): AdaptiveCard {
  const text =
    locale === 'sv'
      ? `Flera enheter liknar ”${query.slice(0, 60)}”. Vilken menar du?`
      : `Several units look like "${query.slice(0, 60)}". Which one do you mean?`;
  return adaptiveCard({
    fallbackText: [text, ...candidates.map((c) => `• ${c.name}`)].join('\n'),
    body: [
      { type: 'TextBlock', text, wrap: true, weight: 'bolder' },
      {
        type: 'ActionSet',
        actions: candidates
          .slice(0, 6)
          .map((c) => execute(c.name, 'status.unit', { unitId: c.unitId, year })),
      },
    ],
  });
}

/** A unit manager's "what is missing for us?". */
export function missingCard(detail: UnitDetail, locale: Locale): AdaptiveCard {
  const u = detail.unit;
  const body: CardElement[] = [
    heading(locale === 'sv' ? `Vad saknas för ${u.name}?` : `What is missing for ${u.name}?`),
  ];
  body.push({
    type: 'TextBlock',
    wrap: true,
    text: detail.state
      ? locale === 'sv'
        ? `Ert läge ${detail.year}: ${stateLabel(detail.state, locale)}.`
        : `Your state in ${detail.year}: ${stateLabel(detail.state, locale)}.`
      : locale === 'sv'
        ? `${u.name} är inte anmäld till Kvalitetsutmärkelsen ${detail.year}. Skicka en intresseanmälan till funktionsbrevlådan.`
        : `${u.name} is not registered for Kvalitetsutmärkelsen ${detail.year}. Send a pre-registration to the shared mailbox.`,
  });
  if (detail.due.length > 0) {
    body.push(subheading(locale === 'sv' ? 'Kvar att göra' : 'Still to do'));
    body.push({
      type: 'FactSet',
      facts: detail.due.map((d) => ({
        title: d.label[locale],
        value: `${d.when[locale]} (${locale === 'sv' ? `${d.daysLeft} dagar kvar` : `${d.daysLeft} days left`})`,
      })),
    });
  } else if (detail.state) {
    body.push({
      type: 'TextBlock',
      wrap: true,
      text: locale === 'sv' ? 'Inget saknas just nu.' : 'Nothing is missing right now.',
    });
  }
  const latest = detail.submissions[0];
  if (latest)
    body.push(
      note(
        latest.source === 'ils-webben'
          ? locale === 'sv'
            ? 'Bidraget är inlämnat i ILS-webben.'
            : 'The application was submitted in ILS-webben.'
          : locale === 'sv'
            ? `Senaste bidraget: ${formatInstant(latest.sentAt, locale)}, ${latest.characters.toLocaleString('sv-SE')} tecken, ${latest.answeredQuestions}/24 frågor.`
            : `Latest application: ${formatInstant(latest.sentAt, locale)}, ${latest.characters.toLocaleString('en-GB')} characters, ${latest.answeredQuestions}/24 questions.`,
      ),
    );
  return adaptiveCard({
    fallbackText: [
      locale === 'sv' ? `Vad saknas för ${u.name}?` : `What is missing for ${u.name}?`,
      ...detail.due.map((d) => `• ${d.label[locale]}: ${d.when[locale]}`),
    ].join('\n'),
    body,
  });
}

export { ACT_LABELS };
