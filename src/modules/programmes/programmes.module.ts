import { forwardRef, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LocationsModule } from '../locations/locations.module';
import { ParticipantsModule } from '../participants/participants.module';
import { RegionsModule } from '../regions/regions.module';
import { StaffModule } from '../staff/staff.module';
import { Group } from './group.entity';
import { GroupsController } from './groups.controller';
import { GroupsService } from './groups.service';
import { Programme } from './programme.entity';
import { ProgrammesController } from './programmes.controller';
import { ProgrammesService } from './programmes.service';
import { Session } from './session.entity';
import { SessionRole } from './session-role.entity';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';
import { ProgrammesScenarioService } from './programmes-scenario.service';
import { OnlinePeriod } from './online-period.entity';
import { OnlinePeriodsService } from './online-periods.service';
import { OutingsService } from './outings.service';
import { SessionOuting } from './session-outing.entity';
import { GroupOuting } from './group-outing.entity';

/**
 * Programmes, their groups (members and trainers), the groups' sessions, the periods they are held online, and
 * the sessions held elsewhere (outings).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      Programme,
      Group,
      Session,
      SessionRole,
      OnlinePeriod,
      SessionOuting,
      GroupOuting,
    ]),
    RegionsModule,
    forwardRef(() => ParticipantsModule),
    LocationsModule,
    StaffModule,
  ],
  controllers: [ProgrammesController, GroupsController, SessionsController],
  providers: [
    ProgrammesService,
    GroupsService,
    SessionsService,
    ProgrammesScenarioService,
    OnlinePeriodsService,
    OutingsService,
  ],
  exports: [
    ProgrammesService,
    GroupsService,
    SessionsService,
    ProgrammesScenarioService,
    OnlinePeriodsService,
    OutingsService,
  ],
})
export class ProgrammesModule {}
