import { Check, Column, Entity, Index, ManyToOne } from 'typeorm';
import { BaseRecord, dateListTransformer, Position, TimeOfDayColumn } from '../../common/database/columns';
import { Participant } from '../participants/participant.entity';
import { LanguageProvider } from './language-provider.entity';

/** A weekly series of a participant's lessons at her taalaanbieder, valid between two dates. */
@Entity('lessons')
@Check('chk_lessons_times', '"to" > "from" AND weekday BETWEEN 1 AND 7')
@Check('chk_lessons_validity', '"valid_to" >= "valid_from"')
export class Lesson extends BaseRecord {
  @Index()
  @Column({ type: 'uuid' })
  participantId: string;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  participant: Participant;

  @Index()
  @Column({ type: 'uuid' })
  providerId: string;

  @ManyToOne(() => LanguageProvider, { onDelete: 'RESTRICT' })
  provider: LanguageProvider;

  @Column({ type: 'smallint' })
  weekday: number;

  @TimeOfDayColumn()
  from: string;

  @TimeOfDayColumn()
  to: string;

  /** Where the lesson is given, to judge the travel to and from a session. */
  @Column(() => Position)
  position: Position;

  @Column({ type: 'date' })
  validFrom: string;

  @Column({ type: 'date' })
  validTo: string;

  /** Dates within the validity on which the lesson does not take place (an iCalendar EXDATE). */
  @Column({ type: 'date', array: true, default: () => "'{}'", transformer: dateListTransformer })
  exceptDates: string[];
}
