import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegionsModule } from '../regions/regions.module';
import { Vehicle } from './vehicle.entity';
import { VehicleAvailability } from './vehicle-availability.entity';
import { VehiclesController } from './vehicles.controller';
import { VehiclesService } from './vehicles.service';
import { TransportScenarioService } from './transport-scenario.service';

/** The vehicles that collect participants, with their seats, depot and weekly availability. */
@Module({
  imports: [TypeOrmModule.forFeature([Vehicle, VehicleAvailability]), RegionsModule],
  controllers: [VehiclesController],
  providers: [VehiclesService, TransportScenarioService],
  exports: [VehiclesService, TransportScenarioService],
})
export class TransportModule {}
