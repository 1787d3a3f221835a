import { Module } from '@nestjs/common';
import { AttendanceModule } from '../attendance/attendance.module';
import { ChildcareModule } from '../childcare/childcare.module';
import { LocationsModule } from '../locations/locations.module';
import { RoutesModule } from '../routes/routes.module';
import { ParticipantsModule } from '../participants/participants.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { SelfServiceController } from './self-service.controller';

/** The participant's own view through her personal link: her sessions, rides and childcare, and absence. */
@Module({
  imports: [
    ParticipantsModule,
    ProgrammesModule,
    LocationsModule,
    AttendanceModule,
    RoutesModule,
    ChildcareModule,
  ],
  controllers: [SelfServiceController],
})
export class SelfServiceModule {}
