import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { describeCheckConstraints } from '../../common/errors/database-errors';
import { AuditModule } from '../audit/audit.module';
import { ParticipantsModule } from '../participants/participants.module';
import { RegionsModule } from '../regions/regions.module';
import { LanguageProvider } from './language-provider.entity';
import { LanguageProvidersScenarioService } from './language-providers-scenario.service';
import { LanguageProvidersController } from './language-providers.controller';
import { LanguageProvidersService } from './language-providers.service';
import { Lesson } from './lesson.entity';
import { LessonsController } from './lessons.controller';
import { LessonsService } from './lessons.service';
import { TimetableBodyMiddleware } from './timetable-body.middleware';
import { TimetableController } from './timetable.controller';
import { TimetableImportService } from './timetable-import.service';

// A PATCH of one end of a pair is checked against the stored other end by the schema.
describeCheckConstraints({
  chk_lessons_times: 'to: must be after from',
  chk_lessons_validity: 'validTo: must be on or after validFrom',
});

/** Taalaanbieders and the weekly lessons the participants follow there. */
@Module({
  imports: [
    TypeOrmModule.forFeature([LanguageProvider, Lesson]),
    RegionsModule,
    ParticipantsModule,
    AuditModule,
  ],
  controllers: [LanguageProvidersController, LessonsController, TimetableController],
  providers: [
    LanguageProvidersService,
    LessonsService,
    LanguageProvidersScenarioService,
    TimetableImportService,
  ],
  exports: [LanguageProvidersService, LessonsService, LanguageProvidersScenarioService],
})
export class LanguageProvidersModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // Only this route takes a raw text body (a CSV or iCalendar file); everything else speaks JSON.
    consumer
      .apply(TimetableBodyMiddleware)
      .forRoutes({ path: 'language-providers/:id/timetable', method: RequestMethod.POST });
  }
}
