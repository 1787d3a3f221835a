import { Injectable, OnModuleInit } from '@nestjs/common';
import { Environment } from '../../../config/environment';
import { TimedWork } from '../jobs/timed-work';
import { RemindersService } from './reminders.service';

/** The pg-boss queue of the reminders' timed runs (migration TimedWorkQueues). */
export const REMINDERS_QUEUE = 'trefpunt-reminders';

/** The reminder job every five minutes (TREFPUNT_REMINDERS_CRON), once per period over all instances. */
@Injectable()
export class RemindersTimer implements OnModuleInit {
  constructor(
    private readonly timed: TimedWork,
    private readonly environment: Environment,
    private readonly reminders: RemindersService,
  ) {}

  onModuleInit(): void {
    this.timed.every(REMINDERS_QUEUE, this.environment.TREFPUNT_REMINDERS_CRON, () => this.reminders.tick(), {
      enabled: this.environment.TREFPUNT_REMINDERS,
    });
  }
}
