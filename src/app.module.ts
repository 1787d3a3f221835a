import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ConfigurationModule } from './common/configuration/configuration.module';
import { DatabaseModule } from './common/database/database.module';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { LoggingModule } from './common/logging/logging.module';
import { AccessModule } from './modules/access/access.module';
import { HealthModule } from './modules/health/health.module';
import { RegionsModule } from './modules/regions/regions.module';
import { ScenarioModule } from './modules/scenario/scenario.module';
import { LocationsModule } from './modules/locations/locations.module';
import { LanguageProvidersModule } from './modules/language-providers/language-providers.module';
import { ParticipantsModule } from './modules/participants/participants.module';
import { StaffModule } from './modules/staff/staff.module';
import { TransportModule } from './modules/transport/transport.module';
import { ChildcareModule } from './modules/childcare/childcare.module';
import { ProgrammesModule } from './modules/programmes/programmes.module';

@Module({
  imports: [
    ConfigurationModule,
    LoggingModule,
    DatabaseModule,
    AccessModule,
    HealthModule,
    RegionsModule,
    LocationsModule,
    LanguageProvidersModule,
    ParticipantsModule,
    StaffModule,
    TransportModule,
    ChildcareModule,
    ProgrammesModule,
    ScenarioModule,
  ],
  providers: [{ provide: APP_FILTER, useClass: AllExceptionsFilter }],
})
export class AppModule {}
