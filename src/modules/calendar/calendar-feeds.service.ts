import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { BadRequestException, ForbiddenException, Injectable } from '@nestjs/common';
import { AccessContext } from '../access/access-context';
import { hashToken } from '../access/token-value';
import { ParticipantsService } from '../participants/participants.service';
import { StaffMembersService } from '../staff/staff-members.service';
import { DriversService } from '../transport/drivers.service';
import { CalendarFeed } from './calendar-feed.entity';
import { CreateCalendarFeedDto } from './dto/calendar-feed.dto';
import { newFeedSecret } from './feed-secret';
import { ownerColumns } from './feed-owner';
import type { FeedOwner } from './feed-owner';

/** Feed secrets: made (one per owner, a new one replacing the old), looked up by secret, and erased. */
@Injectable()
export class CalendarFeedsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly access: AccessContext,
    private readonly participants: ParticipantsService,
    private readonly drivers: DriversService,
    private readonly staffMembers: StaffMembersService,
  ) {}

  private get feeds() {
    return this.txHost.tx.getRepository(CalendarFeed);
  }

  /**
   * Whose feed a request asks for, within the caller's reach: a participant or a driver of her regions, or
   * (no field) the calling coordinator herself. 400 naming the field otherwise.
   */
  async ownerFor(dto: CreateCalendarFeedDto): Promise<FeedOwner> {
    if ([dto.participantId, dto.driverId, dto.staffMemberId].filter(Boolean).length > 1) {
      throw new BadRequestException('participantId: give one of participantId, driverId, staffMemberId');
    }
    if (dto.staffMemberId) {
      const member = await this.staffMembers.get(dto.staffMemberId).catch(() => undefined);
      if (!member || !this.access.reachesRegion(member.regionId)) {
        throw new BadRequestException(`staffMemberId: no staff member ${dto.staffMemberId}`);
      }
      return { kind: 'staff', staffMemberId: member.id };
    }
    if (dto.participantId) {
      const participant = await this.participants.findReachable(dto.participantId, 'participantId');
      return { kind: 'participant', participantId: participant.id };
    }
    if (dto.driverId) {
      const driver = await this.drivers.get(dto.driverId).catch(() => undefined);
      if (!driver || !this.access.reachesRegion(driver.regionId)) {
        throw new BadRequestException(`driverId: no driver ${dto.driverId}`);
      }
      return { kind: 'driver', driverId: driver.id };
    }
    const caller = this.access.principal();
    if (caller.role !== 'coordinator' || !caller.tokenId) {
      throw new ForbiddenException(
        'a feed of her own is for a coordinator; give a participantId, a driverId or a staffMemberId for theirs',
      );
    }
    return { kind: 'coordinator', tokenId: caller.tokenId };
  }

  /** A new secret for the owner's feed; the old one stops working. Answers the plain secret, which is not kept. */
  @Transactional()
  async issue(owner: FeedOwner, now: Date): Promise<{ feed: CalendarFeed; secret: string }> {
    const secret = newFeedSecret();
    const columns = ownerColumns(owner);
    const issued = {
      secretHash: hashToken(secret),
      issuedBy: this.access.principal().tokenId ?? null,
      issuedAt: now,
      // A participant's feed is hers alone, a coordinator's follows her token; a driver's names passengers.
      municipalityIds: owner.kind === 'driver' ? (this.access.municipalityIds() ?? []) : [],
    };
    const existing = await this.feeds.findOneBy(
      owner.kind === 'participant'
        ? { participantId: owner.participantId }
        : owner.kind === 'driver'
          ? { driverId: owner.driverId }
          : owner.kind === 'staff'
            ? { staffMemberId: owner.staffMemberId }
            : { tokenId: owner.tokenId },
    );
    const feed = existing
      ? await this.feeds.save({ ...existing, ...issued })
      : await this.feeds.save(this.feeds.create({ ...columns, ...issued }));
    return { feed, secret };
  }

  /** The feed whose secret this is, or undefined. */
  findBySecret(secret: string): Promise<CalendarFeed | null> {
    return this.feeds.findOneBy({ secretHash: hashToken(secret) });
  }

  /** For erasure: her feed goes, and with it the versions of its events. */
  async deleteForParticipant(participantId: string): Promise<number> {
    const result = await this.feeds.delete({ participantId });
    return result.affected ?? 0;
  }
}
