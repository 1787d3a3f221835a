import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChildcareProvider } from './childcare-provider.entity';
import { ChildcareOpeningHours } from './childcare-opening-hours.entity';
import { ChildcarePlaces } from './childcare-places.entity';

@Module({
  imports: [TypeOrmModule.forFeature([ChildcareProvider, ChildcareOpeningHours, ChildcarePlaces])],
  controllers: [],
  providers: [],
  exports: [],
})
export class ChildcareModule {}
