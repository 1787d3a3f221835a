import { Injectable } from '@nestjs/common';
import { ParticipantsScenarioService } from '../../participants/participants-scenario.service';
import { firstNameOf } from '../../routes/passenger-details';
import { RegionsService } from '../../regions/regions.service';
import { StaffMembersService } from '../../staff/staff-members.service';
import { TalkFeedsService } from '../../talks/talk-feeds.service';
import { FeedContent, windowStart } from './feed-window';
import { staffTalkEvent } from './talk-events';

/**
 * A staff member's feed (a jobcoach, coach, language buddy or case manager): the talks she must be at, with the
 * participant's first name, and her address for a talk at her home. In Dutch, as the other staff feeds.
 */
@Injectable()
export class StaffFeedService {
  constructor(
    private readonly staffMembers: StaffMembersService,
    private readonly regions: RegionsService,
    private readonly talks: TalkFeedsService,
    private readonly participants: ParticipantsScenarioService,
  ) {}

  async content(staffMemberId: string, now: Date): Promise<FeedContent> {
    const member = await this.staffMembers.get(staffMemberId);
    const { timezone: zone } = await this.regions.get(member.regionId);
    const talks = await this.talks.forStaffMember(member.regionId, member.id, windowStart(now, zone).instant);
    const people = new Map(
      (
        await this.participants.participantsOf(
          member.regionId,
          talks.map((talk) => talk.participantId),
        )
      ).map((person) => [person.id, { firstName: firstNameOf(person.name), address: person.address }]),
    );
    return {
      name: `Trefpunt – gesprekken ${member.name}`,
      zone,
      events: talks.map((talk) => staffTalkEvent(talk, people.get(talk.participantId), zone)),
      read: [...people.keys()].map((participantId) => ({
        recordType: 'participant',
        recordId: participantId,
        participantId,
        regionId: member.regionId,
      })),
    };
  }
}
