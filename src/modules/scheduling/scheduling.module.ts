import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PinnedSlot } from './pinned-slot.entity';
import { SessionConflict } from './session-conflict.entity';

/** Plans the weekly sessions of a programme around the participants' lessons, and keeps their conflicts. */
@Module({
  imports: [TypeOrmModule.forFeature([PinnedSlot, SessionConflict])],
})
export class SchedulingModule {}
