import { Check, Column, Entity, Exclusion, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ChildcareProvider } from './childcare-provider.entity';

/** How many children of an age band (in whole months, inclusive) a provider takes at once. */
@Entity('childcare_places')
@Check(
  'chk_childcare_places_band',
  '"min_age_months" >= 0 AND "max_age_months" >= "min_age_months" AND "capacity" >= 0',
)
// Deferred in the migration ChildcarePlacesRules: judged on the bands as they stand at commit, not row by row.
@Exclusion(
  'ex_childcare_places_ages',
  `USING gist ("provider_id" WITH =, int4range("min_age_months", "max_age_months", '[]') WITH &&)`,
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
