import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { ChildcareModule } from '../childcare/childcare.module';
import { CostsModule } from '../costs/costs.module';
import { JobsModule } from '../jobs/jobs.module';
import { LanguageProvidersModule } from '../language-providers/language-providers.module';
import { LocationsModule } from '../locations/locations.module';
import { ParticipantsModule } from '../participants/participants.module';
import { PlansModule } from '../plans/plans.module';
import { TalksModule } from '../talks/talks.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { RegionsModule } from '../regions/regions.module';
import { StaffModule } from '../staff/staff.module';
import { TransportModule } from '../transport/transport.module';
import { DemoDataLoader } from './demo-data.loader';
import { ScenarioController } from './scenario.controller';
import { ScenarioExportService } from './scenario-export.service';
import { ScenarioImportService } from './scenario-import.service';
import { ScenarioImportDocument } from './scenario-import-document.entity';
import { ScenarioImportJobsService } from './scenario-import-jobs.service';
import { SetupStep } from './setup-step.entity';

/** Whole regions in and out as scenario documents (see README), and the demo region of a first start. */
@Module({
  imports: [
    TypeOrmModule.forFeature([SetupStep, ScenarioImportDocument]),
    RegionsModule,
    LocationsModule,
    LanguageProvidersModule,
    ParticipantsModule,
    StaffModule,
    TransportModule,
    ChildcareModule,
    ProgrammesModule,
    AuditModule,
    CostsModule,
    JobsModule,
    PlansModule,
    TalksModule,
  ],
  controllers: [ScenarioController],
  providers: [ScenarioImportService, ScenarioImportJobsService, ScenarioExportService, DemoDataLoader],
  exports: [ScenarioImportService, ScenarioExportService],
})
export class ScenarioModule {}
