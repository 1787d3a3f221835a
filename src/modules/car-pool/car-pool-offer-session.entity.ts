import { Entity, ManyToOne, PrimaryColumn } from 'typeorm';
import { Session } from '../programmes/session.entity';
import { CarPoolOffer } from './car-pool-offer.entity';

/** A session an offer is for: one where the passenger's home lies on the driver's way within the limits. */
@Entity('car_pool_offer_sessions')
export class CarPoolOfferSession {
  @PrimaryColumn({ type: 'uuid' })
  offerId: string;

  @ManyToOne(() => CarPoolOffer, (offer) => offer.sessions, { onDelete: 'CASCADE' })
  offer: CarPoolOffer;

  @PrimaryColumn({ type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => Session, { onDelete: 'CASCADE' })
  session: Session;
}
