import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LanguageProvidersModule } from '../language-providers/language-providers.module';
import { LocationsModule } from '../locations/locations.module';
import { ParticipantsModule } from '../participants/participants.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { RegionsModule } from '../regions/regions.module';
import { StaffModule } from '../staff/staff.module';
import { TravelModule } from '../travel/travel.module';
import { GroupProposal } from './group-proposal.entity';
import { GroupProposalsController } from './group-proposals.controller';
import { GroupProposalsService } from './group-proposals.service';

/** Groups proposed from a programme's women by language, level, travel and free time; accepted as groups. */
@Module({
  imports: [
    TypeOrmModule.forFeature([GroupProposal]),
    RegionsModule,
    ProgrammesModule,
    ParticipantsModule,
    LocationsModule,
    LanguageProvidersModule,
    StaffModule,
    TravelModule,
  ],
  controllers: [GroupProposalsController],
  providers: [GroupProposalsService],
})
export class GroupProposalsModule {}
