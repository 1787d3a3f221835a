import { Column, Entity, Unique } from 'typeorm';
import { RegionRecord } from '../regions/region-record';

/** A taalaanbieder: a school that gives the participants their inburgering (language) lessons. */
@Entity('language_providers')
@Unique('uq_language_providers_region_ref', ['regionId', 'ref'])
export class LanguageProvider extends RegionRecord {
  @Column({ type: 'text' })
  name: string;

  /** Where timetable questions and conflict letters go. */
  @Column({ type: 'text', nullable: true })
  email: string | null;
}
