import { Injectable, OnModuleInit } from '@nestjs/common';
import { DateTime } from 'luxon';
import { TimedWork } from '../jobs/timed-work';
import { TravelConfig } from './travel-config';
import { TravelTimeCacheRepository } from './travel-time-cache.repository';

/** The pg-boss queue of the daily clean-up (migration TimedWorkQueues). */
export const TRAVEL_CACHE_CLEANUP_QUEUE = 'trefpunt-travel-cache-cleanup';

/** Rows per statement: short locks on a table that plans read and write meanwhile. */
const BATCH = 5000;

/**
 * Google's travel times kept longer than GOOGLE_MAPS_CACHE_DAYS are deleted once a day (Google's terms limit how
 * long its content may be kept; after that they are never read again anyway). With 0 days every stored time goes:
 * a plan still writes what Google answered, but nothing is reused.
 */
@Injectable()
export class TravelCacheCleanup implements OnModuleInit {
  constructor(
    private readonly timed: TimedWork,
    private readonly config: TravelConfig,
    private readonly cache: TravelTimeCacheRepository,
  ) {}

  onModuleInit(): void {
    // On in every instance, with or without a Google key: one without a key (offline travel times) must not take
    // the clean-up off the schedule of instances that store Google's times, and with nothing stored it is cheap.
    this.timed.every(TRAVEL_CACHE_CLEANUP_QUEUE, '30 3 * * *', () => this.cleanUp(new Date()), {
      tz: 'Europe/Amsterdam',
    });
  }

  /** Deletes the times fetched more than the cache days before `now`, in batches; answers how many went. */
  async cleanUp(now: Date, batch = BATCH): Promise<{ deleted: number }> {
    const days = this.config.keptDays;
    const before = DateTime.fromJSDate(now).minus({ days }).toJSDate();
    let deleted = 0;
    for (;;) {
      const count = await this.cache.deleteFetchedBefore(before, batch);
      deleted += count;
      if (count < batch) return { deleted };
    }
  }
}
