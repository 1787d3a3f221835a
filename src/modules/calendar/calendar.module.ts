import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Environment } from '../../../config/environment';
import { AttendanceModule } from '../attendance/attendance.module';
import { AuditModule } from '../audit/audit.module';
import { ChildcareModule } from '../childcare/childcare.module';
import { LocationsModule } from '../locations/locations.module';
import { ParticipantsModule } from '../participants/participants.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { RegionsModule } from '../regions/regions.module';
import { RemindersModule } from '../reminders/reminders.module';
import { RoutesModule } from '../routes/routes.module';
import { TransportModule } from '../transport/transport.module';
import { CalendarConfig } from './calendar-config';
import { CalendarEventVersion } from './calendar-event-version.entity';
import { CalendarEventVersionsRepository } from './calendar-event-versions.repository';
import { CalendarFeed } from './calendar-feed.entity';
import { CalendarFeedsController } from './calendar-feeds.controller';
import { CalendarFeedsService } from './calendar-feeds.service';
import { FeedRenderingService } from './feed-rendering.service';
import { CoordinatorFeedService } from './feeds/coordinator-feed.service';
import { DriverFeedService } from './feeds/driver-feed.service';
import { ParticipantFeedService } from './feeds/participant-feed.service';
import { StaffFeedService } from './feeds/staff-feed.service';
import { StaffModule } from '../staff/staff.module';
import { TalksModule } from '../talks/talks.module';
import { ParticipantLinksController } from './participant-links.controller';
import { ParticipantLinksService } from './participant-links.service';
import { publicUrlOf } from '../../common/configuration/public-url';

/** Private iCalendar feeds for participants, drivers, staff members and coordinators, and a participant's links. */
@Module({
  imports: [
    TypeOrmModule.forFeature([CalendarFeed, CalendarEventVersion]),
    RegionsModule,
    LocationsModule,
    ParticipantsModule,
    ProgrammesModule,
    TransportModule,
    RoutesModule,
    AttendanceModule,
    ChildcareModule,
    AuditModule,
    RemindersModule,
    StaffModule,
    TalksModule,
  ],
  controllers: [CalendarFeedsController, ParticipantLinksController],
  providers: [
    {
      provide: CalendarConfig,
      inject: [Environment],
      useFactory: (environment: Environment) => new CalendarConfig(publicUrlOf(environment)),
    },
    CalendarFeedsService,
    CalendarEventVersionsRepository,
    ParticipantFeedService,
    DriverFeedService,
    CoordinatorFeedService,
    StaffFeedService,
    FeedRenderingService,
    ParticipantLinksService,
  ],
  exports: [CalendarFeedsService, CalendarConfig],
})
export class CalendarModule {}
