import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TimedWorkModule } from '../jobs/timed-work.module';
import { TravelCacheCleanup } from './travel-cache-cleanup';
import { readTravelConfig, TravelConfig } from './travel-config';
import { TravelTimeCache } from './travel-time-cache.entity';
import { TravelTimeCacheRepository } from './travel-time-cache.repository';
import { TravelTimesService } from './travel-times.service';

/**
 * Travel times and geocoding: an offline model, or Google Maps when an API key is configured, whose answers are
 * kept GOOGLE_MAPS_CACHE_DAYS and then cleaned away daily.
 */
@Module({
  imports: [TypeOrmModule.forFeature([TravelTimeCache]), TimedWorkModule],
  providers: [
    { provide: TravelConfig, useFactory: () => readTravelConfig(process.env) },
    TravelTimeCacheRepository,
    TravelTimesService,
    TravelCacheCleanup,
  ],
  exports: [TravelTimesService],
})
export class TravelModule {}
