import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../../common/api/id-param';
import { ScopedBy } from '../access/scoped-by.decorator';
import { AttendanceDto } from '../attendance/dto/absence.dto';
import { Audited } from '../audit/audited.decorator';
import { SessionsService } from '../programmes/sessions.service';
import { SessionAttendanceService } from './session-attendance.service';

@ApiTags('attendance')
@ApiBearerAuth()
@ScopedBy(SessionsService, 'session')
@Controller('sessions')
export class SessionAttendanceController {
  constructor(private readonly attendance: SessionAttendanceService) {}

  @Get(':id/attendance')
  @Audited('participant', { idField: 'participantId' })
  @ApiOperation({
    summary: 'Who is expected at a session, who reported absence and why, who cannot attend',
    description:
      'Expected means she can come by the plan: free then, her children cared for and, when she is collected, ' +
      'a ride both ways. A woman free then whom the plan leaves without one of those is listed with what she lacks.',
  })
  async get(@IdParam() id: string): Promise<AttendanceDto> {
    return this.attendance.attendance(id);
  }
}
