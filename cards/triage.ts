// The triage card: one mail the app would not act on alone, with what it thinks (kind, unit), why,
// and buttons to confirm the suggestion or choose another kind and unit (Universal Actions with typed
// verbs). A pure factory: the same card is sent by "granska"/"triage" and returned after an action.
import { MAIL_KIND_LABELS, MAIL_KINDS, type MailKind } from '../core/intake/index.js';
import { formatInstant } from '../core/format.js';
import type { Bilingual, Locale } from '../core/model.js';
import type { TriageItem } from '../core/intake/index.js';
import type { AdaptiveCard, CardElement, ExecuteAction } from './types.js';

/** The verbs of the triage card's actions. */
export type TriageVerb = 'triage.confirm' | 'triage.apply' | 'triage.refresh';
export const TRIAGE_VERBS: readonly TriageVerb[] = [
  'triage.confirm',
  'triage.apply',
  'triage.refresh',
];

/** What an action carries back: the mail, and (confirm) the suggestion or (apply) the inputs. */
export interface TriageActionData {
  messageId: string;
  kind?: MailKind;
  unitId?: string;
  /** The info meeting a signup is for (offered when the mail did not say). */
  meetingId?: string;
}

interface ChoiceSetInput {
  type: 'Input.ChoiceSet';
  id: 'kind' | 'unitId' | 'meetingId';
  label: string;
  value?: string;
  style?: 'compact' | 'expanded' | 'filtered';
  isRequired?: boolean;
  errorMessage?: string;
  placeholder?: string;
  choices: { title: string; value: string }[];
}

export type TriageCard = Omit<AdaptiveCard, 'body' | 'actions'> & {
  body: (CardElement | ChoiceSetInput)[];
  actions?: ExecuteAction<TriageVerb>[];
  /** Universal Actions refresh: Teams asks for the current card when these users open it. */
  refresh?: { action: ExecuteAction<TriageVerb>; userIds?: string[] };
};

export interface TriageCardData {
  locale: Locale;
  item: TriageItem;
  /** Units to choose from (the candidates are listed first); keep the card small: at most ~150. */
  units: { id: string; name: string }[];
  /**
   * Users (AAD object ids, at most 60) whose card refreshes itself, so a coordinator sees at once
   * that a colleague already decided.
   */
  refreshUserIds?: string[];
}

const T = {
  title: {
    sv: 'Att granska: mejl till funktionsbrevlådan',
    en: 'To review: mail to the shared mailbox',
  },
  from: { sv: 'Från', en: 'From' },
  subject: { sv: 'Ämne', en: 'Subject' },
  received: { sv: 'Mottaget', en: 'Received' },
  suggestion: { sv: 'Förslag', en: 'Suggestion' },
  unit: { sv: 'Enhet', en: 'Unit' },
  noUnit: { sv: 'ingen säker enhet', en: 'no certain unit' },
  why: { sv: 'Varför jag frågar:', en: 'Why I ask:' },
  reasons: { sv: 'Vad jag såg:', en: 'What I saw:' },
  kind: { sv: 'Typ av mejl', en: 'Kind of mail' },
  pickUnit: {
    sv: 'Välj enhet (om mejlet gäller en enhet)',
    en: 'Choose the unit (if the mail is about one)',
  },
  confirm: { sv: 'Bekräfta förslaget', en: 'Confirm the suggestion' },
  apply: { sv: 'Spara mitt val', en: 'Save my choice' },
  none: { sv: '(ingen enhet)', en: '(no unit)' },
  pickMeeting: {
    sv: 'Vilket informationsmöte anmälan gäller',
    en: 'Which information meeting the signup is for',
  },
  chooseMeeting: { sv: 'Välj informationsmöte', en: 'Choose the information meeting' },
} as const;

/** Plain text for a TextBlock: markdown and links in a mail must not render as such. */
export function cardText(s: string, max = 400): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  const cut = flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
  return cut.replace(/([\\*_[\]()#>`~|-])/g, '\\$1');
}

const pct = (x: number) => `${Math.round(x * 100)} %`;
const kindName = (k: MailKind, l: Locale) => MAIL_KIND_LABELS[k][l];

export function triageCard(data: TriageCardData): TriageCard {
  const { locale: l, item } = data;
  const byId = new Map(data.units.map((u) => [u.id, u.name]));
  const suggestedUnit = item.suggestedUnitId ? byId.get(item.suggestedUnitId) : undefined;
  const candidateIds = item.candidates.map((c) => c.unitId);
  const unitChoices = [
    ...item.candidates.map((c) => ({ title: `${c.unitName} (${pct(c.score)})`, value: c.unitId })),
    ...data.units
      .filter((u) => !candidateIds.includes(u.id))
      .map((u) => ({ title: u.name, value: u.id })),
  ].slice(0, 150);
  const list = (items: Bilingual[]) => items.map((r) => `- ${cardText(r[l], 200)}`).join('\n');

  const body: TriageCard['body'] = [
    {
      type: 'TextBlock',
      text: T.title[l],
      size: 'medium',
      weight: 'bolder',
      wrap: true,
      style: 'heading',
    },
    {
      type: 'FactSet',
      facts: [
        { title: T.from[l], value: cardText(item.from ?? '–', 120) },
        { title: T.subject[l], value: cardText(item.subject ?? '–', 200) },
        { title: T.received[l], value: formatInstant(item.receivedAt, l) },
        {
          title: T.suggestion[l],
          value: `${kindName(item.suggestedKind, l)} (${pct(item.confidence)})`,
        },
        { title: T.unit[l], value: suggestedUnit ? cardText(suggestedUnit, 120) : T.noUnit[l] },
      ],
    },
  ];
  if (item.preview)
    body.push({ type: 'TextBlock', text: cardText(item.preview), wrap: true, isSubtle: true });
  if (item.triageReasons.length > 0)
    body.push(
      { type: 'TextBlock', text: T.why[l], weight: 'bolder', wrap: true, spacing: 'medium' },
      { type: 'TextBlock', text: list(item.triageReasons), wrap: true },
    );
  if (item.reasons.length > 0)
    body.push(
      { type: 'TextBlock', text: T.reasons[l], weight: 'bolder', wrap: true },
      { type: 'TextBlock', text: list(item.reasons.slice(0, 5)), wrap: true, isSubtle: true },
    );
  body.push(
    {
      type: 'Input.ChoiceSet',
      id: 'kind',
      label: T.kind[l],
      value: item.suggestedKind,
      style: 'compact',
      isRequired: true,
      errorMessage: T.kind[l],
      choices: MAIL_KINDS.map((k) => ({ title: kindName(k, l), value: k })),
    },
    {
      type: 'Input.ChoiceSet',
      id: 'unitId',
      label: T.pickUnit[l],
      ...(item.suggestedUnitId ? { value: item.suggestedUnitId } : {}),
      style: 'filtered',
      placeholder: T.none[l],
      choices: unitChoices,
    },
  );
  // Only a signup that did not say which meeting asks; the choices are the meetings it may mean.
  // The intake's most likely meeting is pre-selected; with none, the card is not sent until one is
  // chosen (a confirmation naming the wrong meeting sends a person to the wrong room).
  const suggestedMeeting = item.meetingChoices?.some((m) => m.id === item.suggestedMeetingId)
    ? item.suggestedMeetingId
    : undefined;
  if (item.meetingChoices?.length)
    body.push({
      type: 'Input.ChoiceSet',
      id: 'meetingId',
      label: T.pickMeeting[l],
      ...(suggestedMeeting ? { value: suggestedMeeting } : {}),
      style: 'compact',
      isRequired: true,
      errorMessage: T.chooseMeeting[l],
      placeholder: T.chooseMeeting[l],
      choices: item.meetingChoices.map((m) => ({ title: formatInstant(m.start, l), value: m.id })),
    });

  const actions: ExecuteAction<TriageVerb>[] = [
    {
      type: 'Action.Execute',
      title: T.confirm[l],
      verb: 'triage.confirm',
      data: {
        messageId: item.messageId,
        kind: item.suggestedKind,
        ...(item.suggestedUnitId ? { unitId: item.suggestedUnitId } : {}),
        ...(suggestedMeeting ? { meetingId: suggestedMeeting } : {}),
      },
    },
    {
      type: 'Action.Execute',
      title: T.apply[l],
      verb: 'triage.apply',
      data: { messageId: item.messageId },
    },
  ];
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText: `${T.title[l]}: ${item.subject ?? ''} (${item.from ?? ''}) – ${kindName(item.suggestedKind, l)}?`,
    body,
    actions,
    refresh: {
      action: {
        type: 'Action.Execute',
        title: T.title[l],
        verb: 'triage.refresh',
        data: { messageId: item.messageId },
      },
      ...(data.refreshUserIds?.length ? { userIds: data.refreshUserIds.slice(0, 60) } : {}),
    },
  };
}

export interface TriageDoneData {
  locale: Locale;
  subject?: string;
  kind: MailKind;
  unitName?: string;
  by: string;
  /** The outcome in words (e.g. "Förskolan X är nu intresseanmäld"). */
  outcome?: string;
}

/** What the card turns into once someone decided: who, what, and that the mail is handled. */
export function triageDoneCard(data: TriageDoneData): TriageCard {
  const l = data.locale;
  const title = l === 'sv' ? 'Granskat' : 'Reviewed';
  const line =
    l === 'sv'
      ? `${cardText(data.by, 80)} bestämde: ${kindName(data.kind, 'sv')}${data.unitName ? `, ${cardText(data.unitName, 120)}` : ''}.`
      : `${cardText(data.by, 80)} decided: ${kindName(data.kind, 'en')}${data.unitName ? `, ${cardText(data.unitName, 120)}` : ''}.`;
  const body: TriageCard['body'] = [
    {
      type: 'TextBlock',
      text: title,
      size: 'medium',
      weight: 'bolder',
      wrap: true,
      style: 'heading',
    },
    { type: 'TextBlock', text: cardText(data.subject ?? '–', 200), wrap: true, isSubtle: true },
    { type: 'TextBlock', text: line, wrap: true },
  ];
  if (data.outcome) body.push({ type: 'TextBlock', text: cardText(data.outcome), wrap: true });
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText: `${title}: ${line}`,
    body,
  };
}

/** A short card when nothing waits, or the count when several do. */
export function triageSummaryCard(locale: Locale, count: number, shown: number): TriageCard {
  const text =
    count === 0
      ? locale === 'sv'
        ? 'Inga mejl väntar på granskning.'
        : 'No mail is waiting for review.'
      : locale === 'sv'
        ? `${count} mejl väntar på granskning${count > shown ? ` (de ${shown} senaste visas)` : ''}.`
        : `${count} mails are waiting for review${count > shown ? ` (the ${shown} newest are shown)` : ''}.`;
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText: text,
    body: [{ type: 'TextBlock', text, wrap: true }],
  };
}
