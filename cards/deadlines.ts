// The deadlines card: the cycle's coming dates, each with its Swedish/English wording already
// formatted by core (e.g. "måndag 17 maj 2027 kl. 24.00"). A pure factory.
import type { Locale } from '../core/model.js';
import { adaptiveCard, type AdaptiveCard, type CardAction, type CardElement } from './types.js';

export interface DeadlineItem {
  /** What is due ("Sista dag för bidrag" / "Submission deadline"). */
  label: string;
  /** When, formatted for the locale. */
  when: string;
}

export interface DeadlinesCardData {
  locale: Locale;
  year: number;
  /** Upcoming dates, soonest first; empty when the cycle is over. */
  items: DeadlineItem[];
  tabUrl?: string;
}

const TEXT = {
  title: {
    sv: (y: number) => `Kvalitetsutmärkelsen ${y}: kommande datum`,
    en: (y: number) => `Kvalitetsutmärkelsen ${y}: coming dates`,
  },
  none: { sv: 'Inga fler datum i årets omgång.', en: 'No more dates in this cycle.' },
  openTab: { sv: 'Öppna översikten', en: 'Open the overview' },
} as const;

export function deadlinesCard(data: DeadlinesCardData): AdaptiveCard {
  const { locale } = data;
  const title = TEXT.title[locale](data.year);
  const body: CardElement[] = [
    {
      type: 'TextBlock',
      text: title,
      size: 'large',
      weight: 'bolder',
      style: 'heading',
      wrap: true,
    },
    data.items.length > 0
      ? { type: 'FactSet', facts: data.items.map((i) => ({ title: i.label, value: i.when })) }
      : { type: 'TextBlock', text: TEXT.none[locale], wrap: true },
  ];
  const actions: CardAction[] = data.tabUrl
    ? [{ type: 'Action.OpenUrl', title: TEXT.openTab[locale], url: data.tabUrl }]
    : [];
  return adaptiveCard({
    fallbackText: [title, ...data.items.map((i) => `• ${i.label}: ${i.when}`)].join('\n'),
    body,
    ...(actions.length > 0 ? { actions } : {}),
  });
}
