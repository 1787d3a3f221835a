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
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';
import { ProgrammesScenarioService } from './programmes-scenario.service';

/** Programmes, their groups (members and trainers) and the groups' sessions. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Programme, Group, Session]),
    RegionsModule,
    forwardRef(() => ParticipantsModule),
    LocationsModule,
    StaffModule,
  ],
  controllers: [ProgrammesController, GroupsController, SessionsController],
  providers: [ProgrammesService, GroupsService, SessionsService, ProgrammesScenarioService],
  exports: [ProgrammesService, GroupsService, SessionsService, ProgrammesScenarioService],
})
export class ProgrammesModule {}
