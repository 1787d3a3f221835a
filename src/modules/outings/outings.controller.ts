import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../../common/api/id-param';
import { ScopedBy } from '../access/scoped-by.decorator';
import { SessionsService } from '../programmes/sessions.service';
import { OutingDto, OutingSwitchDto, SetOutingDto } from './dto/outing.dto';
import { OutingSwitch, OutingSwitchService } from './outing-switch.service';

const switchDto = ({ outing, locations, told }: OutingSwitch): OutingSwitchDto => ({
  outing: outing && OutingDto.from(outing, locations),
  told,
});

@ApiTags('sessions')
@ApiBearerAuth()
@ScopedBy(SessionsService, 'session')
@Controller('sessions/:id/outing')
export class OutingsController {
  constructor(private readonly outings: OutingSwitchService) {}

  @Get()
  @ApiOperation({ summary: "The session's outing; null when it is held at its usual place" })
  async get(@IdParam() id: string): Promise<OutingSwitchDto> {
    return switchDto(await this.outings.get(id));
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Hold the session at another place, or a tour of several in order',
    description:
      "The session moves to the first place (each place is found among the region's locations by name and " +
      'address, or added); who can come is judged there, care is planned again (care at the usual location ' +
      'counts as care elsewhere), the rides go to the first place and home from the last, in one bus for the ' +
      'whole group where the fleet has one that takes them all, and every member is told in her language. ' +
      'Setting it again changes the places.',
  })
  async set(@IdParam() id: string, @Body() dto: SetOutingDto): Promise<OutingSwitchDto> {
    return switchDto(await this.outings.set(id, dto.places, new Date()));
  }

  @Delete()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Undo the outing: the session is back at its usual place',
    description:
      'Care and rides follow it back, and every member is told in her language. 404 when it is no outing.',
  })
  async undo(@IdParam() id: string): Promise<OutingSwitchDto> {
    return switchDto(await this.outings.undo(id, new Date()));
  }
}
