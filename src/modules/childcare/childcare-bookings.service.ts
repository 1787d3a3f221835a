import { lacksCare, reasonText } from '../../planning/reasons';
import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { Between, FindOptionsWhere, In, Like, Not } from 'typeorm';
import { Page } from '../../common/api/page';
import { chunks } from '../../common/database/bulk-writes';
import { notFound } from '../../common/errors/not-found';
import { RecordScope } from '../access/access-context';
import { participantScopeOf } from '../access/record-scopes';
import { ParticipantsService } from '../participants/participants.service';
import { RegionsService } from '../regions/regions.service';
import { BookingStatus, ChildcareBooking } from './childcare-booking.entity';
import { ChildcareBookingListQueryDto } from './dto/childcare-booking.dto';
import { ChildcareUnmetNeed } from './childcare-unmet-need.entity';

/** A booking as the planner decided it, with real instants. */
export interface NewBooking {
  regionId: string;
  childId: string;
  participantId: string;
  sessionId: string;
  providerId: string;
  ageMonths: number;
  careDate: string;
  from: Date;
  to: Date;
}

/** What a planning run changes in the bookings, applied in one go. */
export interface BookingChanges {
  cancel: { id: string; reason: string }[];
  move: { id: string; careDate: string; from: Date; to: Date }[];
  create: NewBooking[];
}

const ACTIVE = Not('cancelled' as BookingStatus);

/** The start of the reason of every booking a coordinator cancels by hand. */
export const CANCELLED_BY_HAND = reasonText('cancelled-by-hand');

/**
 * The childcare bookings: a place per child and session. Whether a place is free is decided by the database at
 * commit (see the entity), so every write here may end in a 409 naming the provider and band that are full.
 */
@Injectable()
export class ChildcareBookingsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly regions: RegionsService,
    private readonly participants: ParticipantsService,
  ) {}

  private get bookings() {
    return this.txHost.tx.getRepository(ChildcareBooking);
  }

  /** Where a booking sits, for the access checks of @ScopedBy: it is part of her mother's personal data. */
  scopeOf(id: string): Promise<RecordScope | undefined> {
    return participantScopeOf(this.bookings, id);
  }

  async list(query: ChildcareBookingListQueryDto, sessionIds?: string[]): Promise<Page<ChildcareBooking>> {
    const where: FindOptionsWhere<ChildcareBooking> = {
      ...(await this.regions.scope(query)),
      participant: await this.participants.reachableWhere(),
    };
    if (query.participant) where.participantId = query.participant;
    if (query.provider) where.providerId = query.provider;
    if (query.status) where.status = query.status;
    if (query.session) where.sessionId = query.session;
    else if (sessionIds) where.sessionId = In(sessionIds);
    const [items, total] = await this.bookings.findAndCount({
      where,
      order: { careDate: 'ASC', from: 'ASC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items, total };
  }

  async get(id: string): Promise<ChildcareBooking> {
    const booking = await this.bookings.findOneBy({ id });
    if (!booking) throw notFound('childcare booking', id);
    return booking;
  }

  /** The bookings that hold a place (requested or confirmed) in these sessions; only hers when she is named. */
  activeFor(sessionIds: string[], participantId?: string): Promise<ChildcareBooking[]> {
    if (sessionIds.length === 0) return Promise.resolve([]);
    return this.bookings.find({
      where: { sessionId: In(sessionIds), status: ACTIVE, ...(participantId && { participantId }) },
      order: { careDate: 'ASC', from: 'ASC', id: 'ASC' },
    });
  }

  /**
   * The child and session pairs whose booking a coordinator cancelled by hand (care arranged otherwise): planning
   * runs leave them alone rather than book them again.
   */
  async cancelledByHand(sessionIds: string[]): Promise<Set<string>> {
    if (sessionIds.length === 0) return new Set();
    const rows = await this.bookings.find({
      where: { sessionId: In(sessionIds), status: 'cancelled', statusReason: Like(`${CANCELLED_BY_HAND}%`) },
      select: { childId: true, sessionId: true },
    });
    return new Set(rows.map((row) => `${row.childId}|${row.sessionId}`));
  }

  /** The bookings that hold a place in a region on the local dates from…to, for plan exports and costs. */
  activeOn(regionId: string, from: string, to: string): Promise<ChildcareBooking[]> {
    return this.bookings.find({
      where: { regionId, careDate: Between(from, to), status: ACTIVE },
      order: { careDate: 'ASC', from: 'ASC', id: 'ASC' },
    });
  }

  /** Each child's provider in her latest booking that held, to keep her there week after week. */
  async usualProviders(childIds: string[]): Promise<Map<string, string>> {
    if (childIds.length === 0) return new Map();
    const rows = await this.bookings
      .createQueryBuilder('booking')
      .select('DISTINCT ON (booking.child_id) booking.child_id', 'childId')
      .addSelect('booking.provider_id', 'providerId')
      .where('booking.child_id IN (:...childIds)', { childIds })
      .andWhere(`booking.status <> 'cancelled'`)
      .orderBy('booking.child_id')
      .addOrderBy('booking.care_date', 'DESC')
      .getRawMany<{ childId: string; providerId: string }>();
    return new Map(rows.map((row) => [row.childId, row.providerId]));
  }

  private get unmetNeeds() {
    return this.txHost.tx.getRepository(ChildcareUnmetNeed);
  }

  /**
   * A joint plan of these sessions: their bookings made afresh (the standing ones cancelled with `reason`) and
   * the needs it could not meet stored with why. The database checks the places at commit.
   */
  async replaceForSessions(
    sessionIds: string[],
    reason: string,
    create: NewBooking[],
    unmet: Omit<ChildcareUnmetNeed, 'id'>[],
  ): Promise<void> {
    // A booking the plan makes again (same child, session and provider) stays, confirmed or not, at its new times.
    const standing = new Map<string, ChildcareBooking>();
    for (const chunk of chunks(sessionIds)) {
      for (const booking of await this.bookings.find({ where: { sessionId: In(chunk), status: ACTIVE } }))
        standing.set(`${booking.childId}|${booking.sessionId}|${booking.providerId}`, booking);
    }
    const fresh: NewBooking[] = [];
    for (const booking of create) {
      const key = `${booking.childId}|${booking.sessionId}|${booking.providerId}`;
      const kept = standing.get(key);
      if (!kept) {
        fresh.push(booking);
        continue;
      }
      standing.delete(key);
      if (kept.from.getTime() !== booking.from.getTime() || kept.to.getTime() !== booking.to.getTime())
        await this.bookings.update(
          { id: kept.id },
          { from: booking.from, to: booking.to, careDate: booking.careDate },
        );
    }
    for (const chunk of chunks([...standing.values()].map((booking) => booking.id))) {
      await this.bookings.update({ id: In(chunk) }, { status: 'cancelled', statusReason: reason });
    }
    for (const chunk of chunks(sessionIds)) await this.unmetNeeds.delete({ sessionId: In(chunk) });
    for (const chunk of chunks(fresh)) {
      await this.bookings.insert(chunk.map((booking) => ({ ...booking, status: 'requested' as const })));
    }
    for (const chunk of chunks(unmet)) await this.unmetNeeds.insert(chunk);
  }

  /** The needs a joint plan of these sessions could not meet. */
  async unmetFor(sessionIds: string[]): Promise<ChildcareUnmetNeed[]> {
    const found: ChildcareUnmetNeed[] = [];
    for (const chunk of chunks(sessionIds)) {
      found.push(...(await this.unmetNeeds.find({ where: { sessionId: In(chunk) } })));
    }
    return found.sort((a, b) => a.sessionId.localeCompare(b.sessionId) || a.childId.localeCompare(b.childId));
  }

  /**
   * The mothers of these sessions whom the plan left without care for a child (not because she stays away for
   * another reason) and for whom none was booked since, as `participantId|sessionId`. A caller that has read the
   * sessions' active bookings already passes them, rather than have them read again.
   */
  async withoutCareFor(sessionIds: string[], active?: ChildcareBooking[]): Promise<Set<string>> {
    const booked = new Set(
      (active ?? (await this.activeFor(sessionIds))).map(
        (booking) => `${booking.childId}|${booking.sessionId}`,
      ),
    );
    return new Set(
      (await this.unmetFor(sessionIds))
        .filter((need) => lacksCare(need.reason) && !booked.has(`${need.childId}|${need.sessionId}`))
        .map((need) => `${need.participantId}|${need.sessionId}`),
    );
  }

  /**
   * Forgets what a joint plan decided for her children in this session: she reported that she will not come, so
   * they need no place, whatever kept them from one before.
   */
  async forgetUnmetOf(sessionId: string, participantId: string): Promise<void> {
    await this.unmetNeeds.delete({ sessionId, participantId });
  }

  /** Writes a planning run's changes; the database checks the places at commit. */
  async apply(changes: BookingChanges): Promise<void> {
    // One statement per reason (there are a few) rather than one per booking.
    const byReason = new Map<string, string[]>();
    for (const { id, reason } of changes.cancel) byReason.set(reason, [...(byReason.get(reason) ?? []), id]);
    for (const [reason, ids] of byReason) {
      for (const chunk of chunks(ids)) {
        await this.bookings.update({ id: In(chunk) }, { status: 'cancelled', statusReason: reason });
      }
    }
    for (const { id, careDate, from, to } of changes.move) {
      await this.bookings.update({ id }, { careDate, from, to, statusReason: 'moved with the session' });
    }
    for (const chunk of chunks(changes.create)) {
      await this.bookings.insert(chunk.map((booking) => ({ ...booking, status: 'requested' as const })));
    }
  }

  /** Cancels every booking that holds a place in these sessions, e.g. when a session is cancelled. */
  async cancelForSessions(sessionIds: string[], reason: string, participantId?: string): Promise<number> {
    if (sessionIds.length === 0) return 0;
    const result = await this.bookings.update(
      { sessionId: In(sessionIds), status: ACTIVE, ...(participantId && { participantId }) },
      { status: 'cancelled', statusReason: reason },
    );
    return result.affected ?? 0;
  }

  @Transactional()
  async create(booking: NewBooking): Promise<ChildcareBooking> {
    const { id } = await this.bookings.save(this.bookings.create({ ...booking, status: 'requested' }));
    return this.get(id);
  }

  @Transactional()
  async confirm(id: string): Promise<ChildcareBooking> {
    const booking = await this.get(id);
    if (booking.status === 'cancelled') {
      throw new ConflictException(
        `childcare booking ${id}: cancelled, so it cannot be confirmed; book again`,
      );
    }
    await this.bookings.update({ id }, { status: 'confirmed', statusReason: null });
    return this.get(id);
  }

  @Transactional()
  async cancel(id: string, reason: string): Promise<ChildcareBooking> {
    const booking = await this.get(id);
    if (booking.status === 'cancelled') return booking;
    await this.bookings.update({ id }, { status: 'cancelled', statusReason: reason });
    return this.get(id);
  }

  /** Moves a booking to another provider: a new request to that provider. */
  @Transactional()
  async move(id: string, target: { providerId: string; from: Date; to: Date }): Promise<ChildcareBooking> {
    const booking = await this.get(id);
    if (booking.status === 'cancelled') {
      throw new BadRequestException(`childcare booking ${id}: cancelled, so it cannot be moved; book again`);
    }
    await this.bookings.update(
      { id },
      { ...target, status: 'requested', statusReason: `moved from provider ${booking.providerId}` },
    );
    return this.get(id);
  }

  /** For erasure: her records go, whatever their state. */
  async deleteForParticipant(participantId: string): Promise<void> {
    await this.bookings.delete({ participantId });
  }
}
