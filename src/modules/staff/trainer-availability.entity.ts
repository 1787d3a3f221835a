import { Check, Column, Entity, Index, ManyToOne } from 'typeorm';
import { WeeklyWindowColumns } from '../../common/database/columns';
import { Trainer } from './trainer.entity';

@Entity('trainer_availability')
@Check('chk_trainer_availability_window', '"to" > "from" AND weekday BETWEEN 1 AND 7')
export class TrainerAvailability extends WeeklyWindowColumns {
  @Index()
  @Column({ type: 'uuid' })
  trainerId: string;

  @ManyToOne(() => Trainer, (owner) => owner.availability, {
    onDelete: 'CASCADE',
    orphanedRowAction: 'delete',
  })
  trainer: Trainer;
}
