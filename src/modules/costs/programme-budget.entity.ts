import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Programme } from '../programmes/programme.entity';
import { Region } from '../regions/region.entity';

/** What a programme may spend on childcare, travel, allowances, taxis and interpreters, in euro cents. */
@Entity('programme_budgets')
@Check('chk_programme_budgets_amount', '"amount_cents" >= 0')
export class ProgrammeBudget {
  @PrimaryColumn({ type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => Programme, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'FK_programme_budgets_programme_id' })
  programme?: Programme;

  @Index('ix_programme_budgets_region')
  @Column({ type: 'uuid' })
  regionId: string;

  @ManyToOne(() => Region, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'FK_programme_budgets_region_id' })
  region?: Region;

  @Column({ type: 'integer' })
  amountCents: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
