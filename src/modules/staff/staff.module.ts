import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegionsModule } from '../regions/regions.module';
import { Trainer } from './trainer.entity';
import { TrainerAvailability } from './trainer-availability.entity';
import { Interpreter } from './interpreter.entity';
import { InterpreterAvailability } from './interpreter-availability.entity';
import { InterpretersController } from './interpreters.controller';
import { InterpretersService } from './interpreters.service';
import { TrainersController } from './trainers.controller';
import { TrainersService } from './trainers.service';
import { StaffScenarioService } from './staff-scenario.service';
import { StaffMember } from './staff-member.entity';
import { StaffMemberAvailability } from './staff-member-availability.entity';
import { StaffMembersController } from './staff-members.controller';
import { StaffMembersService } from './staff-members.service';

/**
 * The trainers who lead sessions, the interpreters who join them and the staff members who take the other roles
 * (co-trainer, experience expert, childcare volunteer), with their weekly availability.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      Trainer,
      TrainerAvailability,
      Interpreter,
      InterpreterAvailability,
      StaffMember,
      StaffMemberAvailability,
    ]),
    RegionsModule,
  ],
  controllers: [TrainersController, InterpretersController, StaffMembersController],
  providers: [TrainersService, InterpretersService, StaffMembersService, StaffScenarioService],
  exports: [TrainersService, InterpretersService, StaffMembersService, StaffScenarioService],
})
export class StaffModule {}
