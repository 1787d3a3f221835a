import { forwardRef, Module } from '@nestjs/common';
import { ProgrammesModule } from '../programmes/programmes.module';
import { TypeOrmModule } from '@nestjs/typeorm';
import { describeCheckConstraints } from '../../common/errors/database-errors';
import { RegionsModule } from '../regions/regions.module';
import { Appointment } from './appointment.entity';
import { AppointmentsController } from './appointments.controller';
import { AppointmentsService } from './appointments.service';
import { Child } from './child.entity';
import { ChildrenController } from './children.controller';
import { ChildrenService } from './children.service';
import { Participant } from './participant.entity';
import { ParticipantLists } from './participant-lists';
import { ParticipantsScenarioService } from './participants-scenario.service';
import { ParticipantsController } from './participants.controller';
import { ParticipantsService } from './participants.service';

// A PATCH of only `from` or only `to` is checked against the stored other end by the schema.
describeCheckConstraints({
  chk_appointments_times: 'to: must be after from',
});

/** Participants with their children and one-off appointments. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Participant, Child, Appointment]),
    RegionsModule,
    forwardRef(() => ProgrammesModule),
  ],
  controllers: [ParticipantsController, ChildrenController, AppointmentsController],
  providers: [
    ParticipantsService,
    ParticipantLists,
    ChildrenService,
    AppointmentsService,
    ParticipantsScenarioService,
  ],
  exports: [ParticipantsService, ChildrenService, ParticipantsScenarioService],
})
export class ParticipantsModule {}
