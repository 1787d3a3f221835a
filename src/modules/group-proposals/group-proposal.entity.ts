import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Level } from '../../planning/groups/levels';
import type { ProposalScore } from '../../planning/groups/propose-groups';
import { Programme } from '../programmes/programme.entity';
import { Region } from '../regions/region.entity';
import { RegionColumnRecord } from '../regions/region-record';

/** A weekly time as answered: its weekday, wall-clock start and end, and how many of the group are free then. */
export interface ProposedTime {
  weekday: number;
  start: string;
  end: string;
  free: number;
}

/** One group of a proposal as it was proposed (edits are applied only when it is accepted). */
export interface StoredProposedGroup {
  number: number;
  locationId: string;
  participantIds: string[];
  languages: { language: string; members: number }[];
  interpreterLanguages: string[];
  levels: Partial<Record<Level | 'unknown', number>>;
  meanTravelMinutes: number;
  commonFreeSlots: number;
  bestTimes: ProposedTime[];
  score: ProposalScore;
}

/**
 * Groups proposed for the women of a programme who are in none of its groups yet, kept so that the coordinator
 * can look at them again; accepting one creates the groups, once.
 */
@Entity('group_proposals')
@Check('chk_group_proposals_sizes', '"min_size" >= 1 AND "max_size" >= "min_size"')
@Index('ix_group_proposals_region', ['regionId'])
export class GroupProposal extends RegionColumnRecord {
  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'FK_group_proposals_region_id' })
  region: Region;

  @Index('ix_group_proposals_programme')
  @Column({ type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => Programme, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'FK_group_proposals_programme_id' })
  programme: Programme;

  @Column({ type: 'integer' })
  minSize: number;

  @Column({ type: 'integer' })
  maxSize: number;

  @Column({ type: 'integer' })
  seed: number;

  /** The locations the groups could meet at. */
  @Column({ type: 'uuid', array: true })
  locationIds: string[];

  @Column({ type: 'jsonb' })
  groups: StoredProposedGroup[];

  @Column({ type: 'jsonb' })
  score: ProposalScore;

  @Column({ type: 'jsonb' })
  explanation: string[];

  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  /** The groups accepting it created, in the order of the proposal's groups. */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  acceptedGroupIds: string[];
}
