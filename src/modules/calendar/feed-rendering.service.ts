import { Transactional } from '@nestjs-cls/transactional';
import { Injectable, NotFoundException } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { Principal, PRINCIPAL } from '../access/principal';
import { TokensService } from '../access/tokens.service';
import { AuditService } from '../audit/audit.service';
import { ParticipantsService } from '../participants/participants.service';
import { DriversService } from '../transport/drivers.service';
import { CalendarEventVersionsRepository } from './calendar-event-versions.repository';
import { CalendarFeedsService } from './calendar-feeds.service';
import { FeedOwner, ownerOf } from './feed-owner';
import { CoordinatorFeedService } from './feeds/coordinator-feed.service';
import { DriverFeedService } from './feeds/driver-feed.service';
import { FeedContent, windowStart } from './feeds/feed-window';
import { ParticipantFeedService } from './feeds/participant-feed.service';
import { StaffFeedService } from './feeds/staff-feed.service';
import { StaffMembersService } from '../staff/staff-members.service';
import { writeCalendar } from './ical/write-calendar';

/** The same answer for a secret that was never made, was replaced, or whose owner is gone: nothing to learn. */
const unknownFeed = () => new NotFoundException('calendar feed not found');

/** What the audit log shows as the reader of a participant's or a driver's feed. */
const FEED_LABEL = 'calendar feed';

/**
 * Renders a feed for its secret: the owner's events, their versions brought up to date, the read of the
 * participants it names in the audit log, all in one transaction, then the iCalendar text.
 */
@Injectable()
export class FeedRenderingService {
  constructor(
    private readonly feeds: CalendarFeedsService,
    private readonly versions: CalendarEventVersionsRepository,
    private readonly participantFeed: ParticipantFeedService,
    private readonly driverFeed: DriverFeedService,
    private readonly coordinatorFeed: CoordinatorFeedService,
    private readonly staffFeed: StaffFeedService,
    private readonly staffMembers: StaffMembersService,
    private readonly tokens: TokensService,
    private readonly participants: ParticipantsService,
    private readonly drivers: DriversService,
    private readonly audit: AuditService,
    private readonly cls: ClsService,
  ) {}

  @Transactional()
  async render(secret: string, now: Date): Promise<string> {
    const feed = await this.feeds.findBySecret(secret);
    if (!feed) throw unknownFeed();
    const owner = ownerOf(feed);
    // The request came without a bearer token: from here on it acts for the feed's owner, with her reach, and
    // the audit log names the feed as the reader.
    this.cls.set(PRINCIPAL, await this.principalOf(owner, feed.municipalityIds, now));
    const content = await this.contentOf(owner, now);
    const events = await this.versions.publish(
      feed.id,
      content.events,
      now,
      windowStart(now, content.zone).instant,
    );
    await this.audit.record('read', content.read);
    return writeCalendar({ name: content.name, zone: content.zone, events }, now);
  }

  private contentOf(owner: FeedOwner, now: Date): Promise<FeedContent> {
    switch (owner.kind) {
      case 'participant':
        return this.participantFeed.content(owner.participantId, now);
      case 'driver':
        return this.driverFeed.content(owner.driverId, now);
      case 'staff':
        return this.staffFeed.content(owner.staffMemberId, now);
      case 'coordinator':
        return this.coordinatorFeed.content(now);
    }
  }

  /**
   * Who the feed acts for; 404 as for an unknown secret when she was erased, or her token revoked or expired. A
   * driver's feed reaches the passengers of `municipalityIds` only, when its issuer was limited to those.
   */
  private async principalOf(owner: FeedOwner, municipalityIds: string[], now: Date): Promise<Principal> {
    const found = <T>(lookup: Promise<T>) =>
      lookup.catch((error: unknown) => {
        throw error instanceof NotFoundException ? unknownFeed() : error;
      });
    switch (owner.kind) {
      case 'participant': {
        const participant = await found(this.participants.get(owner.participantId));
        return {
          role: 'participant',
          label: FEED_LABEL,
          regionIds: [participant.regionId],
          municipalityIds: [],
          participantId: participant.id,
        };
      }
      case 'driver': {
        const driver = await found(this.drivers.get(owner.driverId));
        return {
          role: 'driver',
          label: FEED_LABEL,
          regionIds: [driver.regionId],
          municipalityIds,
          driverId: driver.id,
        };
      }
      case 'staff': {
        // Reads for her own talks only; the audit log names the feed as the reader.
        const member = await found(this.staffMembers.get(owner.staffMemberId));
        return { role: 'coordinator', label: FEED_LABEL, regionIds: [member.regionId], municipalityIds: [] };
      }
      case 'coordinator': {
        const token = await found(this.tokens.get(owner.tokenId));
        if (token.revokedAt || (token.expiresAt && token.expiresAt <= now)) throw unknownFeed();
        return {
          role: token.role,
          tokenId: token.id,
          label: token.label,
          regionIds: token.regionIds,
          municipalityIds: token.municipalityIds,
        };
      }
    }
  }
}
