import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * What the service keeps of a job beside pg-boss's own row: what kind of work it is and for which region (who
 * may see it), how far it got, and its result. The state and input (ids only) are pg-boss's (schema `pgboss`).
 */
@Entity('jobs')
export class JobRecord {
  /** The same id as the job in pg-boss. */
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  kind!: string;

  @Column('uuid', { nullable: true })
  regionId!: string | null;

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

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
