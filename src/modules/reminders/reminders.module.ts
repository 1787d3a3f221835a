import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttendanceModule } from '../attendance/attendance.module';
import { ChildcareModule } from '../childcare/childcare.module';
import { TimedWorkModule } from '../jobs/timed-work.module';
import { LocationsModule } from '../locations/locations.module';
import { MessagesModule } from '../messages/messages.module';
import { ParticipantsModule } from '../participants/participants.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { RegionsModule } from '../regions/regions.module';
import { RoutesModule } from '../routes/routes.module';
import { SchedulingModule } from '../scheduling/scheduling.module';
import { TransportModule } from '../transport/transport.module';
import { AbsenceLink } from './absence-link.entity';
import { AbsenceLinksService } from './absence-links.service';
import { ChildcarePlaceMessagesService } from './childcare-place-messages.service';
import { MessageTexts } from './message-texts';
import { RemindersController } from './reminders.controller';
import { RemindersService } from './reminders.service';
import { RemindersTimer } from './reminders-timer';
import { OnlineMessagesService } from './online-messages.service';
import { OutingMessagesService } from './outing-messages.service';

/**
 * Reminders in her own language before each session, change messages at once, and the one-tap link to say she
 * cannot come. Messages go out through the outbox of the messages module. Its texts (MessageTexts) also write
 * her calendar feed.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([AbsenceLink]),
    RegionsModule,
    LocationsModule,
    ParticipantsModule,
    ProgrammesModule,
    SchedulingModule,
    AttendanceModule,
    ChildcareModule,
    RoutesModule,
    TransportModule,
    MessagesModule,
    TimedWorkModule,
  ],
  controllers: [RemindersController],
  providers: [
    RemindersService,
    RemindersTimer,
    OnlineMessagesService,
    OutingMessagesService,
    AbsenceLinksService,
    ChildcarePlaceMessagesService,
    { provide: MessageTexts, useFactory: () => new MessageTexts() },
  ],
  exports: [
    RemindersService,
    OnlineMessagesService,
    OutingMessagesService,
    AbsenceLinksService,
    MessageTexts,
  ],
})
export class RemindersModule {}
