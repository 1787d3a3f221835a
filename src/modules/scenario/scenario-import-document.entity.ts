import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ScenarioDto } from './dto/scenario.dto';

/**
 * A checked scenario document waiting for its import job: kept here rather than in the job's data (pg-boss keeps
 * that a week, and a document may be megabytes of personal data), and deleted when the job ends.
 */
@Entity('scenario_imports')
export class ScenarioImportDocument {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  regionRef!: string;

  @Column('jsonb')
  document!: ScenarioDto;

  @Column('jsonb', { default: () => "'[]'" })
  warnings!: string[];

  @Column('int', { default: 0 })
  checkedMs!: number;

  @Index('idx_scenario_imports_created_at')
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
