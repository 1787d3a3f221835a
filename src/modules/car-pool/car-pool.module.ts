import { Module } from '@nestjs/common';
import { AttendanceModule } from '../attendance/attendance.module';
import { ChildcareModule } from '../childcare/childcare.module';
import { LocationsModule } from '../locations/locations.module';
import { MessagesModule } from '../messages/messages.module';
import { ParticipantsModule } from '../participants/participants.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { RegionsModule } from '../regions/regions.module';
import { RemindersModule } from '../reminders/reminders.module';
import { RoutesModule } from '../routes/routes.module';
import { SchedulingModule } from '../scheduling/scheduling.module';
import { TravelModule } from '../travel/travel.module';
import { CarPoolController } from './car-pool.controller';
import { CarPoolMessagesService } from './car-pool-messages.service';
import { CarPoolOffersModule } from './car-pool-offers.module';
import { CarPoolService } from './car-pool.service';
import { MyCarPoolController } from './my-car-pool.controller';

/** Car-pooling: women who drive themselves take along women who live on their way, when they say yes. */
@Module({
  imports: [
    CarPoolOffersModule,
    RegionsModule,
    LocationsModule,
    ParticipantsModule,
    ProgrammesModule,
    SchedulingModule,
    AttendanceModule,
    ChildcareModule,
    RoutesModule,
    TravelModule,
    MessagesModule,
    RemindersModule,
  ],
  controllers: [CarPoolController, MyCarPoolController],
  providers: [CarPoolService, CarPoolMessagesService],
})
export class CarPoolModule {}
