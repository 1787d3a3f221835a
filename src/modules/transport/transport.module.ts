import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Vehicle } from './vehicle.entity';
import { VehicleAvailability } from './vehicle-availability.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Vehicle, VehicleAvailability])],
  controllers: [],
  providers: [],
  exports: [],
})
export class TransportModule {}
