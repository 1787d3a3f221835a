import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One-time steps of a database's life, such as loading the demo region, so that they are never repeated. */
@Entity('setup_steps')
export class SetupStep {
  @PrimaryColumn({ type: 'text' })
  name: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  doneAt: Date;
}
