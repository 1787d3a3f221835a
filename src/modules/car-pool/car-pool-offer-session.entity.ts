import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Session } from '../programmes/session.entity';
import { CarPoolOffer } from './car-pool-offer.entity';

/** A session an offer is for: one where the passenger's home lies on the driver's way within the limits. */
@Entity('car_pool_offer_sessions')
export class CarPoolOfferSession {
  @PrimaryColumn({ type: 'uuid' })
  offerId: string;

  @ManyToOne(() => CarPoolOffer, (offer) => offer.sessions, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'offer_id', foreignKeyConstraintName: 'FK_car_pool_offer_sessions_offer_id' })
  offer: CarPoolOffer;

  @Index('ix_car_pool_offer_sessions_session')
  @PrimaryColumn({ type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => Session, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'FK_car_pool_offer_sessions_session_id' })
  session: Session;
}
