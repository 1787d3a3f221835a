import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Advice } from '../../planning/joint/advice';
import { Programme } from '../programmes/programme.entity';
import { Region } from '../regions/region.entity';

/**
 * What the last whole plan of a programme found: who could come then, the bound with the care places and the
 * fleet counted, and the advice. Replaced by each plan; later changes (absences, moved sessions) leave it as it
 * was, the export's own count of who can come tells the plan as it stands.
 */
@Entity('programme_plan_outcomes')
export class ProgrammePlanOutcome {
  @PrimaryColumn({ type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => Programme, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'FK_programme_plan_outcomes_programme_id' })
  programme?: Programme;

  @Index('ix_programme_plan_outcomes_region')
  @Column({ type: 'uuid' })
  regionId: string;

  @ManyToOne(() => Region, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'FK_programme_plan_outcomes_region_id' })
  region?: Region;

  @Column({ type: 'timestamptz' })
  plannedAt: Date;

  @Column({ type: 'integer' })
  memberSessions: number;

  @Column({ type: 'integer' })
  canCome: number;

  @Column({ type: 'integer' })
  upperBound: number;

  /** Location ids are the scenario's refs, as the advice's texts name them. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  advice: Advice[];
}
