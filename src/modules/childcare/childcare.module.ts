import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { describeCheckConstraints } from '../../common/errors/database-errors';
import { AttendanceModule } from '../attendance/attendance.module';
import { AuditModule } from '../audit/audit.module';
import { JobsModule } from '../jobs/jobs.module';
import { LocationsModule } from '../locations/locations.module';
import { ParticipantsModule } from '../participants/participants.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { RegionsModule } from '../regions/regions.module';
import { SchedulingModule } from '../scheduling/scheduling.module';
import { TravelModule } from '../travel/travel.module';
import { ChildcareBooking } from './childcare-booking.entity';
import { ChildcareBookingsController } from './childcare-bookings.controller';
import { ChildcareBookingsService } from './childcare-bookings.service';
import { ChildcareCostsController } from './childcare-costs.controller';
import { ChildcareCostsService } from './childcare-costs.service';
import { ChildcareInputService } from './childcare-input.service';
import { ChildcareOpeningHours } from './childcare-opening-hours.entity';
import { ChildcarePlaces } from './childcare-places.entity';
import { ChildcarePlanningController } from './childcare-planning.controller';
import { ChildcarePlanJobsService } from './childcare-plan-jobs.service';
import { ChildcarePlanningService } from './childcare-planning.service';
import { ChildcareProvider } from './childcare-provider.entity';
import { ChildcareUnmetNeed } from './childcare-unmet-need.entity';
import { ChildcareProvidersController } from './childcare-providers.controller';
import { ChildcareProvidersService } from './childcare-providers.service';
import { ChildcareScenarioService } from './childcare-scenario.service';
import { ChildcareWaitingEntriesService } from './childcare-waiting-entries.service';
import { ChildcareWaitingEntry } from './childcare-waiting-entry.entity';
import { ChildcareWaitingListController } from './childcare-waiting-list.controller';
import { ChildcareWaitingListService } from './childcare-waiting-list.service';

// Written by other paths than the providers' API (the scenario import), which names the band itself.
describeCheckConstraints({
  ex_childcare_places_ages:
    "places: a provider's age bands must not overlap (a child's age must be in one band)",
});

/**
 * Formal and volunteer childcare providers (opening hours, places per age band, price), and the bookings of
 * children into them during their mothers' sessions, with the monthly costs.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      ChildcareProvider,
      ChildcareOpeningHours,
      ChildcarePlaces,
      ChildcareBooking,
      ChildcareUnmetNeed,
      ChildcareWaitingEntry,
    ]),
    RegionsModule,
    LocationsModule,
    ParticipantsModule,
    ProgrammesModule,
    SchedulingModule,
    AttendanceModule,
    AuditModule,
    TravelModule,
    JobsModule,
  ],
  controllers: [
    ChildcareProvidersController,
    ChildcareBookingsController,
    ChildcarePlanningController,
    ChildcareCostsController,
    ChildcareWaitingListController,
  ],
  providers: [
    ChildcareProvidersService,
    ChildcareScenarioService,
    ChildcareBookingsService,
    ChildcareInputService,
    ChildcarePlanningService,
    ChildcarePlanJobsService,
    ChildcareCostsService,
    ChildcareWaitingEntriesService,
    ChildcareWaitingListService,
  ],
  exports: [
    ChildcareProvidersService,
    ChildcareScenarioService,
    ChildcareBookingsService,
    ChildcarePlanningService,
    ChildcareWaitingListService,
  ],
})
export class ChildcareModule {}
