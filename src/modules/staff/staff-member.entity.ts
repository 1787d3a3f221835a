import { Check, Column, Entity, OneToMany, Unique } from 'typeorm';
import { StaffRole } from './staff-roles';
import { RegionRecord } from '../regions/region-record';
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
export class StaffMember extends RegionRecord {
  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  roles: StaffRole[];

  @OneToMany(() => StaffMemberAvailability, (window) => window.staffMember, { cascade: true })
  availability: StaffMemberAvailability[];
}
