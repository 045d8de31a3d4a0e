// Site and feedback visits booked in Outlook: proposals from everyone's free/busy (core/visits),
// booking in the team leader's calendar (attendees, Teams meeting or visiting address, the documents
// to have ready), responses read back from the organizer's copy (a decline brings fresh proposals),
// rebooking that moves the same event, cancelling, and the participation moving on after the visit.
// Decide, then act: core decides the times; this module reads, reserves in the store, then calls
// Graph, and records what Graph answered. Every step is safe to repeat.
import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import { cycleForYear } from '../../core/cycle.js';
import type {
  Cycle,
  JuryResult,
  Participation,
  ParticipationState,
  Unit,
} from '../../core/model.js';
import { canTransition, transition } from '../../core/participation.js';
import { ZONE } from '../../core/time.js';
import {
  findSlots,
  obstaclesFor,
  proposeAssignments,
  type BookedVisit,
  type SlotAnswer,
  type VisitKind,
  type VisitMode,
  type VisitRules,
} from '../../core/visits/index.js';
import {
  cancelEvent,
  createEvent,
  getEvent,
  getEventResponses,
  STOCKHOLM_WINDOWS_TZ,
} from '../../graph/calendar.js';
import type { Graph } from '../../graph/client.js';
import { isGraphError } from '../../graph/errors.js';
import { getUser } from '../../graph/users.js';
import { updateEvent } from '../../graph/calendar.js';
import {
  visitId,
  type ExaminerTeamRecord,
  type Store,
  type VisitRecord,
} from '../../store/index.js';
import { VisitError } from './errors.js';
import { planProposals, slotPeopleFor } from './plan.js';
import { fetchSchedules, type PersonSchedule } from './schedule.js';

export interface VisitRef {
  unitId: string;
  year: number;
  kind: VisitKind;
}

/** Who acts: the bot gives an Entra object id, the tab a principal with both. */
export interface VisitActor {
  objectId?: string;
  address?: string;
  name?: string;
}

export type VisitStatus = 'proposed' | 'booking' | 'booked' | 'declined' | 'cancelled' | 'held';

export interface VisitDetails {
  mode: VisitMode;
  teamId: string;
  attendees: string[];
  examiners: string[];
  transactionId?: string;
  joinUrl?: string;
  missingJoinUrl?: boolean;
  location?: string;
  declinedBy?: string;
  /** Times someone declined: not offered again for this visit. */
  declinedTimes?: { start: string; end: string; by: string }[];
  bookedBy?: string;
  imported?: boolean;
  /** Bumped by each cancel, so booking again after a cancel is a new transactionId. */
  generation?: number;
  /** Earlier times of a visit moved from the tab: when it was moved, and by whom (an address). */
  moves?: { start: string; end: string; at: string; by: string }[];
}

export interface Proposals {
  ref: VisitRef;
  unit: Unit;
  team: ExaminerTeamRecord;
  mode: VisitMode;
  answer: SlotAnswer;
  managerWithoutMailbox?: string;
  names: Record<string, string>;
}

export type BookOutcome =
  | {
      outcome: 'booked' | 'already' | 'moved';
      visit: VisitRecord;
      unit: Unit;
      details: VisitDetails;
    }
  /** The time was taken meanwhile (calendar or another booking): fresh proposals. */
  | { outcome: 'taken'; proposals: Proposals };

/** Who moves a visit: a coordinator (role checked by the caller) may move any team's visit. */
export interface MoveActor extends VisitActor {
  coordinator?: boolean;
}

export type MoveOutcome =
  | {
      outcome: 'moved' | 'already';
      visit: VisitRecord;
      unit: Unit;
      team: ExaminerTeamRecord;
      details: VisitDetails;
      /** The time before the move. */
      from: { start: string; end: string };
    }
  /** The time was taken meanwhile: fresh proposals (the current time and the asked one left out). */
  | { outcome: 'taken'; proposals: Proposals };

export interface ResponseChange {
  visit: VisitRecord;
  /** A decline: fresh proposals for the team leader. */
  declined?: { by: string; proposals: Proposals };
  cancelled?: boolean;
}

export interface VisitsDeps {
  store: Store;
  graph: Graph;
  cycles: readonly Cycle[];
  now: () => Date;
  /** Mailbox whose calendar endpoint answers getSchedule (the shared mailbox). */
  scheduleAs: string;
  rules?: Partial<VisitRules>;
  /** Times per proposal (default 4, see propose). */
  proposalCount?: number;
  logger?: { info(o: unknown, m?: string): void; warn(o: unknown, m?: string): void };
}

const SYSTEM = { id: 'system:visits', name: 'Besöksbokning' };
const bi = (sv: string, en: string) => ({ sv, en });

export function createVisitsService(deps: VisitsDeps) {
  const { store, graph } = deps;
  const lower = (a: string) => a.trim().toLowerCase();

  async function addressOf(actor: VisitActor): Promise<string> {
    if (actor.address) return lower(actor.address);
    if (!actor.objectId)
      throw new VisitError('not-team-leader', bi('Okänd användare.', 'Unknown user.'));
    try {
      const user = await getUser(graph, actor.objectId, ['id', 'mail', 'userPrincipalName']);
      return lower(user.mail ?? user.userPrincipalName ?? '');
    } catch (e) {
      if (isGraphError(e, 'not-found'))
        throw new VisitError('not-team-leader', bi('Okänd användare.', 'Unknown user.'));
      throw e;
    }
  }

  async function context(ref: VisitRef) {
    const unit = await store.units.get(ref.unitId);
    if (!unit)
      throw new VisitError(
        'unknown-unit',
        bi(`Okänd enhet: ${ref.unitId}`, `Unknown unit: ${ref.unitId}`),
      );
    const assignment = await store.examinerTeams.assignment(ref.unitId, ref.year);
    const team = assignment && (await store.examinerTeams.getTeam(assignment.teamId));
    if (!team)
      throw new VisitError(
        'not-assigned',
        bi(
          `${unit.name} har inget examinatorslag ${ref.year}.`,
          `${unit.name} has no examiner team in ${ref.year}.`,
        ),
      );
    return { unit, team };
  }

  async function requireLeader(actor: VisitActor, team: ExaminerTeamRecord): Promise<string> {
    const address = await addressOf(actor);
    if (address !== team.leader)
      throw new VisitError(
        'not-team-leader',
        bi(
          `Bara lagledaren för ${team.name} kan boka och ändra lagets besök.`,
          `Only the team leader of ${team.name} can book and change the team's visits.`,
        ),
      );
    return address;
  }

  const windowOf = (year: number, kind: VisitKind) => {
    const cycle = cycleForYear(deps.cycles, year);
    return kind === 'site' ? cycle.timeline.siteVisitWindow : cycle.timeline.feedbackVisitWindow;
  };

  /** The cycle file's visit rules (lengths, lead time, ...), then the deps' overrides (tests). */
  const rulesFor = (year: number): Partial<VisitRules> => ({
    ...cycleForYear(deps.cycles, year).visits,
    ...deps.rules,
  });

  const span = (window: { from: string; to: string }) => ({
    from: DateTime.fromISO(window.from, { zone: ZONE }).toISO()!,
    to: DateTime.fromISO(window.to, { zone: ZONE }).plus({ days: 1 }).toISO()!,
  });

  /** Booked visits of these examiners (any unit of the year), for the daily cap, buffer and load. */
  async function bookedVisitsOf(
    year: number,
    examiners: string[],
    except?: string,
  ): Promise<BookedVisit[]> {
    const set = new Set(examiners);
    const out: BookedVisit[] = [];
    for (const v of await store.visits.listForYear(year)) {
      if (v.id === except || !v.start || !v.end) continue;
      if (v.status !== 'booked' && v.status !== 'booking' && v.status !== 'held') continue;
      const d = v.details as unknown as VisitDetails | undefined;
      for (const e of d?.examiners ?? [])
        if (set.has(e))
          out.push({ examinerId: e, start: v.start, end: v.end, onSite: d?.mode === 'on-site' });
    }
    return out;
  }

  function peopleOf(unit: Unit, team: ExaminerTeamRecord) {
    const examiners = team.members.map((m) => m.address);
    const manager = lower(unit.managerEmail);
    return { examiners, manager, all: [...new Set([...examiners, manager])] };
  }

  const slotPeople = (
    unit: Unit,
    team: ExaminerTeamRecord,
    schedules: Map<string, PersonSchedule>,
    own?: VisitRecord,
  ) => slotPeopleFor(unit, team, schedules, own);

  async function holdsAsBusy(addresses: string[], from: string, to: string, except: string) {
    const holds = await store.visits.holds(addresses, from, to);
    return holds.filter((h) => h.visitId !== except);
  }

  async function propose(
    ref: VisitRef,
    mode: VisitMode,
    options: { exclude?: { start: string; end: string }[]; at?: string; count?: number } = {},
  ): Promise<Proposals> {
    const { unit, team } = await context(ref);
    const window = windowOf(ref.year, ref.kind);
    const { from, to } = span(window);
    const { all, examiners } = peopleOf(unit, team);
    const id = visitId(ref.year, ref.kind, ref.unitId);
    const own = await store.visits.get(id);
    const schedules = await fetchSchedules(graph, {
      asUser: deps.scheduleAs,
      addresses: all,
      from,
      to,
    });
    const { people, managerWithoutMailbox } = slotPeople(unit, team, schedules, own);
    // Times other bookings hold right now (their events may not be in the calendars yet).
    for (const h of await holdsAsBusy(all, from, to, id)) {
      const p = people.find((x) => x.id === h.address);
      p?.busy.push({ start: h.start, end: h.end, status: 'busy' });
    }
    const answer = findSlots({
      // Four times and a switch between on site and online fill the five actions a card may hold.
      count: options.count ?? deps.proposalCount ?? 4,
      now: deps.now().toISOString(),
      window,
      kind: ref.kind,
      mode,
      people,
      visits: await bookedVisitsOf(ref.year, examiners, id),
      exclude: [
        ...(options.exclude ?? []),
        ...((own?.details as unknown as VisitDetails | undefined)?.declinedTimes ?? []),
      ],
      ...(options.at ? { at: options.at } : {}),
      rules: rulesFor(ref.year),
    });
    const names: Record<string, string> = { [lower(unit.managerEmail)]: unit.managerName };
    for (const m of team.members) if (m.name) names[m.address] = m.name;
    return {
      ref,
      unit,
      team,
      mode,
      answer,
      names,
      ...(managerWithoutMailbox ? { managerWithoutMailbox } : {}),
    };
  }

  /** Proposals for the team leader (refused for anyone else). */
  async function proposeFor(
    actor: VisitActor,
    ref: VisitRef,
    mode: VisitMode,
    exclude?: { start: string; end: string }[],
  ) {
    const { team } = await context(ref);
    await requireLeader(actor, team);
    return propose(ref, mode, exclude ? { exclude } : {});
  }

  function eventBody(unit: Unit, ref: VisitRef, mode: VisitMode): string {
    const year = ref.year;
    const items =
      ref.kind === 'site'
        ? [
            `Verksamhetsplan eller motsvarande ${year}`,
            `Årsredovisning/verksamhetsberättelse eller motsvarande ${year - 1}`,
            'Verksamhetens eventuella kvalitetsgaranti',
            'Rutiner för klagomålshantering',
            'Dokumentation av brukardialog/enkät',
            'Dokumentation av medarbetarenkät',
          ]
        : [];
    const intro =
      ref.kind === 'site'
        ? `<p>Välkommen till platsbesök inom Stockholms stads kvalitetsutmärkelse ${year}. Examinatorerna ställer frågor till såväl chef som medarbetare${mode === 'on-site' ? ', och visa gärna runt i verksamheten' : ''}. Lagledaren kommer överens med er om vilka som bör närvara.</p>`
        : `<p>Återföringsbesök inom Stockholms stads kvalitetsutmärkelse ${year}: examinatorslaget återkopplar verksamhetens starka sidor och möjligheter till utveckling, som underlag för er egen handlingsplan.</p>`;
    const docs =
      items.length > 0
        ? `<p>Ha följande dokument tillgängliga för examinatorerna:</p><ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul><p>Eventuellt kan även annan dokumentation efterfrågas.</p>`
        : '';
    const where =
      mode === 'digital'
        ? '<p>Besöket sker digitalt i Microsoft Teams (länk i inbjudan).</p>'
        : unit.visitingAddress
          ? `<p>Plats: ${escapeHtml(addressLine(unit))}</p>`
          : '';
    return `<div lang="sv"><p>${escapeHtml(unit.name)}</p>${intro}${where}${docs}</div>`;
  }

  /**
   * What a booked visit's event says (subject, attendees, location, the body with the documents to
   * have ready): booking through Graph sends it, and the Outlook add-in fills an appointment with it.
   */
  function eventContent(
    unit: Unit,
    team: ExaminerTeamRecord,
    ref: VisitRef,
    mode: VisitMode,
    leader: string,
  ) {
    const { all, manager } = peopleOf(unit, team);
    const onSite =
      mode === 'on-site' && unit.visitingAddress ? `${unit.name}, ${addressLine(unit)}` : undefined;
    return {
      subject: `${ref.kind === 'site' ? 'Platsbesök' : 'Återföringsbesök'} Kvalitetsutmärkelsen: ${unit.name}`,
      attendees: all
        .filter((a) => a !== leader)
        .map((address) => ({
          address,
          ...(address === manager ? { name: unit.managerName } : {}),
        })),
      html: eventBody(unit, ref, mode),
      location: onSite ?? (mode === 'digital' ? 'Microsoft Teams-möte' : unit.name),
      teamsMeeting: mode === 'digital',
      categories: ['Kvalitetsutmärkelsen'],
    };
  }

  /** The event content for the team leader's own appointment (the Outlook add-in fills it in). */
  async function appointmentFor(actor: VisitActor, ref: VisitRef, mode: VisitMode) {
    const { unit, team } = await context(ref);
    const leader = await requireLeader(actor, team);
    return eventContent(unit, team, ref, mode, leader);
  }

  async function book(
    actor: VisitActor,
    ref: VisitRef,
    mode: VisitMode,
    start: string,
    end: string,
  ): Promise<BookOutcome> {
    const startDt = DateTime.fromISO(start, { setZone: true });
    const endDt = DateTime.fromISO(end, { setZone: true });
    if (!startDt.isValid || !endDt.isValid || endDt <= startDt)
      throw new VisitError('bad-input', bi('Ogiltig tid.', 'Invalid time.'));
    const { unit, team } = await context(ref);
    const leader = await requireLeader(actor, team);
    const id = visitId(ref.year, ref.kind, ref.unitId);
    const current = await store.visits.get(id);
    const same = (v: VisitRecord | undefined) =>
      v?.start !== undefined &&
      Date.parse(v.start) === startDt.toMillis() &&
      Date.parse(v.end ?? '') === endDt.toMillis();
    if (current && current.status === 'booked' && same(current) && current.eventId)
      return {
        outcome: 'already',
        visit: current,
        unit,
        details: current.details as unknown as VisitDetails,
      };
    if (current?.status === 'held')
      throw new VisitError(
        'illegal-state',
        bi('Besöket är redan genomfört.', 'The visit has already taken place.'),
      );

    // Still free? Calendars change between the card and the click.
    const check = await propose(ref, mode, { at: startDt.toISO()! });
    if (check.answer.slots.length === 0) {
      const fresh = await propose(ref, mode, { exclude: [{ start, end }] });
      return { outcome: 'taken', proposals: fresh };
    }

    const { all, examiners, manager } = peopleOf(unit, team);
    const attendees = all.filter((a) => a !== leader);
    const location =
      mode === 'on-site' && unit.visitingAddress ? `${unit.name}, ${addressLine(unit)}` : undefined;
    const previous = current?.details as unknown as VisitDetails | undefined;
    const rebooking = Boolean(current?.eventId) && current?.status !== 'cancelled';
    // The same visit, time and generation give the same id: a double click creates one event.
    const generation = previous?.generation ?? 0;
    const transactionId =
      rebooking && previous?.transactionId
        ? previous.transactionId
        : `kvu-${createHash('sha256').update(`${id}|${startDt.toMillis()}|${generation}`).digest('hex').slice(0, 32)}`;
    const details: VisitDetails = {
      mode,
      teamId: team.id,
      attendees,
      examiners,
      transactionId,
      generation,
      bookedBy: leader,
      ...(previous?.declinedTimes ? { declinedTimes: previous.declinedTimes } : {}),
      ...(location ? { location } : {}),
    };
    const reserved = await store.visits.reserve(
      {
        id,
        unitId: ref.unitId,
        year: ref.year,
        kind: ref.kind,
        status: 'booking',
        start: startDt.toISO()!,
        end: endDt.toISO()!,
        organizer: leader,
        ...(current?.eventId && rebooking ? { eventId: current.eventId } : {}),
        details: details as unknown as Record<string, unknown>,
      },
      [...examiners, manager],
    );
    if (!reserved.reserved) {
      const fresh = await propose(ref, mode, { exclude: [{ start, end }] });
      return { outcome: 'taken', proposals: fresh };
    }

    const dtz = (dt: DateTime) => ({
      dateTime: dt.setZone(ZONE).toFormat("yyyy-MM-dd'T'HH:mm:ss"),
      timeZone: STOCKHOLM_WINDOWS_TZ,
    });
    const eventInput = {
      ...eventContent(unit, team, ref, mode, leader),
      start: dtz(startDt),
      end: dtz(endDt),
    };
    let event;
    try {
      event =
        rebooking && current?.eventId
          ? await updateEvent(graph, leader, current.eventId, eventInput)
          : await createEvent(graph, leader, { ...eventInput, transactionId });
    } catch (e) {
      // Nothing booked or moved: give the new time back, keep the visit as it was.
      await store.visits.release(id);
      if (current) {
        const { createdAt: _c, updatedAt: _u, ...before } = current;
        if (current.status === 'booked' && current.start && current.end)
          await store.visits.reserve(before, [...examiners, manager]);
        else await store.visits.upsert(before);
      } else {
        await store.visits.upsert({
          id,
          unitId: ref.unitId,
          year: ref.year,
          kind: ref.kind,
          status: 'proposed',
        });
      }
      throw e;
    }
    const joinUrl = event.onlineMeeting?.joinUrl ?? undefined;
    const final: VisitDetails = {
      ...details,
      ...(joinUrl ? { joinUrl } : {}),
      ...(mode === 'digital' && !joinUrl ? { missingJoinUrl: true } : {}),
    };
    await store.visits.upsert({
      id,
      unitId: ref.unitId,
      year: ref.year,
      kind: ref.kind,
      status: 'booked',
      start: startDt.toISO()!,
      end: endDt.toISO()!,
      organizer: leader,
      eventId: event.id!,
      details: final as unknown as Record<string, unknown>,
    });
    deps.logger?.info(
      { visit: id, event: event.id, rebooking },
      rebooking ? 'visit moved' : 'visit booked',
    );
    const visit = (await store.visits.get(id))!;
    return { outcome: rebooking ? 'moved' : 'booked', visit, unit, details: final };
  }

  /** Who may move a booked visit: the unit's team leader, or a coordinator (the caller checked the role). */
  async function requireMover(
    actor: MoveActor,
    unit: Unit,
    team: ExaminerTeamRecord,
  ): Promise<string> {
    const address = await addressOf(actor);
    if (actor.coordinator || address === team.leader) return address;
    throw new VisitError(
      'not-team-leader',
      bi(
        `Bara lagledaren för ${team.name} eller en samordnare kan flytta besöket hos ${unit.name}.`,
        `Only the team leader of ${team.name} or a coordinator can move the visit at ${unit.name}.`,
      ),
    );
  }

  /** The visit as it is now, if it can be moved: booked, with its event, and not yet held. */
  async function movable(ref: VisitRef, unit: Unit): Promise<VisitRecord & { eventId: string }> {
    const current = await getVisit(ref);
    if (
      current?.status === 'held' ||
      (current?.status === 'booked' &&
        current.end &&
        Date.parse(current.end) <= deps.now().getTime())
    )
      throw new VisitError(
        'illegal-state',
        bi(
          `Besöket hos ${unit.name} är redan genomfört och kan inte flyttas.`,
          `The visit at ${unit.name} has already taken place and cannot be moved.`,
        ),
      );
    if (current?.status === 'cancelled')
      throw new VisitError(
        'not-booked',
        bi(
          `Besöket hos ${unit.name} är avbokat: boka en ny tid i stället.`,
          `The visit at ${unit.name} is cancelled: book a new time instead.`,
        ),
      );
    if (current?.status === 'declined')
      throw new VisitError(
        'not-booked',
        bi(
          `Någon har tackat nej till besöket hos ${unit.name}: boka en ny tid med "Hitta tid".`,
          `Someone declined the visit at ${unit.name}: book a new time with "Find a time".`,
        ),
      );
    if (current?.status === 'booking')
      throw new VisitError(
        'illegal-state',
        bi(
          `Besöket hos ${unit.name} bokas just nu: försök igen om en stund.`,
          `The visit at ${unit.name} is being booked right now: try again in a moment.`,
        ),
      );
    if (current?.status !== 'booked' || !current.eventId || !current.start || !current.end)
      throw new VisitError(
        'not-booked',
        bi(
          `Inget bokat besök hos ${unit.name} att flytta.`,
          `No booked visit at ${unit.name} to move.`,
        ),
      );
    return current as VisitRecord & { eventId: string };
  }

  /** Fresh times for moving a booked visit: the booking's proposals, the current time left out. */
  async function proposeMove(
    actor: MoveActor,
    ref: VisitRef,
  ): Promise<{ proposals: Proposals; current: { start: string; end: string } }> {
    const { unit, team } = await context(ref);
    await requireMover(actor, unit, team);
    const visit = await movable(ref, unit);
    const current = { start: visit.start!, end: visit.end! };
    const mode = (visit.details as unknown as VisitDetails).mode;
    return { proposals: await propose(ref, mode, { exclude: [current] }), current };
  }

  /**
   * Moves a booked visit that has not taken place: the same Outlook event, only its start and end
   * PATCHed in the organizer's calendar (Outlook sends every attendee the update and asks them
   * again; the event id and transactionId stay), the time held for everyone first as booking does,
   * and the move recorded on the visit. A time no longer free answers `taken` with fresh proposals.
   */
  async function move(
    actor: MoveActor,
    ref: VisitRef,
    start: string,
    end: string,
  ): Promise<MoveOutcome> {
    const startDt = DateTime.fromISO(start, { setZone: true });
    const endDt = DateTime.fromISO(end, { setZone: true });
    if (!startDt.isValid || !endDt.isValid || endDt <= startDt)
      throw new VisitError('bad-input', bi('Ogiltig tid.', 'Invalid time.'));
    const { unit, team } = await context(ref);
    const by = await requireMover(actor, unit, team);
    const current = await movable(ref, unit);
    const d = current.details as unknown as VisitDetails;
    const from = { start: current.start!, end: current.end! };
    if (Date.parse(from.start) === startDt.toMillis() && Date.parse(from.end) === endDt.toMillis())
      return { outcome: 'already', visit: current, unit, team, details: d, from };

    const taken = async (): Promise<MoveOutcome> => ({
      outcome: 'taken',
      proposals: await propose(ref, d.mode, { exclude: [from, { start, end }] }),
    });
    // Still free? Calendars change between the proposals and the click.
    const check = await propose(ref, d.mode, { at: startDt.toISO()! });
    if (check.answer.slots.length === 0) return taken();

    const { examiners, manager } = peopleOf(unit, team);
    const people = [...new Set([...examiners, manager])];
    const { createdAt: _c, updatedAt: _u, ...before } = current;
    const details: VisitDetails = {
      ...d,
      moves: [...(d.moves ?? []), { ...from, at: deps.now().toISOString(), by }],
    };
    const reserved = await store.visits.reserve(
      {
        ...before,
        status: 'booking',
        start: startDt.toISO()!,
        end: endDt.toISO()!,
        details: details as unknown as Record<string, unknown>,
      },
      people,
    );
    if (!reserved.reserved) return taken();

    const organizer = current.organizer ?? team.leader;
    const dtz = (dt: DateTime) => ({
      dateTime: dt.setZone(ZONE).toFormat("yyyy-MM-dd'T'HH:mm:ss"),
      timeZone: STOCKHOLM_WINDOWS_TZ,
    });
    try {
      await updateEvent(graph, organizer, current.eventId, {
        start: dtz(startDt),
        end: dtz(endDt),
      });
    } catch (e) {
      if (isGraphError(e, 'not-found')) {
        // Removed in Outlook meanwhile: the visit is cancelled, as the sweep would find.
        await store.visits.release(current.id);
        const { eventId: _gone, ...rest } = before;
        await store.visits.upsert({ ...rest, status: 'cancelled' });
        throw new VisitError(
          'not-booked',
          bi(
            `Mötet för besöket hos ${unit.name} har tagits bort i Outlook: boka en ny tid.`,
            `The meeting for the visit at ${unit.name} was removed in Outlook: book a new time.`,
          ),
        );
      }
      // Nothing moved: the visit keeps its time, and holds it again.
      await store.visits.reserve(before, people);
      throw e;
    }
    await store.visits.upsert({
      ...before,
      status: 'booked',
      start: startDt.toISO()!,
      end: endDt.toISO()!,
      details: details as unknown as Record<string, unknown>,
    });
    deps.logger?.info({ visit: current.id, event: current.eventId, by }, 'visit moved');
    const visit = (await store.visits.get(current.id))!;
    return { outcome: 'moved', visit, unit, team, details, from };
  }

  /**
   * A visit the team leader booked in Outlook (the add-in filled the appointment and saved it):
   * recorded from the saved event, read back from the leader's calendar by its immutable id, so its
   * responses and changes are tracked as for a visit booked here, and no second event is created.
   * The same event again records nothing new (a moved time moves the visit); a time another booking
   * took meanwhile answers fresh proposals.
   */
  async function recordFromEvent(
    actor: VisitActor,
    ref: VisitRef,
    mode: VisitMode,
    eventId: string,
  ): Promise<BookOutcome> {
    const { unit, team } = await context(ref);
    const leader = await requireLeader(actor, team);
    let event;
    try {
      event = await getEvent(graph, leader, eventId, 'UTC');
    } catch (e) {
      if (!isGraphError(e, 'not-found')) throw e;
      throw new VisitError(
        'bad-input',
        bi(
          'Mötet finns inte i din kalender: spara det först.',
          'The meeting is not in your calendar: save it first.',
        ),
      );
    }
    const start = instantOf(event.start?.dateTime, event.start?.timeZone);
    const end = instantOf(event.end?.dateTime, event.end?.timeZone);
    if (!start || !end || Date.parse(end) <= Date.parse(start) || event.isCancelled)
      throw new VisitError(
        'bad-input',
        bi('Mötet har ingen giltig tid.', 'The meeting has no valid time.'),
      );
    const id = visitId(ref.year, ref.kind, ref.unitId);
    const current = await store.visits.get(id);
    if (current?.status === 'held')
      throw new VisitError(
        'illegal-state',
        bi('Besöket är redan genomfört.', 'The visit has already taken place.'),
      );
    if (current?.status === 'booked' && current.eventId && current.eventId !== eventId)
      throw new VisitError(
        'illegal-state',
        bi(
          `${unit.name} har redan ett bokat besök: ändra eller avboka det först.`,
          `${unit.name} already has a booked visit: change or cancel that one first.`,
        ),
      );
    const sameTime =
      current?.start !== undefined &&
      Date.parse(current.start) === Date.parse(start) &&
      Date.parse(current.end ?? '') === Date.parse(end);
    if (current?.status === 'booked' && current.eventId === eventId && sameTime)
      return {
        outcome: 'already',
        visit: current,
        unit,
        details: current.details as unknown as VisitDetails,
      };
    const { examiners, manager } = peopleOf(unit, team);
    const previous = current?.details as unknown as VisitDetails | undefined;
    const joinUrl = event.onlineMeeting?.joinUrl ?? undefined;
    const details: VisitDetails = {
      mode,
      teamId: team.id,
      attendees: (event.attendees ?? [])
        .map((a) => lower(a.emailAddress?.address ?? ''))
        .filter(Boolean),
      examiners,
      bookedBy: leader,
      generation: previous?.generation ?? 0,
      ...(event.location?.displayName ? { location: event.location.displayName } : {}),
      ...(joinUrl ? { joinUrl } : {}),
      ...(mode === 'digital' && !joinUrl ? { missingJoinUrl: true } : {}),
    };
    const reserved = await store.visits.reserve(
      {
        id,
        unitId: ref.unitId,
        year: ref.year,
        kind: ref.kind,
        status: 'booked',
        start,
        end,
        organizer: leader,
        eventId,
        details: details as unknown as Record<string, unknown>,
      },
      [...examiners, manager],
    );
    if (!reserved.reserved)
      return {
        outcome: 'taken',
        proposals: await propose(ref, mode, { exclude: [{ start, end }] }),
      };
    deps.logger?.info({ visit: id, event: eventId }, 'visit recorded from Outlook');
    return {
      outcome: current?.eventId === eventId ? 'moved' : 'booked',
      visit: (await store.visits.get(id))!,
      unit,
      details,
    };
  }

  async function cancel(actor: VisitActor, ref: VisitRef, comment?: string): Promise<VisitRecord> {
    const { unit, team } = await context(ref);
    const leader = await requireLeader(actor, team);
    const id = visitId(ref.year, ref.kind, ref.unitId);
    const current = await store.visits.get(id);
    if (!current || !current.eventId || current.status === 'cancelled')
      throw new VisitError(
        'not-booked',
        bi(`Inget bokat besök hos ${unit.name}.`, `No booked visit at ${unit.name}.`),
      );
    try {
      await cancelEvent(
        graph,
        current.organizer ?? leader,
        current.eventId,
        comment ?? `Besöket hos ${unit.name} är avbokat. Lagledaren återkommer med en ny tid.`,
      );
    } catch (e) {
      if (!isGraphError(e, 'not-found')) throw e;
    }
    await store.visits.release(id);
    const { eventId: _gone, createdAt: _c, updatedAt: _u, ...rest } = current;
    const d = current.details as unknown as VisitDetails;
    await store.visits.upsert({
      ...rest,
      status: 'cancelled',
      details: { ...d, generation: (d.generation ?? 0) + 1 } as unknown as Record<string, unknown>,
    });
    return (await store.visits.get(id))!;
  }

  /**
   * Reads the organizer's copy of a booked visit's event and acts on it: a decline by the unit
   * manager or an examiner frees the time and brings fresh proposals; a removed event cancels.
   */
  async function refreshVisit(visit: VisitRecord): Promise<ResponseChange | undefined> {
    if (visit.status !== 'booked' || !visit.eventId || !visit.organizer) return undefined;
    let responses;
    try {
      responses = await getEventResponses(graph, visit.organizer, visit.eventId);
    } catch (e) {
      if (!isGraphError(e, 'not-found')) throw e;
      await store.visits.release(visit.id);
      const { eventId: _gone, ...rest } = visit;
      await store.visits.upsert({ ...rest, status: 'cancelled' });
      return { visit: (await store.visits.get(visit.id))!, cancelled: true };
    }
    // Only an answer to this booking: a decline of the time before a move is history (Outlook resets
    // responses when the organizer moves a meeting; a copy that still shows the old one is ignored).
    const bookedAt = Date.parse(visit.updatedAt) - 1000;
    const declined = responses.find(
      (r) => r.response === 'declined' && (!r.time || Date.parse(r.time) >= bookedAt),
    );
    if (!declined) return undefined;
    const d = visit.details as unknown as VisitDetails;
    await store.visits.upsert({
      ...visit,
      status: 'declined',
      details: {
        ...d,
        declinedBy: declined.name ?? declined.address,
        declinedTimes: [
          ...(d.declinedTimes ?? []),
          ...(visit.start && visit.end
            ? [{ start: visit.start, end: visit.end, by: declined.name ?? declined.address }]
            : []),
        ],
      } as unknown as Record<string, unknown>,
    });
    await store.visits.release(visit.id);
    const ref = { unitId: visit.unitId, year: visit.year, kind: visit.kind };
    const proposals = await propose(ref, d.mode, {
      exclude: visit.start && visit.end ? [{ start: visit.start, end: visit.end }] : [],
    });
    return {
      visit: (await store.visits.get(visit.id))!,
      declined: { by: declined.name ?? declined.address, proposals },
    };
  }

  /** A change notification on an organizer's events: the visit it belongs to, if any. */
  async function onEventChanged(eventId: string): Promise<ResponseChange | undefined> {
    for (const year of deps.cycles.map((c) => c.year)) {
      const visit = (await store.visits.listForYear(year)).find((v) => v.eventId === eventId);
      if (visit) return refreshVisit(visit);
    }
    return undefined;
  }

  /**
   * The safety net beside notifications (like the intake's delta round): every booked visit's
   * responses read again, and visits whose end has passed move their unit on.
   */
  async function sweep(year: number): Promise<{ changes: ResponseChange[]; held: string[] }> {
    const changes: ResponseChange[] = [];
    const held: string[] = [];
    const now = deps.now().getTime();
    for (const visit of await store.visits.listForYear(year)) {
      if (visit.status !== 'booked') continue;
      if (visit.end && Date.parse(visit.end) <= now) {
        await markHeld(visit);
        held.push(visit.id);
        continue;
      }
      const change = await refreshVisit(visit);
      if (change) changes.push(change);
    }
    return { changes, held };
  }

  async function markHeld(visit: VisitRecord): Promise<void> {
    const to: ParticipationState =
      visit.kind === 'site' ? 'site-visit-held' : 'feedback-visit-held';
    await moveParticipation(visit.unitId, visit.year, to, SYSTEM, {
      kind: 'system',
      ref: `visit:${visit.id}`,
    });
    await store.visits.upsert({ ...visit, status: 'held' });
  }

  async function moveParticipation(
    unitId: string,
    year: number,
    to: ParticipationState,
    actor: { id: string; name?: string },
    source: { kind: 'system' | 'bot' | 'tab'; ref: string },
    juryResult?: JuryResult,
  ): Promise<boolean> {
    const before = await store.participations.get(unitId, year);
    if (!before || !canTransition(before, to)) return false;
    const result = await store.participations
      .applyTransition(
        unitId,
        year,
        (current): Participation => {
          if (!current)
            throw new VisitError('illegal-state', bi('Deltagande saknas.', 'No participation.'));
          if (!canTransition(current, to)) return current;
          return transition(current, to, {
            at: deps.now().toISOString(),
            actor,
            source,
            ...(juryResult ? { juryResult } : {}),
          });
        },
        { idempotencyKey: `${source.ref}:${to}` },
      )
      .catch((e: unknown) => {
        deps.logger?.warn({ unitId, year, to, err: String(e) }, 'participation not moved');
        return { applied: false };
      });
    return result.applied;
  }

  // ---- coordinators: teams, assignment, conflicts, jury, calendar ----

  async function proposeAssignment(year: number) {
    const teams = await store.examinerTeams.listTeams(year);
    const existing = await store.examinerTeams.assignments(year);
    const eligible = await store.participations.list({ year, state: 'eligible' });
    const units = (await Promise.all(eligible.map((p) => store.units.get(p.unitId)))).filter(
      (u): u is Unit => u !== undefined,
    );
    const conflicts = await store.examinerTeams.conflicts(year);
    const proposal = proposeAssignments({
      units: units.map((u) => ({ id: u.id, organisationId: u.organisationId })),
      teams,
      conflicts,
      existing,
    });
    return { proposal, units, teams };
  }

  /** Assigns as proposed (or one unit to a chosen team), refusing conflicts; eligible → under-examination. */
  async function assign(
    actor: { id: string; name?: string },
    year: number,
    chosen?: { unitId: string; teamId: string }[],
  ): Promise<{ assigned: { unitId: string; teamId: string }[] }> {
    const list = chosen ?? (await proposeAssignment(year)).proposal.assignments;
    const conflicts = await store.examinerTeams.conflicts(year);
    for (const a of list) {
      const unit = await store.units.get(a.unitId);
      const team = await store.examinerTeams.getTeam(a.teamId);
      if (!unit || !team || team.year !== year)
        throw new VisitError(
          'bad-input',
          bi('Okänd enhet eller okänt lag.', 'Unknown unit or team.'),
        );
      const obstacles = obstaclesFor(unit, team, conflicts);
      if (obstacles.length > 0)
        throw new VisitError(
          'conflict-of-interest',
          bi(
            `${team.name} kan inte examinera ${unit.name}: ${obstacles.map((o) => `${o.address} (${o.kind === 'own-administration' ? 'egen förvaltning' : 'anmält jäv'})`).join(', ')}.`,
            `${team.name} cannot examine ${unit.name}: ${obstacles.map((o) => `${o.address} (${o.kind === 'own-administration' ? 'own administration' : 'declared conflict'})`).join(', ')}.`,
          ),
        );
    }
    for (const a of list) {
      await store.examinerTeams.assign(a.unitId, year, a.teamId, actor.id);
      await moveParticipation(a.unitId, year, 'under-examination', actor, {
        kind: 'bot',
        ref: `assign:${year}:${a.unitId}`,
      });
    }
    return { assigned: list };
  }

  /** An examiner declares a conflict of interest; an assignment that now breaks it is undone. */
  async function declareConflict(actor: VisitActor, year: number, unitId: string, reason?: string) {
    if (!(await store.units.get(unitId)))
      throw new VisitError('unknown-unit', bi(`Okänd enhet: ${unitId}`, `Unknown unit: ${unitId}`));
    const address = await addressOf(actor);
    await store.examinerTeams.declareConflict({
      year,
      address,
      unitId,
      ...(reason ? { reason } : {}),
    });
    const assignment = await store.examinerTeams.assignment(unitId, year);
    const team = assignment && (await store.examinerTeams.getTeam(assignment.teamId));
    const affected = team?.members.some((m) => m.address === address) ?? false;
    if (affected) await store.examinerTeams.unassign(unitId, year);
    return { unassigned: affected };
  }

  async function recordJury(
    actor: { id: string; name?: string },
    year: number,
    unitId: string,
    result: JuryResult,
  ): Promise<boolean> {
    return moveParticipation(
      unitId,
      year,
      'jury-decided',
      actor,
      { kind: 'bot', ref: `jury:${year}:${unitId}` },
      result,
    );
  }

  /** Every assigned unit's visit of this kind (booked or not), by team. */
  async function calendar(year: number, kind: VisitKind, teamIds?: string[]) {
    const teams = (await store.examinerTeams.listTeams(year)).filter(
      (t) => !teamIds || teamIds.includes(t.id),
    );
    const visits = new Map((await store.visits.listForYear(year, kind)).map((v) => [v.unitId, v]));
    const rows = [];
    for (const team of teams) {
      for (const unitId of team.unitIds) {
        const unit = await store.units.get(unitId);
        const v = visits.get(unitId);
        rows.push({
          ref: { unitId, year, kind },
          unitName: unit?.name ?? unitId,
          teamName: team.name,
          teamId: team.id,
          leader: team.leader,
          status: (v?.status === 'booked' ||
          v?.status === 'held' ||
          v?.status === 'declined' ||
          v?.status === 'cancelled'
            ? v.status
            : 'unbooked') as 'unbooked' | 'booked' | 'held' | 'declined' | 'cancelled',
          ...(v?.start && v.status !== 'cancelled' ? { start: v.start } : {}),
          ...(v?.end && v.status !== 'cancelled' ? { end: v.end } : {}),
        });
      }
    }
    return rows.sort(
      (a, b) =>
        (a.start ?? '9').localeCompare(b.start ?? '9') || a.unitName.localeCompare(b.unitName),
    );
  }

  /** The actor's teams this year where they lead, with the visits to book. */
  async function myVisits(actor: VisitActor, year: number, kind: VisitKind) {
    const address = await addressOf(actor);
    const teams = (
      await store.examinerTeams.teamsOf({
        address,
        ...(actor.objectId ? { objectId: actor.objectId } : {}),
      })
    ).filter((t) => t.year === year);
    const leading = teams.filter((t) => t.leader).map((t) => t.teamId);
    const member = teams.map((t) => t.teamId);
    return { leading, rows: await calendar(year, kind, member) };
  }

  /**
   * Existing site/feedback-visit events in team leaders' calendars (booked by hand before the app)
   * become booked visits: matched by the unit's name in the subject, once (the event id is kept).
   */
  async function importBookedEvents(year: number): Promise<number> {
    const { calendarView } = await import('../../graph/calendar.js');
    let imported = 0;
    for (const team of await store.examinerTeams.listTeams(year)) {
      const units = (await Promise.all(team.unitIds.map((id) => store.units.get(id)))).filter(
        (u): u is Unit => u !== undefined,
      );
      for (const kind of ['site', 'feedback'] as const) {
        const { from, to } = span(windowOf(year, kind));
        let events;
        try {
          const utc = (iso: string) => DateTime.fromISO(iso, { setZone: true }).toUTC().toISO()!;
          events = await calendarView(graph, team.leader, utc(from), utc(to));
        } catch (e) {
          deps.logger?.warn({ team: team.id, err: String(e) }, 'calendar not readable for import');
          continue;
        }
        const word = kind === 'site' ? 'platsbesök' : 'återföringsbesök';
        for (const ev of events) {
          const subject = (ev.subject ?? '').toLowerCase();
          const organizer = lower(ev.organizer?.emailAddress?.address ?? '');
          if (!subject.includes(word) || ev.isCancelled || organizer !== team.leader) continue;
          const unit = units.find((u) => subject.includes(u.name.toLowerCase()));
          if (!unit || !ev.id) continue;
          const id = visitId(year, kind, unit.id);
          const existing = await store.visits.get(id);
          if (existing) continue;
          const start = instantOf(ev.start?.dateTime, ev.start?.timeZone);
          const end = instantOf(ev.end?.dateTime, ev.end?.timeZone);
          if (!start || !end) continue;
          const { examiners, manager } = peopleOf(unit, team);
          const details: VisitDetails = {
            mode: ev.isOnlineMeeting ? 'digital' : 'on-site',
            teamId: team.id,
            attendees: (ev.attendees ?? [])
              .map((a) => lower(a.emailAddress?.address ?? ''))
              .filter(Boolean),
            examiners,
            imported: true,
            ...(ev.onlineMeeting?.joinUrl ? { joinUrl: ev.onlineMeeting.joinUrl } : {}),
            ...(ev.location?.displayName ? { location: ev.location.displayName } : {}),
          };
          const r = await store.visits.reserve(
            {
              id,
              unitId: unit.id,
              year,
              kind,
              status: 'booked',
              start,
              end,
              organizer: team.leader,
              eventId: ev.id,
              details: details as unknown as Record<string, unknown>,
            },
            [...examiners, manager],
          );
          if (r.reserved) imported++;
        }
      }
    }
    return imported;
  }

  /**
   * Proposals for every assigned unit without a booked visit of this kind, from one getSchedule round
   * over everyone involved (ceil(people ÷ 20) calls per window): what the team leaders' cards show.
   */
  async function planRound(year: number, kind: VisitKind, mode: VisitMode = 'on-site') {
    const rows = (await calendar(year, kind)).filter(
      (r) => r.status === 'unbooked' || r.status === 'declined' || r.status === 'cancelled',
    );
    const teams = new Map((await store.examinerTeams.listTeams(year)).map((t) => [t.id, t]));
    const units = (
      await Promise.all(
        rows.map(async (r) => ({
          unit: await store.units.get(r.ref.unitId),
          team: teams.get(r.teamId)!,
        })),
      )
    ).filter((x): x is { unit: Unit; team: ExaminerTeamRecord } => x.unit !== undefined);
    const addresses = [...new Set(units.flatMap(({ unit, team }) => peopleOf(unit, team).all))];
    const window = windowOf(year, kind);
    const { from, to } = span(window);
    const schedules = await fetchSchedules(graph, { asUser: deps.scheduleAs, addresses, from, to });
    const examiners = [...new Set(units.flatMap(({ team }) => team.members.map((m) => m.address)))];
    const answers = planProposals({
      units,
      schedules,
      booked: await bookedVisitsOf(year, examiners),
      now: deps.now().toISOString(),
      window,
      kind,
      mode,
      rules: rulesFor(year),
    });
    return units.map(({ unit, team }) => {
      const names: Record<string, string> = { [lower(unit.managerEmail)]: unit.managerName };
      for (const m of team.members) if (m.name) names[m.address] = m.name;
      const s = schedules.get(lower(unit.managerEmail));
      return {
        ref: { unitId: unit.id, year, kind },
        unit,
        team,
        mode,
        answer: answers.get(unit.id)!,
        names,
        ...(!s || s.error ? { managerWithoutMailbox: unit.managerName || unit.managerEmail } : {}),
      } satisfies Proposals;
    });
  }

  async function getVisit(ref: VisitRef) {
    return store.visits.get(visitId(ref.year, ref.kind, ref.unitId));
  }

  return {
    propose,
    proposeFor,
    book,
    proposeMove,
    move,
    cancel,
    refreshVisit,
    onEventChanged,
    sweep,
    proposeAssignment,
    assign,
    declareConflict,
    recordJury,
    calendar,
    myVisits,
    importBookedEvents,
    planRound,
    getVisit,
    appointmentFor,
    recordFromEvent,
    addressOf,
    context,
    /** Events are read here for the booked card's join URL after the fact. */
    getEvent: (organizer: string, eventId: string) => getEvent(graph, organizer, eventId),
  };
}

export type VisitsService = ReturnType<typeof createVisitsService>;

function addressLine(unit: Unit): string {
  const a = unit.visitingAddress;
  return a ? `${a.street}, ${a.postalCode} ${a.city}` : '';
}

function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!,
  );
}

const WIN_TO_IANA: Record<string, string> = { 'W. Europe Standard Time': ZONE, UTC: 'UTC' };
function instantOf(dateTime?: string | null, zone?: string | null): string | undefined {
  if (!dateTime) return undefined;
  const dt = DateTime.fromISO(dateTime.replace(/Z$/, '').slice(0, 23), {
    zone: WIN_TO_IANA[zone ?? 'UTC'] ?? 'UTC',
  });
  return dt.isValid ? dt.toISO()! : undefined;
}
