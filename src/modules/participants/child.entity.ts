import { Column, Entity, Index, ManyToOne, Unique } from 'typeorm';
import { RegionRecord } from '../regions/region-record';
import { Participant } from './participant.entity';

/** A participant's child, who may need care while her mother is at a session. */
@Entity('children')
@Unique('uq_children_region_ref', ['regionId', 'ref'])
export class Child extends RegionRecord {
  @Index()
  @Column({ type: 'uuid' })
  participantId: string;

  @ManyToOne(() => Participant, { onDelete: 'CASCADE' })
  participant: Participant;

  @Column({ type: 'date' })
  birthDate: string;

  /** The partner looks after the child: no childcare needed. */
  @Column({ type: 'boolean', default: false })
  careByPartner: boolean;
}
