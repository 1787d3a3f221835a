import { Check, Column, Entity, Index, JoinTable, ManyToMany, ManyToOne, OneToMany, Unique } from 'typeorm';
import { Location } from '../locations/location.entity';
import { RegionRecord } from '../regions/region-record';
import { Interpreter } from '../staff/interpreter.entity';
import { Trainer } from '../staff/trainer.entity';
import { Group } from './group.entity';
import { SessionRole } from './session-role.entity';

export const SESSION_STATUSES = ['planned', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** One meeting of a group: an interval of real time (stored as instants), at a location. */
@Entity('sessions')
@Unique('uq_sessions_region_ref', ['regionId', 'ref'])
@Check('chk_sessions_times', '"end" > "start"')
@Check('chk_sessions_status', `"status" IN ('planned', 'cancelled')`)
export class Session extends RegionRecord {
  @Index()
  @Column({ type: 'uuid' })
  groupId: string;

  @ManyToOne(() => Group, { onDelete: 'RESTRICT' })
  group: Group;

  @Column({ type: 'uuid' })
  locationId: string;

  @ManyToOne(() => Location, { onDelete: 'RESTRICT' })
  location: Location;

  @Index()
  @Column({ type: 'timestamptz' })
  start: Date;

  @Column({ type: 'timestamptz' })
  end: Date;

  @Column({ type: 'uuid', nullable: true })
  trainerId: string | null;

  @ManyToOne(() => Trainer, { onDelete: 'RESTRICT', nullable: true })
  trainer: Trainer | null;

  @ManyToMany(() => Interpreter)
  @JoinTable({
    name: 'session_interpreters',
    joinColumn: { name: 'session_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'interpreter_id', referencedColumnName: 'id' },
  })
  interpreters: Interpreter[];

  /** Who takes the other roles its phase needs: co-trainer, experience expert, childcare volunteer. */
  @OneToMany(() => SessionRole, (holder) => holder.session)
  roles: SessionRole[];

  @Column({ type: 'text', default: 'planned' })
  status: SessionStatus;
}
