import { Check, Column, Entity, Index, ManyToOne } from 'typeorm';
import { WeeklyWindowColumns } from '../../common/database/columns';
import { Interpreter } from './interpreter.entity';

@Entity('interpreter_availability')
@Check('chk_interpreter_availability_window', '"to" > "from" AND weekday BETWEEN 1 AND 7')
export class InterpreterAvailability extends WeeklyWindowColumns {
  @Index()
  @Column({ type: 'uuid' })
  interpreterId: string;

  @ManyToOne(() => Interpreter, (owner) => owner.availability, {
    onDelete: 'CASCADE',
    orphanedRowAction: 'delete',
  })
  interpreter: Interpreter;
}
