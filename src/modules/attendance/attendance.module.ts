import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { ParticipantsModule } from '../participants/participants.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { RegionsModule } from '../regions/regions.module';
import { SchedulingModule } from '../scheduling/scheduling.module';
import { Absence } from './absence.entity';
import { AbsencesService } from './absences.service';
import { AbsenceReportController } from './absence-report.controller';
import { AbsenceReportService } from './absence-report.service';
import { AttendanceController } from './attendance.controller';

/** Who comes to a session: reported absences (ill, child ill, other, no-show) beside the planned conflicts. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Absence]),
    ProgrammesModule,
    ParticipantsModule,
    SchedulingModule,
    RegionsModule,
    AuditModule,
  ],
  controllers: [AttendanceController, AbsenceReportController],
  providers: [AbsencesService, AbsenceReportService],
  exports: [AbsencesService],
})
export class AttendanceModule {}
