import { reasonCode } from '../../planning/reasons';
import { Transactional } from '@nestjs-cls/transactional';
import { BadRequestException, Injectable, Logger } from '@nestjs/common';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';
import {
  ATTENDANCE_CHANGED,
  AttendanceChanged,
  CHILDCARE_PLANNED,
  ChildcarePlanned,
  SESSIONS_CHANGED,
  SessionsChanged,
} from '../../common/events/sessions-changed.event';
import { bandOf, CareBooking, careWindow, isOpen } from '../../planning/childcare/allocate';
import { ageInMonths } from '../../planning/childcare/need';
import { AccessContext } from '../access/access-context';
import { AuditService } from '../audit/audit.service';
import { ChildrenService } from '../participants/children.service';
import { GroupsService } from '../programmes/groups.service';
import { openNeeds, replanCare } from '../../planning/childcare/replan';
import { professionalsNeeded } from '../../planning/childcare/staff-ratio';
import { ProgrammesService } from '../programmes/programmes.service';
import { Session } from '../programmes/session.entity';
import { SessionsService } from '../programmes/sessions.service';
import { ChildcareBooking } from './childcare-booking.entity';
import { CANCELLED_BY_HAND, ChildcareBookingsService, NewBooking } from './childcare-bookings.service';
import { CareContext, ChildcareInputService } from './childcare-input.service';
import { ChildcareWaitingEntriesService } from './childcare-waiting-entries.service';
import { ChildcareWaitingListService } from './childcare-waiting-list.service';
import {
  ChildcarePlanDto,
  ChildcareStateDto,
  CodedUnmetNeedDto,
  StaffingDto,
  UnmetNeedDto,
} from './dto/childcare-plan.dto';
import { emitInOrder } from '../../common/events/emit-in-order';
import { localMinuteToInstant } from '../../planning/time/wall-clock';
import { bookingInCore } from './booking-in-core';

/**
 * Plans childcare over the planned sessions of a programme: keeps bookings that still fit (moved with their
 * session), cancels the others with the reason, and books every need left, or lists it as unmet. Also follows
 * sessions that move or are cancelled, and mothers who report absence.
 */
@Injectable()
export class ChildcarePlanningService {
  private readonly logger = new Logger(ChildcarePlanningService.name);

  constructor(
    private readonly inputs: ChildcareInputService,
    private readonly bookings: ChildcareBookingsService,
    private readonly programmes: ProgrammesService,
    private readonly sessions: SessionsService,
    private readonly groups: GroupsService,
    private readonly children: ChildrenService,
    private readonly audit: AuditService,
    private readonly events: EventEmitter2,
    private readonly access: AccessContext,
    private readonly waitingEntries: ChildcareWaitingEntriesService,
    private readonly waitingList: ChildcareWaitingListService,
  ) {}

  /** The programme's planned sessions from `now` on; 404 for an unknown programme. */
  async sessionsOf(programmeId: string, now: Date): Promise<Session[]> {
    await this.programmes.get(programmeId);
    return this.sessions.plannedOfProgramme(programmeId, now);
  }

  /**
   * Plans a programme's childcare, as a job: the mothers named in the answer are an audited read when the answer
   * is read (JobsService), not here.
   */
  @Transactional()
  async planProgramme(programmeId: string, now: Date): Promise<ChildcarePlanDto> {
    return this.planAll(programmeId, now);
  }

  private async planAll(programmeId: string, now: Date): Promise<ChildcarePlanDto> {
    const started = performance.now();
    const sessions = await this.sessionsOf(programmeId, now);
    const plan = await this.plan(sessions);
    const durationMs = Math.round(performance.now() - started);
    this.logger.log(
      { programmeId, sessions: sessions.length, ...counts(plan), durationMs },
      'childcare planned',
    );
    return { programmeId, ...plan, durationMs };
  }

  /** What stands now: bookings per status, and the needs without a booking with why. */
  async state(programmeId: string, now: Date): Promise<ChildcareStateDto> {
    const sessions = await this.sessionsOf(programmeId, now);
    if (sessions.length === 0)
      return { programmeId, sessions: 0, needs: 0, booked: 0, confirmed: 0, unmet: [], staffing: [] };
    const { context, active, current, unmet: open } = await this.standing(sessions);
    // As the export shows them: what the joint plan decided (no place, or she cannot come without a ride) stands.
    const unmet = await this.withDecided(sessions, open, active);
    await this.auditUnmet(unmet, programmeId);
    return {
      programmeId,
      sessions: sessions.length,
      needs: context.needs.length,
      booked: active.length,
      confirmed: active.filter((booking) => booking.status === 'confirmed').length,
      unmet: unmet.map(withCode),
      staffing: staffing(current, context),
    };
  }

  /** A coordinator books a child by hand; 400 when the provider cannot take her then, 409 when it is full. */
  @Transactional()
  async bookByHand(childId: string, sessionId: string, providerId: string): Promise<ChildcareBooking> {
    // Both within the caller's reach (her regions, and her municipalities for the mother), or a 400 as if unknown.
    const scope = await this.children.scopeOf(childId);
    if (!scope || !this.access.reaches(scope)) throw new BadRequestException(`childId: no child ${childId}`);
    const child = await this.children.get(childId);
    const session = await this.sessions.get(sessionId).catch(() => undefined);
    if (!session || session.regionId !== child.regionId) {
      throw new BadRequestException(`sessionId: no session ${sessionId} in the child's region`);
    }
    if (session.status !== 'planned')
      throw new BadRequestException(`sessionId: session ${sessionId} is cancelled`);
    if (!(await this.groups.memberIds(session.groupId)).includes(child.participantId)) {
      throw new BadRequestException(`childId: her mother is not a member of the session's group`);
    }
    const place = await this.placeAt(session, providerId, (date) => ageInMonths(child.birthDate, date));
    return this.bookings.create({
      regionId: session.regionId,
      childId,
      participantId: child.participantId,
      sessionId,
      providerId,
      ...place,
    });
  }

  /** A coordinator cancels a booking by hand: its place goes to a child waiting that day. */
  @Transactional()
  async cancelByHand(bookingId: string, reason: string): Promise<ChildcareBooking> {
    const before = await this.bookings.get(bookingId);
    const booking = await this.bookings.cancel(bookingId, reason);
    if (before.status !== 'cancelled') await this.waitingList.fill(booking.regionId, [booking.careDate]);
    return booking;
  }

  /** A coordinator moves a booking to another provider, for the same session. */
  @Transactional()
  async moveByHand(bookingId: string, providerId: string): Promise<ChildcareBooking> {
    const booking = await this.bookings.get(bookingId);
    const session = await this.sessions.get(booking.sessionId);
    const { from, to } = await this.placeAt(session, providerId, () => booking.ageMonths);
    return this.bookings.move(bookingId, { providerId, from, to });
  }

  /** Where and when a child of this age would be at this provider for the session; 400 saying why not. */
  private async placeAt(session: Session, providerId: string, ageOn: (date: string) => number) {
    const context = await this.inputs.load(session.regionId, [session]);
    const provider = context.providers.find((candidate) => candidate.id === providerId);
    if (!provider)
      throw new BadRequestException(`providerId: no childcare provider ${providerId} in this region`);
    const care = context.sessions[0];
    const ageMonths = ageOn(care.date);
    if (bandOf(provider, ageMonths) < 0) {
      throw new BadRequestException(`providerId: takes no children of ${ageMonths} months`);
    }
    const window = careWindow(provider, care, context.rules);
    if (!isOpen(provider, care.weekday, window.from, window.to)) {
      throw new BadRequestException(
        `providerId: closed during the session (with the time to bring and fetch her)`,
      );
    }
    return {
      ageMonths,
      careDate: care.date,
      from: localMinuteToInstant(care.date, window.from, context.zone),
      to: localMinuteToInstant(care.date, window.to, context.zone),
    };
  }

  /** The bookings holding a place in these planned sessions (of one region), and the needs without one, with why. */
  async careIn(sessions: Session[]): Promise<{ bookings: ChildcareBooking[]; unmet: UnmetNeedDto[] }> {
    if (sessions.length === 0) return { bookings: [], unmet: [] };
    const { active, unmet } = await this.standing(sessions);
    return { bookings: active, unmet: await this.withDecided(sessions, unmet, active) };
  }

  /**
   * The needs without a place as the joint plan decided them, first; the open needs it did not see (a child added
   * since) follow as the core finds them. Without this, a child whose mother has no ride shows as "not booked yet".
   * A decision a later booking overtook (booked by hand, or by planning care alone) no longer stands.
   */
  private async withDecided(
    sessions: Session[],
    open: UnmetNeedDto[],
    active: ChildcareBooking[],
  ): Promise<UnmetNeedDto[]> {
    const key = (need: { childId: string; sessionId: string }) => `${need.childId}|${need.sessionId}`;
    const booked = new Set(active.map(key));
    const decided = (await this.bookings.unmetFor(sessions.map((session) => session.id))).filter(
      (need) => !booked.has(key(need)),
    );
    const known = new Set(decided.map(key));
    return [
      ...decided.map(({ childId, participantId, sessionId, reason }) => ({
        childId,
        participantId,
        sessionId,
        reason,
      })),
      ...open.filter((need) => !known.has(key(need))),
    ];
  }

  /** Where care stands in these sessions: the core's context, the bookings holding a place, the open needs. */
  private async standing(sessions: Session[]) {
    const context = await this.inputs.load(sessions[0].regionId, sessions);
    const active = await this.bookings.activeFor(sessions.map((session) => session.id));
    const current = active.map((booking) => bookingInCore(booking, context));
    const unmet: UnmetNeedDto[] = [
      ...openNeeds(context.needs, context.sessions, context.providers, context.rules, current),
      ...settledAsUnmet(context),
    ];
    return { context, active, current, unmet };
  }

  /** The answer names the mothers of unmet needs: a read of their data, for the audit log. */
  private async auditUnmet(unmet: { participantId: string }[], programmeId: string): Promise<void> {
    if (unmet.length === 0) return;
    const { regionId } = await this.programmes.get(programmeId);
    await this.audit.record(
      'read',
      [...new Set(unmet.map((need) => need.participantId))].map((id) => ({
        recordType: 'participant',
        recordId: id,
        participantId: id,
        regionId,
      })),
    );
  }

  @OnEvent(SESSIONS_CHANGED, { promisify: true, suppressErrors: false })
  async onSessionsChanged(event: SessionsChanged): Promise<void> {
    if (event.programmeId) {
      await this.planAll(event.programmeId, event.now);
    } else {
      await this.followSessions(event.sessionIds);
    }
    await emitInOrder(this.events, CHILDCARE_PLANNED, new ChildcarePlanned(event.sessionIds, event.now));
  }

  /**
   * Plans care of these sessions again after who comes to them changed (members switched online or back), keeping
   * what still fits; the caller plans the rides after it.
   */
  @Transactional()
  async planSessions(sessionIds: string[]): Promise<void> {
    await this.followSessions(sessionIds);
  }

  private async followSessions(sessionIds: string[]): Promise<void> {
    const sessions = await this.sessions.getMany(sessionIds);
    const cancelled = sessions.filter((session) => session.status !== 'planned');
    const freed = await this.bookings.cancelForSessions(
      cancelled.map((session) => session.id),
      'session cancelled',
    );
    const planned = sessions.filter((session) => session.status === 'planned');
    for (const regionId of new Set(planned.map((session) => session.regionId))) {
      await this.plan(planned.filter((session) => session.regionId === regionId));
    }
    // Their places go to children waiting those days for other sessions; theirs wait no more.
    for (const regionId of new Set(cancelled.map((session) => session.regionId))) {
      const mine = cancelled.filter((session) => session.regionId === regionId);
      await this.waitingEntries.record(
        mine.map((session) => session.id),
        [],
      );
      if (freed > 0) await this.waitingList.fill(regionId, await this.waitingList.datesOf(mine));
    }
  }

  @OnEvent(ATTENDANCE_CHANGED, { promisify: true, suppressErrors: false })
  async onAttendanceChanged(event: AttendanceChanged): Promise<void> {
    const session = await this.sessions.get(event.sessionId);
    const filled: string[] = [];
    if (event.absent) {
      // Her children's places go to children waiting that day, in the same transaction; hers wait no more.
      await this.bookings.cancelForSessions([event.sessionId], 'mother absent', event.participantId);
      await this.bookings.forgetUnmetOf(event.sessionId, event.participantId);
      const days = await this.waitingList.datesOf([session]);
      filled.push(...(await this.waitingList.fill(session.regionId, days)));
    } else if (session.status === 'planned') {
      await this.plan([session]);
    }
    const planned = [...new Set([event.sessionId, ...filled])];
    await emitInOrder(this.events, CHILDCARE_PLANNED, new ChildcarePlanned(planned, new Date()));
  }

  /** Plans care again over these planned sessions of one region, and stores the changes. */
  private async plan(sessions: Session[]): Promise<Omit<ChildcarePlanDto, 'programmeId' | 'durationMs'>> {
    if (sessions.length === 0) {
      return { sessions: 0, needs: 0, kept: 0, moved: 0, booked: 0, cancelled: [], unmet: [], staffing: [] };
    }
    const context = await this.inputs.load(sessions[0].regionId, sessions);
    const current = (await this.bookings.activeFor(sessions.map((session) => session.id))).map((booking) =>
      bookingInCore(booking, context),
    );
    const result = replanCare(context.needs, context.sessions, context.providers, context.rules, current);
    const ages = new Map(context.needs.map((need) => [`${need.childId}|${need.sessionId}`, need.ageMonths]));
    const instants = (booking: CareBooking) => ({
      from: localMinuteToInstant(booking.date, booking.from, context.zone),
      to: localMinuteToInstant(booking.date, booking.to, context.zone),
    });
    await this.bookings.apply({
      cancel: result.cancelled,
      move: result.kept
        .filter((booking) => booking.moved)
        .map((booking) => ({ id: booking.id, careDate: booking.date, ...instants(booking) })),
      create: result.booked.map((booking): NewBooking => ({
        regionId: sessions[0].regionId,
        childId: booking.childId,
        participantId: booking.participantId,
        sessionId: booking.sessionId,
        providerId: booking.providerId,
        ageMonths: ages.get(`${booking.childId}|${booking.sessionId}`)!,
        careDate: booking.date,
        ...instants(booking),
      })),
    });
    const unmet: UnmetNeedDto[] = [...result.unmet, ...settledAsUnmet(context)];
    const dates = new Map(context.sessions.map((session) => [session.id, session.date]));
    await this.waitingEntries.record(
      sessions.map((session) => session.id),
      result.unmet.map((need) => ({
        regionId: sessions[0].regionId,
        careDate: dates.get(need.sessionId)!,
        ...need,
      })),
    );
    return {
      sessions: sessions.length,
      needs: context.needs.length,
      kept: result.kept.length,
      moved: result.kept.filter((booking) => booking.moved).length,
      booked: result.booked.length,
      cancelled: result.cancelled,
      unmet: unmet.map(withCode),
      staffing: staffing([...result.kept, ...result.booked], context),
    };
  }
}

const settledAsUnmet = (context: CareContext) =>
  context.settled.map(({ childId, participantId, sessionId }) => ({
    childId,
    participantId,
    sessionId,
    reason: CANCELLED_BY_HAND,
  }));

const withCode = (need: UnmetNeedDto): CodedUnmetNeedDto => ({
  ...need,
  reasonCode: reasonCode(need.reason),
});

function counts(plan: { kept: number; booked: number; cancelled: unknown[]; unmet: unknown[] }) {
  return { kept: plan.kept, booked: plan.booked, cancelled: plan.cancelled.length, unmet: plan.unmet.length };
}

/** Professionals each formal provider needs per session, by the staff-to-child ratio (reported, not enforced). */
function staffing(bookings: CareBooking[], context: CareContext): StaffingDto[] {
  const ages = new Map(context.needs.map((need) => [`${need.childId}|${need.sessionId}`, need.ageMonths]));
  const formal = new Set(context.providers.filter((p) => p.kind === 'formal').map((p) => p.id));
  const groups = new Map<string, { providerId: string; sessionId: string; ages: number[] }>();
  for (const booking of bookings) {
    if (!formal.has(booking.providerId)) continue;
    const key = `${booking.providerId}|${booking.sessionId}`;
    const group = groups.get(key) ?? {
      providerId: booking.providerId,
      sessionId: booking.sessionId,
      ages: [],
    };
    group.ages.push(ages.get(`${booking.childId}|${booking.sessionId}`) ?? 0);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ providerId, sessionId, ages: list }) => ({
    providerId,
    sessionId,
    children: list.length,
    professionalsNeeded: professionalsNeeded(list),
  }));
}
