import { Module } from '@nestjs/common';
import { TimedWork } from './timed-work';

/**
 * The registry of timed work alone, without the rest of the jobs module: the modules that register work (travel,
 * reminders) are themselves imported, through others, by what the jobs module needs.
 */
@Module({ providers: [TimedWork], exports: [TimedWork] })
export class TimedWorkModule {}
