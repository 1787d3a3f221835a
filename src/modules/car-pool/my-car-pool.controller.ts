import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../../common/api/id-param';
import { instantToLocalIso } from '../../planning/time/wall-clock';
import { AccessContext } from '../access/access-context';
import { Roles } from '../access/roles.decorator';
import { RegionsScenarioService } from '../regions/regions-scenario.service';
import { ParticipantsService } from '../participants/participants.service';
import { firstName } from './car-pool-messages.service';
import { CarPoolService } from './car-pool.service';
import { CarPoolOfferDto, MyCarPoolOfferDto } from './dto/car-pool.dto';

/** Her car-pool offers through her personal link: the seats she is asked for, and the rides she gets. */
@ApiTags('me')
@ApiBearerAuth()
@Controller('me/car-pool')
@Roles('participant')
export class MyCarPoolController {
  constructor(
    private readonly access: AccessContext,
    private readonly carPool: CarPoolService,
    private readonly participants: ParticipantsService,
    private readonly regions: RegionsScenarioService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Her car-pool offers: as the driver (to answer, or agreed) and as the passenger (agreed)',
    description:
      'Before she says yes, the driver sees the other woman’s first name only; once agreed, both see each ' +
      'other’s phone, and the driver the address to collect her at.',
  })
  @ApiOkResponse({ type: [MyCarPoolOfferDto] })
  async mine(): Promise<{ items: MyCarPoolOfferDto[] }> {
    const me = this.participantId();
    const { regionId } = await this.participants.get(me);
    const { timezone } = await this.regions.exportRegion(regionId);
    const { offers, people, sessions } = await this.carPool.mine(me);
    const items = offers.map((offer): MyCarPoolOfferDto => {
      const driving = offer.driverId === me;
      const other = people.get(driving ? offer.passengerId : offer.driverId);
      const agreed = offer.status === 'accepted';
      return {
        id: offer.id,
        role: driving ? 'driver' : 'passenger',
        status: offer.status,
        with: other ? firstName(other) : '',
        address: agreed && driving ? (other?.address ?? null) : null,
        phone: agreed ? (other?.phone ?? null) : null,
        children: offer.children,
        sessions: offer.sessions
          .map((s) => sessions.get(s.sessionId))
          .filter((session) => session !== undefined)
          .sort((a, b) => a.start.getTime() - b.start.getTime())
          .map((session) => ({ sessionId: session.id, start: instantToLocalIso(session.start, timezone) })),
      };
    });
    return { items };
  }

  @Post(':id/accept')
  @HttpCode(200)
  @ApiOperation({
    summary: 'She takes the other woman along',
    description:
      'The passenger rides with her there and back to the sessions of the offer: the vehicles no longer collect ' +
      'her then, and both are told.',
  })
  @ApiOkResponse({ type: CarPoolOfferDto })
  async accept(@IdParam() id: string): Promise<{ id: string; status: string }> {
    const offer = await this.carPool.answer(this.participantId(), id, true, new Date());
    return { id: offer.id, status: offer.status };
  }

  @Post(':id/decline')
  @HttpCode(200)
  @ApiOperation({
    summary: 'She cannot take the other woman along: nothing changes, and it is not asked again',
  })
  async decline(@IdParam() id: string): Promise<{ id: string; status: string }> {
    const offer = await this.carPool.answer(this.participantId(), id, false, new Date());
    return { id: offer.id, status: offer.status };
  }

  private participantId(): string {
    return this.access.principal().participantId!;
  }
}
