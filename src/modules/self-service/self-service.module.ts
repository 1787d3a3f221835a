import { Module } from '@nestjs/common';
import { LocationsModule } from '../locations/locations.module';
import { ParticipantsModule } from '../participants/participants.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { SelfServiceController } from './self-service.controller';

/** The participant's own view through her personal link (reminders and absence reporting build on it). */
@Module({
  imports: [ParticipantsModule, ProgrammesModule, LocationsModule],
  controllers: [SelfServiceController],
})
export class SelfServiceModule {}
