import { Check, Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, Unique } from 'typeorm';
import { StaffRole } from './staff-roles';
import { Region } from '../regions/region.entity';
import { RegionColumnRecord } from '../regions/region-record';
import { StaffMemberAvailability } from './staff-member-availability.entity';

/**
 * Takes a part at sessions beside the trainer and the interpreters: co-trainer, experience expert (ervaringsdeskundige)
 * or childcare volunteer (oppas), whichever of those roles she can take, one at a time; or meets participants one
 * to one in talks: jobcoach, coach, language buddy, case manager.
 */
@Entity('staff_members')
@Unique('uq_staff_members_region_ref', ['regionId', 'ref'])
@Check(
  'chk_staff_members_roles',
  `"roles" <@ ARRAY['co-trainer', 'experience-expert', 'childcare-volunteer', 'jobcoach', 'coach', 'language-buddy', 'case-manager']::text[]`,
)
@Index('ix_staff_members_region', ['regionId'])
export class StaffMember extends RegionColumnRecord {
  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'FK_staff_members_region' })
  region: Region;

  /** Its scenario id, unique within the region. */
  @Column({ type: 'text', nullable: true })
  ref: string | null;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  roles: StaffRole[];

  @OneToMany(() => StaffMemberAvailability, (window) => window.staffMember, { cascade: true })
  availability: StaffMemberAvailability[];
}
