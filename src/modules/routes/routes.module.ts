import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttendanceModule } from '../attendance/attendance.module';
import { AuditModule } from '../audit/audit.module';
import { CarPoolOffersModule } from '../car-pool/car-pool-offers.module';
import { JobsModule } from '../jobs/jobs.module';
import { ChildcareModule } from '../childcare/childcare.module';
import { LocationsModule } from '../locations/locations.module';
import { ParticipantsModule } from '../participants/participants.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { RegionsModule } from '../regions/regions.module';
import { SchedulingModule } from '../scheduling/scheduling.module';
import { TransportModule } from '../transport/transport.module';
import { TravelModule } from '../travel/travel.module';
import { DriverLinksController } from './driver-links.controller';
import { DriverLinksService } from './driver-links.service';
import { RoutePlanningService } from './route-planning.service';
import { RoutePlanJobsService } from './route-plan-jobs.service';
import { RouteSheetAnswers } from './route-sheet-answers';
import { RouteSheetsController } from './route-sheets.controller';
import { RouteSheetsService } from './route-sheets.service';
import { RouteStopScopes } from './route-stop-scopes';
import { RouteStop } from './route-stop.entity';
import { Route } from './route.entity';
import { RoutesController } from './routes.controller';
import { RoutesService } from './routes.service';
import { UnroutedPickup } from './unrouted-pickup.entity';

/** Pickup and return routes of sessions, planned with the routing core, and the drivers' route sheets. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Route, RouteStop, UnroutedPickup]),
    RegionsModule,
    LocationsModule,
    ParticipantsModule,
    ProgrammesModule,
    SchedulingModule,
    AttendanceModule,
    ChildcareModule,
    TransportModule,
    TravelModule,
    AuditModule,
    JobsModule,
    CarPoolOffersModule,
  ],
  controllers: [RouteSheetsController, DriverLinksController, RoutesController],
  providers: [
    RoutesService,
    RoutePlanningService,
    RoutePlanJobsService,
    RouteSheetsService,
    RouteSheetAnswers,
    RouteStopScopes,
    DriverLinksService,
  ],
  exports: [RoutesService, RoutePlanningService],
})
export class RoutesModule {}
