import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DateTime } from 'luxon';
import { AccessContext } from '../access/access-context';
import { Roles } from '../access/roles.decorator';
import { Audited } from '../audit/audited.decorator';
import { LocationsService } from '../locations/locations.service';
import { ParticipantDto } from '../participants/dto/participant.dto';
import { ParticipantsService } from '../participants/participants.service';
import { SessionDto } from '../programmes/dto/session.dto';
import { GroupsService } from '../programmes/groups.service';
import { SessionsService } from '../programmes/sessions.service';
import { MySessionDto } from './my-session.dto';

/** What a participant sees with her personal link: her own data and schedule, nobody else's. */
@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
@Roles('participant')
export class SelfServiceController {
  constructor(
    private readonly access: AccessContext,
    private readonly participants: ParticipantsService,
    private readonly groups: GroupsService,
    private readonly sessions: SessionsService,
    private readonly locations: LocationsService,
  ) {}

  @Get()
  @Audited('participant')
  @ApiOperation({ summary: 'Her own record' })
  async me(): Promise<ParticipantDto> {
    return ParticipantDto.from(await this.participants.get(this.participantId()));
  }

  @Get('sessions')
  @ApiOperation({
    summary: 'Her sessions from today on (pickup times and childcare come with their planning)',
  })
  @ApiOkResponse({ type: [MySessionDto] })
  async mySessions(): Promise<{ items: MySessionDto[] }> {
    const groups = await this.groups.list({ participant: this.participantId(), limit: 100, offset: 0 });
    const items: MySessionDto[] = [];
    for (const group of groups.items) {
      const location = await this.locations.get(group.locationId);
      const page = await this.sessions.list({
        group: group.id,
        from: DateTime.now().setZone('Europe/Amsterdam').toISODate()!,
        limit: 1000,
        offset: 0,
      });
      const zones = await this.sessions.timezones(page.items);
      for (const session of page.items) {
        const answer = SessionDto.from(session, zones.get(session.regionId)!);
        items.push({
          sessionId: session.id,
          groupName: group.name,
          date: answer.date,
          start: answer.start,
          end: answer.end,
          locationName: location.name,
          locationAddress: location.address,
          status: session.status,
        });
      }
    }
    return { items: items.sort((a, b) => a.start.localeCompare(b.start)) };
  }

  private participantId(): string {
    return this.access.principal().participantId!;
  }
}
