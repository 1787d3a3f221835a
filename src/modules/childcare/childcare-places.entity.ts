import { Check, Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ChildcareProvider } from './childcare-provider.entity';

/** How many children of an age band (in whole months, inclusive) a provider takes at once. */
@Entity('childcare_places')
@Check(
  'chk_childcare_places_band',
  '"min_age_months" >= 0 AND "max_age_months" >= "min_age_months" AND "capacity" >= 0',
)
export class ChildcarePlaces {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  providerId: string;

  @ManyToOne(() => ChildcareProvider, (provider) => provider.places, {
    onDelete: 'CASCADE',
    orphanedRowAction: 'delete',
  })
  provider: ChildcareProvider;

  @Column({ type: 'integer' })
  minAgeMonths: number;

  @Column({ type: 'integer' })
  maxAgeMonths: number;

  @Column({ type: 'integer' })
  capacity: number;
}
