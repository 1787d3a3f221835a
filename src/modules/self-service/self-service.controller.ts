import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DateTime } from 'luxon';
import { AccessContext } from '../access/access-context';
import { Roles } from '../access/roles.decorator';
import { AbsencesService } from '../attendance/absences.service';
import { ChildcareBookingsService } from '../childcare/childcare-bookings.service';
import { ChildcareScenarioService } from '../childcare/childcare-scenario.service';
import { RoutesService } from '../routes/routes.service';
import { instantToLocalIso } from '../../planning/time/wall-clock';
import { AbsenceDto, ReportOwnAbsenceDto } from '../attendance/dto/absence.dto';
import { Audited } from '../audit/audited.decorator';
import { IdParam } from '../../common/api/id-param';
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
    private readonly absences: AbsencesService,
    private readonly routes: RoutesService,
    private readonly bookings: ChildcareBookingsService,
    private readonly careProviders: ChildcareScenarioService,
  ) {}

  @Get()
  @Audited('participant')
  @ApiOperation({ summary: 'Her own record' })
  async me(): Promise<ParticipantDto> {
    return ParticipantDto.from(await this.participants.get(this.participantId()));
  }

  @Get('sessions')
  @ApiOperation({
    summary: 'Her sessions from today on, with her pickup time, her children’s care, and her absences',
  })
  @ApiOkResponse({ type: [MySessionDto] })
  async mySessions(): Promise<{ items: MySessionDto[] }> {
    const me = this.participantId();
    const groups = await this.groups.list({ participant: me, limit: 100, offset: 0 });
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
      const ids = page.items.map((session) => session.id);
      // Only her own rides, care and absences are read: nobody else's.
      const rides = await this.routes.ridesOf(me, ids);
      const providers = new Map(
        (await this.careProviders.exportProviders(group.regionId)).map((provider) => [
          provider.id,
          provider.name,
        ]),
      );
      const care = await this.bookings.activeFor(ids, me);
      const absent = new Set((await this.absences.forSessions(ids, me)).map((a) => a.sessionId));
      for (const session of page.items) {
        const zone = zones.get(session.regionId)!;
        const answer = SessionDto.from(session, zone);
        const at = (direction: string) => {
          const time = rides.get(`${session.id}|${direction}`);
          return time ? instantToLocalIso(time, zone) : null;
        };
        items.push({
          sessionId: session.id,
          groupName: group.name,
          date: answer.date,
          start: answer.start,
          end: answer.end,
          locationName: location.name,
          locationAddress: location.address,
          status: session.status,
          pickupTime: at('to'),
          homeTime: at('from'),
          childcare: [
            ...new Set(
              care
                .filter((booking) => booking.sessionId === session.id)
                .map((b) => providers.get(b.providerId) ?? ''),
            ),
          ],
          absent: absent.has(session.id),
        });
      }
    }
    return { items: items.sort((a, b) => a.start.localeCompare(b.start)) };
  }

  @Post('sessions/:id/absence')
  @ApiOperation({
    summary: 'She cannot come to one of her sessions',
    description:
      "Recorded as her absence with the reason; her children's places and her rides for it are freed, and the " +
      'others on her ride are told if their pickup time changes.',
  })
  async reportAbsence(@IdParam() id: string, @Body() dto: ReportOwnAbsenceDto): Promise<AbsenceDto> {
    return AbsenceDto.from(
      await this.absences.report(
        id,
        { participantId: this.participantId(), reason: dto.reason },
        'participant',
      ),
    );
  }

  private participantId(): string {
    return this.access.principal().participantId!;
  }
}
