import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Region } from '../regions/region.entity';

/**
 * What the service keeps of a job beside pg-boss's own row: what kind of work it is and for which region (who
 * may see it), how far it got, and its result. The state and input (ids only) are pg-boss's (schema `pgboss`).
 */
@Entity('jobs')
@Check('chk_jobs_fraction', '"fraction" >= 0 AND "fraction" <= 1')
@Check('chk_jobs_attempts', '"attempts" >= 0')
export class JobRecord {
  /** The same id as the job in pg-boss. */
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  kind!: string;

  @Index('idx_jobs_region')
  @Column('uuid', { nullable: true })
  regionId!: string | null;

  @ManyToOne(() => Region, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'fk_jobs_region' })
  region?: Region | null;

  /** 0 to 1. */
  @Column('real', { default: 0 })
  fraction!: number;

  @Column('text', { nullable: true })
  step!: string | null;

  /** The instance (host and process id) that runs or ran it. */
  @Column('text', { nullable: true })
  instance!: string | null;

  /** How many times an instance started it: more than one after an instance died or stopped under it. */
  @Column('int', { default: 0 })
  attempts!: number;

  /**
   * What the work answered, here rather than in pg-boss's output: it may name participants, so it is read through
   * JobsService (audited) and cleared of a participant at her erasure. Null until done.
   */
  @Column('jsonb', { nullable: true })
  result!: unknown;

  /** When its work ran, holding its region's lock (the last attempt): by the database's clock. */
  @Column('timestamptz', { nullable: true })
  ranFrom!: Date | null;

  @Column('timestamptz', { nullable: true })
  ranUntil!: Date | null;

  @Index('idx_jobs_created_at')
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
