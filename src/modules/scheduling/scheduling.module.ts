import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { AuditModule } from '../audit/audit.module';
import { LanguageProvidersModule } from '../language-providers/language-providers.module';
import { LocationsModule } from '../locations/locations.module';
import { ParticipantsModule } from '../participants/participants.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { RegionsModule } from '../regions/regions.module';
import { StaffModule } from '../staff/staff.module';
import { TravelModule } from '../travel/travel.module';
import { ConflictDetectionService } from './conflict-detection.service';
import { ConflictsService } from './conflicts.service';
import { LetterSignerService } from './letter-signer.service';
import { PinnedSlot } from './pinned-slot.entity';
import { PinnedSlotsService } from './pinned-slots.service';
import { PlanningInputService } from './planning-input.service';
import { ProviderConflictsController } from './provider-conflicts.controller';
import { ProviderConflictsService } from './provider-conflicts.service';
import { SchedulingController } from './scheduling.controller';
import { SchedulingService } from './scheduling.service';
import { SessionConflict } from './session-conflict.entity';

/** Plans the weekly sessions of a programme around the participants' lessons, and keeps their conflicts. */
@Module({
  imports: [
    TypeOrmModule.forFeature([PinnedSlot, SessionConflict]),
    RegionsModule,
    ProgrammesModule,
    LocationsModule,
    StaffModule,
    ParticipantsModule,
    LanguageProvidersModule,
    AuditModule,
    TravelModule,
    AccountsModule,
  ],
  controllers: [SchedulingController, ProviderConflictsController],
  providers: [
    SchedulingService,
    ConflictDetectionService,
    PlanningInputService,
    PinnedSlotsService,
    ConflictsService,
    ProviderConflictsService,
    LetterSignerService,
  ],
  exports: [SchedulingService, ConflictsService],
})
export class SchedulingModule {}
