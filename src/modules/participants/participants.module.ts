import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Participant } from './participant.entity';
import { Child } from './child.entity';
import { Appointment } from './appointment.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Participant, Child, Appointment])],
  controllers: [],
  providers: [],
  exports: [],
})
export class ParticipantsModule {}
