import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Trainer } from './trainer.entity';
import { TrainerAvailability } from './trainer-availability.entity';
import { Interpreter } from './interpreter.entity';
import { InterpreterAvailability } from './interpreter-availability.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Trainer, TrainerAvailability, Interpreter, InterpreterAvailability])],
  controllers: [],
  providers: [],
  exports: [],
})
export class StaffModule {}
