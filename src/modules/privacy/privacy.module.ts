import { Module } from '@nestjs/common';
import { AttendanceModule } from '../attendance/attendance.module';
import { AuditModule } from '../audit/audit.module';
import { CalendarModule } from '../calendar/calendar.module';
import { ChildcareModule } from '../childcare/childcare.module';
import { JobsModule } from '../jobs/jobs.module';
import { MessagesModule } from '../messages/messages.module';
import { RemindersModule } from '../reminders/reminders.module';
import { RoutesModule } from '../routes/routes.module';
import { LanguageProvidersModule } from '../language-providers/language-providers.module';
import { ParticipantsModule } from '../participants/participants.module';
import { ErasureController } from './erasure.controller';
import { ErasureService } from './erasure.service';
import { CarPoolOffersModule } from '../car-pool/car-pool-offers.module';

/** The participant's rights under the AVG that cut across modules: erasure. */
@Module({
  imports: [
    ParticipantsModule,
    LanguageProvidersModule,
    ChildcareModule,
    AttendanceModule,
    RoutesModule,
    MessagesModule,
    RemindersModule,
    CalendarModule,
    AuditModule,
    JobsModule,
    CarPoolOffersModule,
  ],
  controllers: [ErasureController],
  providers: [ErasureService],
})
export class PrivacyModule {}
