import { Column, Entity, OneToMany, Unique } from 'typeorm';
import { RegionRecord } from '../regions/region-record';
import { TrainerAvailability } from './trainer-availability.entity';

/** Leads group sessions, one trainer per session. */
@Entity('trainers')
@Unique('uq_trainers_region_ref', ['regionId', 'ref'])
export class Trainer extends RegionRecord {
  @Column({ type: 'text' })
  name: string;

  @OneToMany(() => TrainerAvailability, (window) => window.trainer, { cascade: true })
  availability: TrainerAvailability[];
}
