import { Module } from '@nestjs/common';
import { LocationsModule } from '../locations/locations.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { RegionsModule } from '../regions/regions.module';
import { RemindersModule } from '../reminders/reminders.module';
import { OutingSwitchService } from './outing-switch.service';
import { OutingsController } from './outings.controller';

/**
 * Outings: a session held at other places. The outing is kept by the programmes module; care and rides follow the
 * session's move through the usual events; this module says the order and tells the members.
 */
@Module({
  imports: [ProgrammesModule, LocationsModule, RegionsModule, RemindersModule],
  controllers: [OutingsController],
  providers: [OutingSwitchService],
})
export class OutingsModule {}
