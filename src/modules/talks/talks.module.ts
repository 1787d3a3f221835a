import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LanguageProvidersModule } from '../language-providers/language-providers.module';
import { LocationsModule } from '../locations/locations.module';
import { MessagesModule } from '../messages/messages.module';
import { ParticipantsModule } from '../participants/participants.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { RegionsModule } from '../regions/regions.module';
import { RemindersModule } from '../reminders/reminders.module';
import { StaffModule } from '../staff/staff.module';
import { TravelModule } from '../travel/travel.module';
import { TalkFeedsService } from './talk-feeds.service';
import { TalkMessagesService } from './talk-messages.service';
import { TalkOccurrence } from './talk-occurrence.entity';
import { TalkPlanningService } from './talk-planning.service';
import { TalkReplanService } from './talk-replan.service';
import { TalkSeries } from './talk-series.entity';
import { ClosingTalksController, TalksController } from './talks.controller';
import { TalksService } from './talks.service';
import { ProgrammeClosingTalks } from './programme-closing-talks.entity';
import { TalksScenarioService } from './talks-scenario.service';

/**
 * Individual talks: recurring talks of a participant with her jobcoach, coach or language buddy, and closing talks
 * at the end of a programme; planned around her lessons and sessions, re-planned when a session moves, reminded of
 * in her language and shown in the calendar feeds.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([TalkSeries, TalkOccurrence, ProgrammeClosingTalks]),
    RegionsModule,
    ParticipantsModule,
    ProgrammesModule,
    StaffModule,
    LocationsModule,
    LanguageProvidersModule,
    TravelModule,
    MessagesModule,
    RemindersModule,
  ],
  controllers: [TalksController, ClosingTalksController],
  providers: [
    TalksService,
    TalkPlanningService,
    TalkReplanService,
    TalkMessagesService,
    TalkFeedsService,
    TalksScenarioService,
  ],
  exports: [TalksService, TalkFeedsService, TalksScenarioService],
})
export class TalksModule {}
