import { CarPoolOffersModule } from '../car-pool/car-pool-offers.module';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { ChildcareModule } from '../childcare/childcare.module';
import { LanguageProvidersModule } from '../language-providers/language-providers.module';
import { LocationsModule } from '../locations/locations.module';
import { ParticipantsModule } from '../participants/participants.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { RegionsModule } from '../regions/regions.module';
import { RoutesModule } from '../routes/routes.module';
import { SchedulingModule } from '../scheduling/scheduling.module';
import { StaffModule } from '../staff/staff.module';
import { TalksModule } from '../talks/talks.module';
import { TransportModule } from '../transport/transport.module';
import { PlanExportCache } from './plan-export-cache';
import { PlanExportService } from './plan-export.service';
import { PlansController } from './plans.controller';
import { PlanningCascadeService } from './planning-cascade.service';
import { JointInputService } from './joint-input.service';
import { CanComeService } from './can-come.service';
import { ProgrammePlanController } from './programme-plan.controller';
import { AttendanceModule } from '../attendance/attendance.module';
import { TravelModule } from '../travel/travel.module';
import { PlanOutcomesService } from './plan-outcomes.service';
import { ProgrammePlanOutcome } from './programme-plan-outcome.entity';
import { JobsModule } from '../jobs/jobs.module';
import { ProgrammePlanJobsService } from './programme-plan-jobs.service';
import { LinearProgramSolver } from '../../common/linear-program/linear-program-solver';
import { SessionAttendanceController } from './session-attendance.controller';
import { SessionAttendanceService } from './session-attendance.service';

/** The plan of a region as one `trefpunt-plan/1` document: sessions, conflicts, childcare and routes. */
@Module({
  imports: [
    TypeOrmModule.forFeature([ProgrammePlanOutcome]),
    RegionsModule,
    ProgrammesModule,
    LocationsModule,
    StaffModule,
    ParticipantsModule,
    LanguageProvidersModule,
    SchedulingModule,
    ChildcareModule,
    RoutesModule,
    TransportModule,
    AuditModule,
    AttendanceModule,
    TravelModule,
    JobsModule,
    CarPoolOffersModule,
    TalksModule,
  ],
  controllers: [PlansController, ProgrammePlanController, SessionAttendanceController],
  providers: [
    PlanExportService,
    PlanExportCache,
    PlanningCascadeService,
    JointInputService,
    CanComeService,
    PlanOutcomesService,
    ProgrammePlanJobsService,
    LinearProgramSolver,
    SessionAttendanceService,
  ],
  exports: [PlanExportService, PlanningCascadeService, ProgrammePlanJobsService],
})
export class PlansModule {}
