import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Location } from './location.entity';
import { LocationOpeningHours } from './location-opening-hours.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Location, LocationOpeningHours])],
  controllers: [],
  providers: [],
  exports: [],
})
export class LocationsModule {}
