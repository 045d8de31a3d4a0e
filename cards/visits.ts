// Cards of site and feedback visits: the proposals a team leader books from (one Action.Execute per
// time), the booked visit (cancel, find another time), the team leader's list of units to visit and
// the coordinators' visit calendar and assignment proposal. Pure factories, Swedish first.
import { formatTimeRange } from '../core/format.js';
import type { Locale } from '../core/model.js';
import type { AlternativeSlot, ProposedSlot, VisitKind, VisitMode } from '../core/visits/index.js';
import { adaptiveCard, type AdaptiveCard, type CardElement, type ExecuteAction } from './types.js';

export type VisitVerb = 'visit.book' | 'visit.propose' | 'visit.cancel' | 'visit.assign';
export const VISIT_VERBS: readonly VisitVerb[] = [
  'visit.book',
  'visit.propose',
  'visit.cancel',
  'visit.assign',
];

/** What every visit action carries: which visit (unit, cycle year, kind). */
export interface VisitRef {
  unitId: string;
  year: number;
  kind: VisitKind;
}

export interface VisitBookData extends VisitRef {
  mode: VisitMode;
  start: string;
  end: string;
}

const tr = (locale: Locale, sv: string, en: string) => (locale === 'sv' ? sv : en);

export const kindName = (kind: VisitKind, locale: Locale): string =>
  kind === 'site'
    ? tr(locale, 'Platsbesök', 'Site visit')
    : tr(locale, 'Återföringsbesök', 'Feedback visit');

const modeName = (mode: VisitMode, locale: Locale) =>
  mode === 'on-site'
    ? tr(locale, 'på plats', 'on site')
    : tr(locale, 'digitalt (Teams)', 'online (Teams)');

/** Why the team leader gets proposals again. */
export type ProposalsOccasion = 'first' | 'declined' | 'taken' | 'rebook';

export interface VisitProposalsData {
  locale: Locale;
  ref: VisitRef;
  unitName: string;
  mode: VisitMode;
  slots: ProposedSlot[];
  tentativeOnly: boolean;
  alternatives: AlternativeSlot[];
  reason?: 'window-passed' | 'nobody-free';
  occasion?: ProposalsOccasion;
  /** Who declined (occasion 'declined'). */
  declinedBy?: string;
  /** The unit manager has no mailbox in the tenant: their calendar could not be read. */
  managerWithoutMailbox?: string;
  /** Names for addresses, for the "busy" lists of alternatives. */
  names?: Record<string, string>;
}

export function visitProposalsCard(d: VisitProposalsData): AdaptiveCard {
  const { locale, ref } = d;
  const body: CardElement[] = [
    {
      type: 'TextBlock',
      text: `${kindName(ref.kind, locale)}: ${d.unitName}`,
      size: 'medium',
      weight: 'bolder',
      wrap: true,
      style: 'heading',
    },
  ];
  const say = (text: string, color?: 'attention' | 'warning' | 'good') =>
    body.push({ type: 'TextBlock', text, wrap: true, ...(color ? { color } : {}) });
  if (d.occasion === 'declined')
    say(
      tr(
        locale,
        `${d.declinedBy ?? 'En deltagare'} har tackat nej till tiden. Här är nya förslag.`,
        `${d.declinedBy ?? 'An attendee'} declined the time. Here are new proposals.`,
      ),
      'warning',
    );
  if (d.occasion === 'taken')
    say(
      tr(
        locale,
        'Tiden hann bli upptagen innan den bokades. Här är nya förslag.',
        'The time was taken before it could be booked. Here are new proposals.',
      ),
      'warning',
    );
  if (d.managerWithoutMailbox)
    say(
      tr(
        locale,
        `${d.managerWithoutMailbox} har ingen kalender i stadens Microsoft 365, så förslagen bygger bara på lagets kalendrar. Stäm av tiden med enheten; inbjudan går som e-post.`,
        `${d.managerWithoutMailbox} has no calendar in the city's Microsoft 365, so the proposals use only the team's calendars. Check the time with the unit; the invitation goes by e-mail.`,
      ),
      'warning',
    );
  if (d.slots.length > 0) {
    say(
      tr(
        locale,
        `Lediga tider ${modeName(d.mode, locale)} för hela laget och enhetschefen. Välj en så bokas mötet i din kalender och alla bjuds in.`,
        `Free times ${modeName(d.mode, locale)} for the whole team and the unit manager. Choose one to book it in your calendar and invite everyone.`,
      ),
    );
    if (d.tentativeOnly)
      say(
        tr(
          locale,
          'Inga helt lediga tider finns: förslagen krockar med preliminära bokningar (markerade).',
          'No fully free times: the proposals overlap tentative bookings (marked).',
        ),
        'warning',
      );
  } else if (d.reason === 'window-passed') {
    say(
      tr(
        locale,
        'Besöksperioden har passerat (eller ligger närmare än ledtiden på tio arbetsdagar). Kontakta samordnarna.',
        'The visit period has passed (or is closer than the ten working days of lead time). Contact the coordinators.',
      ),
      'attention',
    );
  } else {
    say(
      tr(
        locale,
        'Ingen tid i besöksperioden passar alla. Närmast ligger:',
        'No time in the visit period suits everyone. The nearest are:',
      ),
      'attention',
    );
    for (const alt of d.alternatives) {
      const who = alt.busy.map((a) => d.names?.[a] ?? a).join(', ');
      say(
        `• ${formatTimeRange(alt.start, alt.end, locale)} – ${tr(locale, 'upptagna', 'busy')}: ${who}`,
      );
    }
  }
  // At most four times: with the switch below that fills the five actions a card may hold.
  const actions: ExecuteAction<VisitVerb>[] = d.slots.slice(0, 4).map((slot) => ({
    type: 'Action.Execute',
    verb: 'visit.book',
    title:
      formatTimeRange(slot.start, slot.end, locale) +
      (slot.tentativeWith.length > 0 ? tr(locale, ' (preliminärt upptagen)', ' (tentative)') : ''),
    data: { ...ref, mode: d.mode, start: slot.start, end: slot.end },
  }));
  const other: VisitMode = d.mode === 'on-site' ? 'digital' : 'on-site';
  actions.push({
    type: 'Action.Execute',
    verb: 'visit.propose',
    title: tr(
      locale,
      other === 'digital' ? 'Visa tider för digitalt besök' : 'Visa tider för besök på plats',
      other === 'digital' ? 'Show times for an online visit' : 'Show times on site',
    ),
    data: { ...ref, mode: other },
  });
  const fallback =
    d.slots.length > 0
      ? tr(locale, `${d.slots.length} förslag på tider`, `${d.slots.length} proposed times`)
      : tr(locale, 'Ingen tid passar alla', 'No time suits everyone');
  return adaptiveCard({
    fallbackText: `${kindName(ref.kind, locale)}: ${d.unitName}. ${fallback}.`,
    body,
    actions,
  });
}

export interface VisitBookedData {
  locale: Locale;
  ref: VisitRef;
  unitName: string;
  mode: VisitMode;
  start: string;
  end: string;
  location?: string;
  joinUrl?: string;
  /** Digital, but Graph gave no Teams link (the organizer has no Teams licence). */
  missingJoinUrl?: boolean;
  attendees: string[];
  /** 'already': the same booking again (a double click); 'moved': rebooked. */
  occasion?: 'booked' | 'already' | 'moved';
}

export function visitBookedCard(d: VisitBookedData): AdaptiveCard {
  const { locale, ref } = d;
  const headline =
    d.occasion === 'moved'
      ? tr(locale, 'Besöket är flyttat', 'The visit was moved')
      : d.occasion === 'already'
        ? tr(locale, 'Besöket var redan bokat', 'The visit was already booked')
        : tr(locale, 'Besöket är bokat', 'The visit is booked');
  const body: CardElement[] = [
    {
      type: 'TextBlock',
      text: `${kindName(ref.kind, locale)}: ${d.unitName}`,
      size: 'medium',
      weight: 'bolder',
      wrap: true,
      style: 'heading',
    },
    { type: 'TextBlock', text: headline, color: 'good', wrap: true },
    {
      type: 'FactSet',
      facts: [
        { title: tr(locale, 'Tid', 'Time'), value: formatTimeRange(d.start, d.end, locale) },
        {
          title: tr(locale, 'Form', 'Format'),
          value: modeName(d.mode, locale),
        },
        ...(d.location ? [{ title: tr(locale, 'Plats', 'Place'), value: d.location }] : []),
        { title: tr(locale, 'Inbjudna', 'Invited'), value: d.attendees.join(', ') },
      ],
    },
  ];
  if (d.missingJoinUrl)
    body.push({
      type: 'TextBlock',
      color: 'attention',
      wrap: true,
      text: tr(
        locale,
        'Outlook gav ingen Teams-länk (ditt konto saknar troligen Teams). Lägg till en möteslänk i inbjudan själv, eller be samordnarna boka mötet.',
        'Outlook returned no Teams link (your account probably has no Teams). Add a meeting link to the invitation yourself, or ask the coordinators to book it.',
      ),
    });
  const actions: (
    ExecuteAction<VisitVerb> | { type: 'Action.OpenUrl'; title: string; url: string }
  )[] = [];
  if (d.joinUrl)
    actions.push({
      type: 'Action.OpenUrl',
      title: tr(locale, 'Öppna Teams-mötet', 'Open the Teams meeting'),
      url: d.joinUrl,
    });
  actions.push(
    {
      type: 'Action.Execute',
      verb: 'visit.propose',
      title: tr(locale, 'Hitta en annan tid', 'Find another time'),
      data: { ...ref, mode: d.mode, rebook: true },
    },
    {
      type: 'Action.Execute',
      verb: 'visit.cancel',
      title: tr(locale, 'Avboka', 'Cancel the visit'),
      data: { ...ref },
    },
  );
  return adaptiveCard({
    fallbackText: `${headline}: ${d.unitName}, ${formatTimeRange(d.start, d.end, locale)}`,
    body,
    actions,
  });
}

export interface VisitListItem {
  ref: VisitRef;
  unitName: string;
  teamName?: string;
  status: 'unbooked' | 'booked' | 'held' | 'cancelled' | 'declined';
  start?: string;
  end?: string;
}

const statusName = (s: VisitListItem['status'], locale: Locale) =>
  ({
    unbooked: tr(locale, 'ej bokat', 'not booked'),
    booked: tr(locale, 'bokat', 'booked'),
    held: tr(locale, 'genomfört', 'held'),
    cancelled: tr(locale, 'avbokat', 'cancelled'),
    declined: tr(locale, 'nej-svar, boka om', 'declined, rebook'),
  })[s];

/** The team leader's units ("besök"), or the coordinators' visit calendar (with team names). */
export function visitListCard(d: {
  locale: Locale;
  title: string;
  items: VisitListItem[];
  /** Offer "find times" for unbooked visits (the team leader's own list). */
  bookable?: boolean;
}): AdaptiveCard {
  const { locale } = d;
  const body: CardElement[] = [
    {
      type: 'TextBlock',
      text: d.title,
      size: 'medium',
      weight: 'bolder',
      wrap: true,
      style: 'heading',
    },
  ];
  if (d.items.length === 0)
    body.push({
      type: 'TextBlock',
      text: tr(locale, 'Inga besök att visa.', 'No visits to show.'),
      wrap: true,
    });
  const facts = d.items.map((i) => ({
    title: `${i.unitName}${i.teamName ? ` (${i.teamName})` : ''}`,
    value: `${kindName(i.ref.kind, locale)}: ${
      i.start && i.end && i.status !== 'unbooked'
        ? `${formatTimeRange(i.start, i.end, locale)}, `
        : ''
    }${statusName(i.status, locale)}`,
  }));
  if (facts.length > 0) body.push({ type: 'FactSet', facts });
  const actions: ExecuteAction<VisitVerb>[] = d.bookable
    ? d.items
        .filter((i) => i.status === 'unbooked' || i.status === 'declined')
        // A card holds at most five actions.
        .slice(0, 5)
        .map((i) => ({
          type: 'Action.Execute',
          verb: 'visit.propose',
          title: tr(locale, `Hitta tid: ${i.unitName}`, `Find a time: ${i.unitName}`),
          data: { ...i.ref, mode: 'on-site' },
        }))
    : [];
  const unbooked = d.items.filter((i) => i.status === 'unbooked').length;
  return adaptiveCard({
    fallbackText: `${d.title}: ${d.items.length} ${tr(locale, 'besök', 'visits')}, ${unbooked} ${tr(locale, 'ej bokade', 'not booked')}`,
    body,
    ...(actions.length > 0 ? { actions } : {}),
  });
}

/** The coordinators' assignment proposal: accept it as a whole, or change single units in the tab. */
export function assignmentProposalCard(d: {
  locale: Locale;
  year: number;
  rows: { unitName: string; teamName: string }[];
  unassignable: { unitName: string; why: string }[];
}): AdaptiveCard {
  const { locale } = d;
  const body: CardElement[] = [
    {
      type: 'TextBlock',
      text: tr(locale, `Förslag: examinatorslag ${d.year}`, `Proposal: examiner teams ${d.year}`),
      size: 'medium',
      weight: 'bolder',
      wrap: true,
      style: 'heading',
    },
    {
      type: 'TextBlock',
      wrap: true,
      text: tr(
        locale,
        'Jämn fördelning mellan lagen; ingen examinator får en enhet i sin egen förvaltning eller en enhet de anmält jäv för.',
        'Balanced between teams; no examiner gets a unit of their own administration or one they declared a conflict with.',
      ),
    },
  ];
  if (d.rows.length > 0)
    body.push({
      type: 'FactSet',
      facts: d.rows.map((r) => ({ title: r.unitName, value: r.teamName })),
    });
  for (const u of d.unassignable)
    body.push({
      type: 'TextBlock',
      color: 'attention',
      wrap: true,
      text: `${u.unitName}: ${u.why}`,
    });
  return adaptiveCard({
    fallbackText: tr(locale, `Förslag på fördelning ${d.year}`, `Assignment proposal ${d.year}`),
    body,
    ...(d.rows.length > 0
      ? {
          actions: [
            {
              type: 'Action.Execute' as const,
              verb: 'visit.assign' satisfies VisitVerb,
              title: tr(locale, 'Fördela enligt förslaget', 'Assign as proposed'),
              data: { year: d.year },
            },
          ],
        }
      : {}),
  });
}
