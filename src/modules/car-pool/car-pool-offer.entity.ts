import { Check, Column, Entity, Index, ManyToOne, OneToMany } from 'typeorm';
import { Participant } from '../participants/participant.entity';
import { Programme } from '../programmes/programme.entity';
import { RegionOwnedRecord } from '../regions/region-record';
import { CarPoolOfferSession } from './car-pool-offer-session.entity';

export const CAR_POOL_STATUSES = ['offered', 'accepted', 'declined', 'withdrawn'] as const;
export type CarPoolStatus = (typeof CAR_POOL_STATUSES)[number];

/**
 * An offer to a woman who drives herself (`driver`) to take another (`passenger`) along to some sessions of a
 * programme, there and back. While accepted, the passenger's ride to those sessions is this car: the vehicles do
 * not collect her.
 */
@Entity('car_pool_offers')
@Index('uq_car_pool_offers_standing', ['programmeId', 'driverId', 'passengerId'], {
  unique: true,
  where: `"status" IN ('offered', 'accepted', 'declined')`,
})
@Check('chk_car_pool_offers_status', `"status" IN ('offered', 'accepted', 'declined', 'withdrawn')`)
export class CarPoolOffer extends RegionOwnedRecord {
  @Column({ type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => Programme, { onDelete: 'CASCADE' })
  programme: Programme;

  @Column({ type: 'uuid' })
  driverId: string;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  driver: Participant;

  @Column({ type: 'uuid' })
  passengerId: string;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  passenger: Participant;

  /** Her children who ride along (cared for at the location), each on a seat of the car. */
  @Column({ type: 'integer', default: 0 })
  children: number;

  @Column({ type: 'text', default: 'offered' })
  status: CarPoolStatus;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  @OneToMany(() => CarPoolOfferSession, (session) => session.offer, { cascade: ['insert'] })
  sessions: CarPoolOfferSession[];
}
