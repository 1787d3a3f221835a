import { Check, Column, Entity, OneToMany, Unique } from 'typeorm';
import { RegionRecord } from '../regions/region-record';
import { Group } from './group.entity';
import { ExtraRole } from '../../planning/scheduling/model';
import { ProgrammePhase } from './programme-phase';

/** A training programme: its groups each meet `sessionsPerWeek` times every `intervalWeeks` weeks. */
@Entity('programmes')
@Unique('uq_programmes_region_ref', ['regionId', 'ref'])
@Check(
  'chk_programmes_counts',
  '"sessions_per_group" >= 1 AND "sessions_per_week" BETWEEN 1 AND 7 AND "interval_weeks" >= 1 AND "duration_minutes" BETWEEN 1 AND 1440',
)
@Check('chk_programmes_phases', `jsonb_typeof("phases") = 'array'`)
@Check(
  'chk_programmes_roles',
  `"roles" <@ ARRAY['co-trainer', 'experience-expert', 'childcare-volunteer']::text[]`,
)
export class Programme extends RegionRecord {
  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'date' })
  startDate: string;

  @Column({ type: 'integer' })
  sessionsPerGroup: number;

  @Column({ type: 'integer', default: 1 })
  sessionsPerWeek: number;

  /** 1 = weekly, 2 = fortnightly. */
  @Column({ type: 'integer', default: 1 })
  intervalWeeks: number;

  @Column({ type: 'integer' })
  durationMinutes: number;

  /** Its parts one after another; empty: one phase of the fields above. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  phases: ProgrammePhase[];

  /** No sessions in Ramadan and on the Eids; otherwise the plan only warns of them. */
  @Column({ type: 'boolean', default: false })
  avoidReligiousPeriods: boolean;

  /** The roles every session needs beside its trainer and interpreters, unless its phase says its own. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  roles: ExtraRole[];

  @OneToMany(() => Group, (group) => group.programme)
  groups: Group[];
}
