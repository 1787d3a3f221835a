import { reasonCode } from '../../planning/reasons';
import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Injectable, Logger } from '@nestjs/common';
import { FindOptionsWhere, In } from 'typeorm';
import { Page } from '../../common/api/page';
import { CareBooking } from '../../planning/childcare/allocate';
import { SIBLING_WITHOUT_PLACE } from '../../planning/joint/session-care';
import { ageInMonths } from '../../planning/childcare/need';
import { openNeeds } from '../../planning/childcare/replan';
import { placeWaiting, WaitingChild, waitingOrder } from '../../planning/childcare/waiting-list';
import { instantToLocal, instantToLocalIso, localMinuteToInstant } from '../../planning/time/wall-clock';
import { ParticipantsService } from '../participants/participants.service';
import { Session } from '../programmes/session.entity';
import { SessionsService } from '../programmes/sessions.service';
import { RegionsService } from '../regions/regions.service';
import { ChildcareBookingsService, NewBooking } from './childcare-bookings.service';
import { CareContext, ChildcareInputService } from './childcare-input.service';
import { ChildcareWaitingEntriesService } from './childcare-waiting-entries.service';
import { ChildcareWaitingEntry } from './childcare-waiting-entry.entity';
import { ChildcareWaitingEntryDto, ChildcareWaitingListQueryDto } from './dto/childcare-waiting-list.dto';
import { bookingInCore } from './booking-in-core';

/**
 * Books waiting children when places free, in the transaction that frees them. Places free per provider, age band
 * and day (a booking holds its place from bringing to fetching), while a child waits for one session: so a freed
 * place is offered to every child waiting that day in the region, in the order of the waiting list.
 */
@Injectable()
export class ChildcareWaitingListService {
  private readonly logger = new Logger(ChildcareWaitingListService.name);

  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly inputs: ChildcareInputService,
    private readonly bookings: ChildcareBookingsService,
    private readonly entries: ChildcareWaitingEntriesService,
    private readonly sessions: SessionsService,
    private readonly regions: RegionsService,
    private readonly participants: ParticipantsService,
  ) {}

  /** The local dates of these sessions, of one region: the days their freed places can be given again. */
  async datesOf(sessions: Session[]): Promise<string[]> {
    if (sessions.length === 0) return [];
    const zones = await this.regions.timezones(sessions.map((session) => session.regionId));
    return [...new Set(sessions.map((s) => instantToLocal(s.start, zones.get(s.regionId)!).date))];
  }

  /**
   * Gives the places free now on these dates (every date from today when none are named) to the children waiting
   * for them, and tells their mothers. Answers the sessions in which children were booked.
   *
   * Two fills of a region run one after the other (a lock held to the commit), each reading what the other
   * committed: two places freeing at once are both given, never one child twice. A booking made meanwhile by
   * another path is still judged by the database at commit, as every booking is.
   */
  @Transactional()
  async fill(regionId: string, dates?: string[]): Promise<string[]> {
    if (dates && dates.length === 0) return [];
    await this.txHost.tx.query(
      `SELECT pg_advisory_xact_lock(hashtext('childcare waiting list'), hashtext($1))`,
      [regionId],
    );
    const now = new Date();
    // The region's zone comes with the care context; only "from today" needs it before.
    const today = async () =>
      instantToLocal(now, (await this.regions.timezones([regionId])).get(regionId)!).date;
    const entries = await this.entries.on(regionId, dates ?? { from: await today() });
    if (entries.length === 0) return [];
    const sessionIds = [...new Set(entries.map((entry) => entry.sessionId))];
    const open = (await this.sessions.getMany(sessionIds)).filter(
      (session) => session.status === 'planned' && session.start > now,
    );
    // Sessions cancelled or begun: nobody waits for them any more.
    if (open.length === 0) {
      await this.entries.record(sessionIds, []);
      return [];
    }
    const context = await this.inputs.load(regionId, open);
    const zone = context.zone;
    const active = await this.heldOn(regionId, context);
    const starts = new Map(open.map((session) => [session.id, session.start]));
    const families = waitingOrder(entries.map((entry) => waitingChild(entry, starts.get(entry.sessionId))));
    const placed = placeWaiting(
      families,
      context.needs,
      context.sessions,
      context.providers,
      context.rules,
      active,
    );
    const ages = new Map(context.needs.map((need) => [`${need.childId}|${need.sessionId}`, need.ageMonths]));
    await this.bookings.apply({
      cancel: [],
      move: [],
      create: placed.booked.map((booking): NewBooking => ({
        regionId,
        childId: booking.childId,
        participantId: booking.participantId,
        sessionId: booking.sessionId,
        providerId: booking.providerId,
        ageMonths: ages.get(`${booking.childId}|${booking.sessionId}`)!,
        careDate: booking.date,
        from: localMinuteToInstant(booking.date, booking.from, zone),
        to: localMinuteToInstant(booking.date, booking.to, zone),
      })),
    });
    const reasons = new Map(entries.map((entry) => [`${entry.childId}|${entry.sessionId}`, entry.reason]));
    // The session's date now, not the entry's: a session moved since she started waiting is on its new day.
    const careDates = new Map(context.sessions.map((session) => [session.id, session.date]));
    await this.entries.record(
      sessionIds,
      placed.waiting.map((child) => ({
        regionId,
        sessionId: child.sessionId,
        childId: child.childId,
        participantId: child.participantId,
        reason: reasons.get(`${child.childId}|${child.sessionId}`)!,
        careDate: careDates.get(child.sessionId)!,
      })),
    );
    if (placed.booked.length > 0)
      this.logger.log({ regionId, booked: placed.booked.length }, 'waiting children booked');
    return [...new Set(placed.booked.map((booking) => booking.sessionId))];
  }

  /**
   * After a joint plan of care and rides: who waits in these sessions, as the childcare core judges it now. The
   * joint plan names the first thing a mother lacks (a mother left without a ride because her child had no place
   * is listed as without a ride); a freed place helps every mother of whose children one has no place left in
   * her age band, so all her children without a booking wait together.
   */
  async recordPlanned(regionId: string, sessions: Session[], unmetIn: Set<string>): Promise<void> {
    // Only sessions where the plan left a child without care can have anyone waiting.
    const planned = sessions.filter((session) => session.status === 'planned' && unmetIn.has(session.id));
    const ids = sessions.map((session) => session.id);
    if (planned.length === 0) return this.entries.record(ids, []);
    const context = await this.inputs.load(regionId, planned);
    const open = openNeeds(
      context.needs,
      context.sessions,
      context.providers,
      context.rules,
      await this.heldOn(regionId, context),
    );
    const dates = new Map(context.sessions.map((session) => [session.id, session.date]));
    const short = new Set(
      open
        .filter((need) => need.reason === NO_PLACE)
        .map((need) => `${need.sessionId}|${need.participantId}`),
    );
    await this.entries.record(
      ids,
      open
        .filter((need) => short.has(`${need.sessionId}|${need.participantId}`))
        .map((need) => ({
          regionId,
          careDate: dates.get(need.sessionId)!,
          ...need,
          reason: need.reason === NO_PLACE ? need.reason : SIBLING_WITHOUT_PLACE,
        })),
    );
  }

  /** Every booking holding a place on the days of these sessions, in the core's terms. */
  private async heldOn(regionId: string, context: CareContext): Promise<CareBooking[]> {
    const days = [...new Set(context.sessions.map((session) => session.date))].sort();
    if (days.length === 0) return [];
    return (await this.bookings.activeOn(regionId, days[0], days[days.length - 1]))
      .filter((booking) => days.includes(booking.careDate))
      .map((booking) => bookingInCore(booking, context))
      .filter((booking) => booking.band >= 0);
  }

  /**
   * The waiting list of the children the caller may see (her regions, her municipalities' mothers), by session
   * and turn. A turn counts every child waiting in the session.
   */
  async list(
    query: ChildcareWaitingListQueryDto,
    sessionIds?: string[],
  ): Promise<Page<ChildcareWaitingEntryDto>> {
    const { regionId } = await this.regions.scope({ region: query.region });
    const where: FindOptionsWhere<ChildcareWaitingEntry> = {
      ...(regionId && { regionId }),
      participant: await this.participants.reachableWhere(),
    };
    if (query.session) where.sessionId = query.session;
    else if (sessionIds) where.sessionId = In(sessionIds);
    // Which rows she sees, by id only: every row of their sessions is loaded once, below, for the turns.
    const seen = await this.entries.idsWhere(where);
    if (seen.length === 0) return { items: [], total: 0 };
    const everyone = await this.entries.find({
      sessionId: In([...new Set(seen.map((e) => e.sessionId))]),
    });
    const seenIds = new Set(seen.map((e) => e.id));
    const visible = everyone.filter((entry) => seenIds.has(entry.id));
    const turns = new Map<string, number>();
    const bySession = new Map<string, ChildcareWaitingEntry[]>();
    for (const entry of everyone)
      bySession.set(entry.sessionId, [...(bySession.get(entry.sessionId) ?? []), entry]);
    for (const list of bySession.values()) {
      waitingOrder(list.map((entry) => waitingChild(entry, entry.session.start))).forEach((family, index) => {
        for (const child of family.children) turns.set(`${child.childId}|${child.sessionId}`, index + 1);
      });
    }
    const zones = await this.regions.timezones(visible.map((entry) => entry.regionId));
    const items = visible
      .map((entry): ChildcareWaitingEntryDto & { at: number } => ({
        id: entry.id,
        regionId: entry.regionId,
        sessionId: entry.sessionId,
        date: entry.careDate,
        start: instantToLocalIso(entry.session.start, zones.get(entry.regionId)!),
        position: turns.get(`${entry.childId}|${entry.sessionId}`)!,
        childId: entry.childId,
        childRef: entry.child.ref,
        ageMonths: ageInMonths(entry.child.birthDate, entry.careDate),
        participantId: entry.participantId,
        participantName: entry.participant.name,
        waitingSince: entry.createdAt.toISOString(),
        reason: entry.reason,
        reasonCode: reasonCode(entry.reason),
        at: entry.session.start.getTime(),
      }))
      .sort(
        (a, b) =>
          a.at - b.at ||
          a.sessionId.localeCompare(b.sessionId) ||
          a.position - b.position ||
          (a.childRef ?? a.childId).localeCompare(b.childRef ?? b.childId),
      );
    return {
      items: items.slice(query.offset, query.offset + query.limit).map(({ at: _at, ...item }) => item),
      total: items.length,
    };
  }
}

const NO_PLACE = 'no place left in her age band';

/** A row of the list as the core orders it: refs, never ids, where the records have them. */
const waitingChild = (entry: ChildcareWaitingEntry, sessionStart: Date | undefined): WaitingChild => ({
  childId: entry.childId,
  childRef: entry.child.ref ?? entry.childId,
  participantId: entry.participantId,
  participantRef: entry.participant.ref ?? entry.participantId,
  sessionId: entry.sessionId,
  sessionStart: sessionStart?.toISOString() ?? '',
  since: entry.createdAt.toISOString(),
});
