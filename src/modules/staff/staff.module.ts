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

/** The trainers who lead sessions and the interpreters who join them, with their weekly availability. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Trainer, TrainerAvailability, Interpreter, InterpreterAvailability]),
    RegionsModule,
  ],
  controllers: [TrainersController, InterpretersController],
  providers: [TrainersService, InterpretersService, StaffScenarioService],
  exports: [TrainersService, InterpretersService, StaffScenarioService],
})
export class StaffModule {}
