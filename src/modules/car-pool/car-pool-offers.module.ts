import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CarPoolOfferSession } from './car-pool-offer-session.entity';
import { CarPoolOffer } from './car-pool-offer.entity';
import { CarPoolOffersService } from './car-pool-offers.service';

/**
 * The car-pool offers and who rides with whom. Apart from the car-pool use cases (CarPoolModule) so that the
 * routes and the plan can read it without a cycle: the use cases re-plan the routes.
 */
@Module({
  imports: [TypeOrmModule.forFeature([CarPoolOffer, CarPoolOfferSession])],
  providers: [CarPoolOffersService],
  exports: [CarPoolOffersService],
})
export class CarPoolOffersModule {}
