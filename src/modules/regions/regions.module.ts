import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MunicipalitiesController } from './municipalities.controller';
import { MunicipalitiesService } from './municipalities.service';
import { Municipality } from './municipality.entity';
import { RegionClosedDate } from './region-closed-date.entity';
import { RegionSchoolHours } from './region-school-hours.entity';
import { Region } from './region.entity';
import { RegionsController } from './regions.controller';
import { RegionsService } from './regions.service';
import { RegionsScenarioService } from './regions-scenario.service';

/** Regions (with their policy, school hours and closed dates) and their municipalities. */
@Module({
  imports: [TypeOrmModule.forFeature([Region, RegionSchoolHours, RegionClosedDate, Municipality])],
  controllers: [RegionsController, MunicipalitiesController],
  providers: [RegionsService, MunicipalitiesService, RegionsScenarioService],
  exports: [RegionsService, MunicipalitiesService, RegionsScenarioService],
})
export class RegionsModule {}
