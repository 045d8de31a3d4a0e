// The help card: what the bot can do, Swedish first, English for English-speaking users.
// A pure factory (data in, Adaptive Card 1.5 out); the bot decides when to send it.
import type { Bilingual, Locale } from '../core/model.js';
import { adaptiveCard, type AdaptiveCard, type CardAction, type CardElement } from './types.js';

export interface HelpCardData {
  locale: Locale;
  /** The tab's address, when the app has a public URL; adds an "open the overview" button. */
  tabUrl?: string;
  /** The text the user sent that the bot did not understand (adds a short hint at the top). */
  unrecognised?: string;
  /** A greeting for a new conversation (conversationUpdate). */
  welcome?: boolean;
  /** What this person can ask, for their role (coordinator, unit manager, examiner). */
  examples?: string[];
}

interface Capability {
  command: Bilingual;
  what: Bilingual;
}

/** The commands the bot answers, in the order the card lists them (also the manifest's commandLists). */
export const HELP_CAPABILITIES: readonly Capability[] = [
  {
    command: { sv: 'hjälp', en: 'help' },
    what: { sv: 'Visar vad jag kan hjälpa till med.', en: 'Shows what I can help you with.' },
  },
  {
    command: { sv: 'tidsplan', en: 'deadlines' },
    what: {
      sv: 'Nästa datum i årets omgång: intresseanmälan, bidrag, protokollsutdrag, besök.',
      en: "The next dates of this year's cycle: pre-registration, submission, board protocol, visits.",
    },
  },
  {
    command: { sv: 'granska', en: 'triage' },
    what: {
      sv: 'Mejl till funktionsbrevlådan som väntar på att en samordnare bestämmer vad de är.',
      en: 'Mails to the shared mailbox waiting for a coordinator to decide what they are.',
    },
  },
  {
    command: { sv: 'läget', en: 'status' },
    what: {
      sv: 'Samordnare: hur omgången ligger till, listor över enheter och en enhets detaljer.',
      en: "Coordinators: where the cycle stands, lists of units and a unit's details.",
    },
  },
  {
    command: { sv: 'vad saknas för oss?', en: 'what is missing?' },
    what: {
      sv: 'Enhetschefer: vad er enhet har kvar att göra, och till när.',
      en: 'Unit managers: what your unit still has to do, and by when.',
    },
  },
  {
    command: { sv: 'mina enheter', en: 'my units' },
    what: {
      sv: 'Examinatorer: ert lags enheter med bidrag och besök.',
      en: "Examiners: your team's units with their applications and visits.",
    },
  },
];

const TEXT = {
  title: { sv: 'Kvalitetsutmärkelsen', en: 'Kvalitetsutmärkelsen (Stockholm quality award)' },
  welcome: {
    sv: 'Hej! Jag är Kvalitetsutmärkelsens assistent i Teams.',
    en: "Hi! I'm the Kvalitetsutmärkelsen assistant in Teams.",
  },
  intro: {
    sv: 'Jag håller ordning på årets omgång: anmälningar och bidrag till funktionsbrevlådan, påminnelser före varje sista dag och bokning av platsbesök och återföringsbesök.',
    en: "I keep track of this year's award cycle: registrations and submissions to the shared mailbox, reminders before each deadline, and booking of site visits and feedback visits.",
  },
  commands: { sv: 'Skriv till mig:', en: 'Write to me:' },
  unrecognised: {
    sv: (text: string) => `Jag förstod inte ”${text}”. Det här kan jag:`,
    en: (text: string) => `I didn't understand "${text}". This is what I can do:`,
  },
  openTab: { sv: 'Öppna översikten', en: 'Open the overview' },
  examples: { sv: 'Till exempel:', en: 'For example:' },
  mailbox: {
    sv: 'Ansökningar skickas som vanligt till funktionsbrevlådan; jag läser den åt samordnarna.',
    en: 'Applications still go to the shared mailbox; I read it for the coordinators.',
  },
} as const;

const MAX_ECHO = 60;

export function helpCard(data: HelpCardData): AdaptiveCard {
  const { locale } = data;
  const body: CardElement[] = [
    {
      type: 'TextBlock',
      text: TEXT.title[locale],
      size: 'large',
      weight: 'bolder',
      style: 'heading',
      wrap: true,
    },
  ];
  if (data.unrecognised !== undefined) {
    body.push({
      type: 'TextBlock',
      text: TEXT.unrecognised[locale](echo(data.unrecognised)),
      wrap: true,
      color: 'attention',
    });
  } else if (data.welcome) {
    body.push({ type: 'TextBlock', text: TEXT.welcome[locale], wrap: true, weight: 'bolder' });
  }
  body.push(
    { type: 'TextBlock', text: TEXT.intro[locale], wrap: true },
    {
      type: 'TextBlock',
      text: TEXT.commands[locale],
      wrap: true,
      weight: 'bolder',
      spacing: 'medium',
    },
    {
      type: 'FactSet',
      facts: HELP_CAPABILITIES.map((c) => ({ title: c.command[locale], value: c.what[locale] })),
    },
    ...(data.examples && data.examples.length > 0
      ? [
          {
            type: 'TextBlock' as const,
            text: TEXT.examples[locale],
            wrap: true,
            weight: 'bolder' as const,
            spacing: 'medium' as const,
          },
          {
            type: 'TextBlock' as const,
            text: data.examples.map((e) => `- ${e}`).join('\n'),
            wrap: true,
          },
        ]
      : []),
    {
      type: 'TextBlock',
      text: TEXT.mailbox[locale],
      wrap: true,
      isSubtle: true,
      size: 'small',
      spacing: 'medium',
    },
  );
  const actions: CardAction[] = data.tabUrl
    ? [{ type: 'Action.OpenUrl', title: TEXT.openTab[locale], url: data.tabUrl }]
    : [];

  const fallbackText = [
    TEXT.title[locale],
    data.unrecognised !== undefined
      ? TEXT.unrecognised[locale](echo(data.unrecognised))
      : TEXT.intro[locale],
    ...HELP_CAPABILITIES.map((c) => `• ${c.command[locale]}: ${c.what[locale]}`),
  ].join('\n');

  return adaptiveCard({
    fallbackText,
    speak: TEXT.intro[locale],
    body,
    ...(actions.length > 0 ? { actions } : {}),
  });
}

/** The user's words, shortened and stripped of markdown that would change the card's look. */
function echo(text: string): string {
  const plain = text
    .replace(/[*_~`#[\]<>]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > MAX_ECHO ? `${plain.slice(0, MAX_ECHO - 1)}…` : plain;
}
