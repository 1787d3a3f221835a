import { Check, Column, Entity, Index, JoinColumn, ManyToOne, OneToMany } from 'typeorm';
import { Participant } from '../participants/participant.entity';
import { Programme } from '../programmes/programme.entity';
import { Region } from '../regions/region.entity';
import { RegionColumnRecord } from '../regions/region-record';
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
@Index('ix_car_pool_offers_region_id', ['regionId'])
@Check('chk_car_pool_offers_two_women', '"driver_id" <> "passenger_id"')
@Check('chk_car_pool_offers_children', '"children" >= 0')
export class CarPoolOffer extends RegionColumnRecord {
  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'FK_car_pool_offers_region_id' })
  region: Region;

  @Column({ type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => Programme, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'FK_car_pool_offers_programme_id' })
  programme: Programme;

  @Index('ix_car_pool_offers_driver_id')
  @Column({ type: 'uuid' })
  driverId: string;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'driver_id', foreignKeyConstraintName: 'FK_car_pool_offers_driver_id' })
  driver: Participant;

  @Index('ix_car_pool_offers_passenger_id')
  @Column({ type: 'uuid' })
  passengerId: string;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'passenger_id', foreignKeyConstraintName: 'FK_car_pool_offers_passenger_id' })
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
