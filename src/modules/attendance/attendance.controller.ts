import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../../common/api/id-param';
import { ScopedBy } from '../access/scoped-by.decorator';
import { Audited } from '../audit/audited.decorator';
import { SessionsService } from '../programmes/sessions.service';
import { AbsencesService } from './absences.service';
import { AbsenceDto, ReportAbsenceDto } from './dto/absence.dto';

@ApiTags('attendance')
@ApiBearerAuth()
@ScopedBy(SessionsService, 'session')
@Controller('sessions')
export class AttendanceController {
  constructor(private readonly absences: AbsencesService) {}

  @Post(':id/absences')
  @Audited('participant', { idField: 'participantId' })
  @ApiOperation({
    summary: 'Record that a participant will not come to a session, with the reason',
    description: "Her children's childcare bookings for the session are cancelled and their places freed.",
  })
  async report(@IdParam() id: string, @Body() dto: ReportAbsenceDto): Promise<AbsenceDto> {
    return AbsenceDto.from(await this.absences.report(id, dto));
  }

  @Delete(':id/absences/:participantId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Withdraw an absence: she comes after all, and her childcare is planned again' })
  async withdraw(
    @IdParam() id: string,
    @Param(
      'participantId',
      new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException('participantId: must be a UUID') }),
    )
    participantId: string,
  ): Promise<void> {
    await this.absences.withdraw(id, participantId);
  }
}
