import { Check, Column, Entity, ManyToOne, OneToMany, Unique } from 'typeorm';
import { numericTransformer, Position } from '../../common/database/columns';
import { Location } from '../locations/location.entity';
import { RegionRecord } from '../regions/region-record';
import { ChildcareOpeningHours } from './childcare-opening-hours.entity';
import { ChildcarePlaces } from './childcare-places.entity';

export const CHILDCARE_KINDS = ['formal', 'volunteer'] as const;
export type ChildcareKind = (typeof CHILDCARE_KINDS)[number];

/** Formal childcare (kinderopvang), or volunteers who look after children at a training location (oppas). */
@Entity('childcare_providers')
@Unique('uq_childcare_providers_region_ref', ['regionId', 'ref'])
@Check('chk_childcare_providers_kind', `"kind" IN ('formal', 'volunteer')`)
@Check('chk_childcare_providers_volunteer_location', `"kind" <> 'volunteer' OR "location_id" IS NOT NULL`)
@Check('chk_childcare_providers_price', '"price_per_hour" >= 0')
export class ChildcareProvider extends RegionRecord {
  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  kind: ChildcareKind;

  /** Where volunteer care is given; formal care has its own address. */
  @Column({ type: 'uuid', nullable: true })
  locationId: string | null;

  @ManyToOne(() => Location, { onDelete: 'RESTRICT', nullable: true })
  location: Location | null;

  @Column(() => Position)
  position: Position;

  @Column({ type: 'numeric', precision: 8, scale: 2, default: 0, transformer: numericTransformer })
  pricePerHour: number;

  @OneToMany(() => ChildcareOpeningHours, (window) => window.provider, { cascade: true })
  openingHours: ChildcareOpeningHours[];

  @OneToMany(() => ChildcarePlaces, (places) => places.provider, { cascade: true })
  places: ChildcarePlaces[];
}
