import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  BadRequestException,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../../common/api/id-param';
import { ScopedBy } from '../access/scoped-by.decorator';
import { ProgrammesService } from '../programmes/programmes.service';
import { OnlinePeriodDto, OnlineSwitchDto, SwitchOnlineDto } from './dto/online-period.dto';
import { OnlineSwitch, OnlineSwitchService } from './online-switch.service';

/** The `:periodId` path parameter, which must be a UUID (400 naming it otherwise). */
function PeriodIdParam(): ParameterDecorator {
  return Param(
    'periodId',
    new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException('periodId: must be a UUID') }),
  );
}

const switchDto = (result: OnlineSwitch): OnlineSwitchDto => ({
  ...result,
  period: OnlinePeriodDto.from(result.period),
});

@ApiTags('programmes')
@ApiBearerAuth()
@ScopedBy(ProgrammesService, 'programme')
@Controller('programmes/:id/online')
export class OnlineController {
  constructor(private readonly online: OnlineSwitchService) {}

  @Get()
  @ApiOperation({ summary: "The programme's online periods" })
  async list(@IdParam() id: string): Promise<OnlinePeriodDto[]> {
    return (await this.online.list(id)).map(OnlinePeriodDto.from);
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Switch a date range, a group or a subgroup online',
    description:
      'The planned sessions from now on whose date lies in from…to (of `groupId`, or of every group) are held ' +
      'online for the members named (`participantIds`, or all): a video link and a length of their own. Their ' +
      'childcare bookings and rides are cancelled (she takes part from home, with her children), the other ' +
      "members' rides re-planned with as few changes as possible, and every woman concerned is told once, in " +
      'her language. 409 when the range would put some member online twice on a date.',
  })
  async switchOnline(@IdParam() id: string, @Body() dto: SwitchOnlineDto): Promise<OnlineSwitchDto> {
    return switchDto(await this.online.switchOnline(id, dto, new Date()));
  }

  @Delete(':periodId')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Switch an online period back to in person',
    description:
      'Removes the period; childcare and rides of its sessions from now on are planned again, and every woman ' +
      'concerned is told once, in her language.',
  })
  async switchBack(@IdParam() id: string, @PeriodIdParam() periodId: string): Promise<OnlineSwitchDto> {
    return switchDto(await this.online.switchBack(id, periodId, new Date()));
  }
}
