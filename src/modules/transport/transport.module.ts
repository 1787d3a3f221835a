import { Module } from '@nestjs/common';
import { DriverSelfController } from './driver-self.controller';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegionsModule } from '../regions/regions.module';
import { Driver } from './driver.entity';
import { DriversController } from './drivers.controller';
import { DriversService } from './drivers.service';
import { Vehicle } from './vehicle.entity';
import { VehicleAvailability } from './vehicle-availability.entity';
import { VehiclesController } from './vehicles.controller';
import { VehiclesService } from './vehicles.service';
import { TransportScenarioService } from './transport-scenario.service';

/** The vehicles that collect participants, with their seats, depot and weekly availability, and their drivers. */
@Module({
  imports: [TypeOrmModule.forFeature([Vehicle, VehicleAvailability, Driver]), RegionsModule],
  controllers: [DriverSelfController, VehiclesController, DriversController],
  providers: [VehiclesService, DriversService, TransportScenarioService],
  exports: [VehiclesService, DriversService, TransportScenarioService],
})
export class TransportModule {}
