import { Check, Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** What a programme may spend on childcare, travel, allowances, taxis and interpreters, in euro cents. */
@Entity('programme_budgets')
@Check('chk_programme_budgets_amount', '"amount_cents" >= 0')
export class ProgrammeBudget {
  @PrimaryColumn({ type: 'uuid' })
  programmeId: string;

  @Index('ix_programme_budgets_region')
  @Column({ type: 'uuid' })
  regionId: string;

  @Column({ type: 'integer' })
  amountCents: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
