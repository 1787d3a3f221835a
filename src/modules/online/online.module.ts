import { Module } from '@nestjs/common';
import { ChildcareModule } from '../childcare/childcare.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { RemindersModule } from '../reminders/reminders.module';
import { RoutesModule } from '../routes/routes.module';
import { OnlineController } from './online.controller';
import { OnlineSwitchService } from './online-switch.service';

/**
 * Switching sessions online and back: the period (kept by the programmes module), then the care, the rides and
 * the messages that follow, in that order.
 */
@Module({
  imports: [ProgrammesModule, ChildcareModule, RoutesModule, RemindersModule],
  controllers: [OnlineController],
  providers: [OnlineSwitchService],
})
export class OnlineModule {}
