import { Column, Entity, OneToMany, Unique } from 'typeorm';
import { RegionRecord } from '../regions/region-record';
import { InterpreterAvailability } from './interpreter-availability.entity';

/** Interprets at sessions for participants who need it, in the languages she speaks. */
@Entity('interpreters')
@Unique('uq_interpreters_region_ref', ['regionId', 'ref'])
export class Interpreter extends RegionRecord {
  @Column({ type: 'text' })
  name: string;

  /** ISO 639 codes. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  languages: string[];

  @OneToMany(() => InterpreterAvailability, (window) => window.interpreter, { cascade: true })
  availability: InterpreterAvailability[];
}
