import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LocationsModule } from '../locations/locations.module';
import { RegionsModule } from '../regions/regions.module';
import { ChildcareProvider } from './childcare-provider.entity';
import { ChildcareOpeningHours } from './childcare-opening-hours.entity';
import { ChildcarePlaces } from './childcare-places.entity';
import { ChildcareProvidersController } from './childcare-providers.controller';
import { ChildcareProvidersService } from './childcare-providers.service';
import { ChildcareScenarioService } from './childcare-scenario.service';

/** Formal and volunteer childcare providers, with their opening hours, places per age band and price. */
@Module({
  imports: [
    TypeOrmModule.forFeature([ChildcareProvider, ChildcareOpeningHours, ChildcarePlaces]),
    RegionsModule,
    LocationsModule,
  ],
  controllers: [ChildcareProvidersController],
  providers: [ChildcareProvidersService, ChildcareScenarioService],
  exports: [ChildcareProvidersService, ChildcareScenarioService],
})
export class ChildcareModule {}
