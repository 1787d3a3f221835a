import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { readTravelConfig, TravelConfig } from './travel-config';
import { TravelTimeCache } from './travel-time-cache.entity';
import { TravelTimeCacheRepository } from './travel-time-cache.repository';
import { TravelTimesService } from './travel-times.service';

/** Travel times and geocoding: an offline model, or Google Maps when an API key is configured. */
@Module({
  imports: [TypeOrmModule.forFeature([TravelTimeCache])],
  providers: [
    { provide: TravelConfig, useFactory: () => readTravelConfig(process.env) },
    TravelTimeCacheRepository,
    TravelTimesService,
  ],
  exports: [TravelTimesService],
})
export class TravelModule {}
