import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegionsModule } from '../regions/regions.module';
import { Location } from './location.entity';
import { LocationOpeningHours } from './location-opening-hours.entity';
import { LocationsController } from './locations.controller';
import { LocationsService } from './locations.service';
import { LocationsScenarioService } from './locations-scenario.service';

/** The central training locations of a region, with their opening hours and rooms. */
@Module({
  imports: [TypeOrmModule.forFeature([Location, LocationOpeningHours]), RegionsModule],
  controllers: [LocationsController],
  providers: [LocationsService, LocationsScenarioService],
  exports: [LocationsService, LocationsScenarioService],
})
export class LocationsModule {}
