import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsOptional,
  IsUUID,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { IsNested } from '../../../common/validation/decorators';
import { LEVELS } from '../../../planning/groups/levels';
import type { ProposalScore } from '../../../planning/groups/propose-groups';
import { isGiven } from '../../programmes/dto/is-given';
import { GroupProposal, ProposedTime, StoredProposedGroup } from '../group-proposal.entity';

export class CreateGroupProposalDto {
  @ApiProperty({ example: 8, description: 'the fewest women in a group' })
  @IsInt()
  @Min(1)
  @Max(200)
  minSize: number;

  @ApiProperty({ example: 12, description: 'the most women in a group; at least minSize' })
  @IsInt()
  @Min(1)
  @Max(200)
  maxSize: number;

  @ApiPropertyOptional({
    type: String,
    isArray: true,
    format: 'uuid',
    description:
      "where groups may meet: locations of the programme's region; left out: the locations of the programme's " +
      'groups, or with none, every location of the region (that the caller may see)',
  })
  @ValidateIf(isGiven)
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  locationIds?: string[];

  @ApiPropertyOptional({
    type: String,
    isArray: true,
    format: 'uuid',
    description:
      'the women to put in groups; left out: every woman of the region (that the caller may see) who is in none ' +
      "of the programme's groups",
  })
  @ValidateIf(isGiven)
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  participantIds?: string[];

  @ApiPropertyOptional({ default: 1, description: 'the same seed and data give the same proposal' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2_147_483_647)
  seed?: number;
}

export class ProposalMoveDto {
  @ApiProperty({ format: 'uuid', description: 'a woman of the proposal' })
  @IsUUID()
  participantId: string;

  @ApiProperty({
    example: 2,
    description: "the number of the proposed group she moves to (the proposal's `number`)",
  })
  @IsInt()
  @Min(1)
  toGroup: number;
}

export class AcceptGroupProposalDto {
  @ApiPropertyOptional({
    type: [ProposalMoveDto],
    description: 'edits before accepting: women moved to another proposed group, in order',
  })
  @ValidateIf(isGiven)
  @IsArray()
  @ArrayMaxSize(500)
  @IsNested(() => ProposalMoveDto, { each: true })
  moves?: ProposalMoveDto[];

  @ApiPropertyOptional({
    type: String,
    isArray: true,
    format: 'uuid',
    description: "the trainers who may lead every new group; left out: all the region's trainers",
  })
  @ValidateIf(isGiven)
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  trainerIds?: string[];
}

export class ProposedTimeDto implements ProposedTime {
  @ApiProperty({ example: 2, description: '1 = Monday … 7 = Sunday' }) weekday: number;
  @ApiProperty({ example: '09:30' }) start: string;
  @ApiProperty({ example: '11:30' }) end: string;
  @ApiProperty({ description: 'how many of the group are free of lessons then' }) free: number;
}

export class ProposalScoreDto implements ProposalScore {
  @ApiProperty() interpreterLanguages: number;
  @ApiProperty() mixedLanguages: number;
  @ApiProperty() outsideMainLanguage: number;
  @ApiProperty() levelSpread: number;
  @ApiProperty() levelDistance: number;
  @ApiProperty() travelMinutes: number;
  @ApiProperty() freeAtBestTime: number;
  @ApiProperty() commonFreeSlots: number;
}

export class ProposedGroupDto implements StoredProposedGroup {
  @ApiProperty({ example: 1 }) number: number;
  @ApiProperty({ format: 'uuid' }) locationId: string;
  @ApiProperty({ type: String, isArray: true, format: 'uuid' }) participantIds: string[];
  @ApiProperty({ description: 'its languages, most spoken first' })
  languages: { language: string; members: number }[];
  @ApiProperty({
    type: String,
    isArray: true,
    description: 'the languages its women need an interpreter for',
  })
  interpreterLanguages: string[];
  @ApiProperty({ description: `women per level (${LEVELS.join(', ')}, unknown)`, example: { A1: 5, A2: 3 } })
  levels: StoredProposedGroup['levels'];
  @ApiProperty({ description: 'from home to its location, on average' }) meanTravelMinutes: number;
  @ApiProperty({ description: 'weekly times at which more than half of it is free of lessons' })
  commonFreeSlots: number;
  @ApiProperty({
    type: [ProposedTimeDto],
    description: 'the weekly times the most of it are free, best first',
  })
  bestTimes: ProposedTime[];
  @ApiProperty({ type: ProposalScoreDto }) score: ProposalScore;
}

export class GroupProposalDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty() createdAt: Date;
  @ApiProperty() minSize: number;
  @ApiProperty() maxSize: number;
  @ApiProperty() seed: number;
  @ApiProperty({ type: String, isArray: true, format: 'uuid' }) locationIds: string[];
  @ApiProperty({ type: [ProposedGroupDto] }) groups: ProposedGroupDto[];
  @ApiProperty({
    type: ProposalScoreDto,
    description: 'the sum over its groups, judged in the order of its fields',
  })
  score: ProposalScore;
  @ApiProperty({ type: String, isArray: true, description: 'the score in words, one line per criterion' })
  explanation: string[];
  @ApiProperty({ nullable: true, type: Date }) acceptedAt: Date | null;
  @ApiProperty({
    type: String,
    isArray: true,
    format: 'uuid',
    description: 'the groups accepting it created',
  })
  acceptedGroupIds: string[];

  static from(proposal: GroupProposal): GroupProposalDto {
    const { id, programmeId, createdAt, minSize, maxSize, seed, locationIds, groups, score, explanation } =
      proposal;
    return {
      id,
      programmeId,
      createdAt,
      minSize,
      maxSize,
      seed,
      locationIds,
      groups,
      score,
      explanation,
      acceptedAt: proposal.acceptedAt,
      acceptedGroupIds: proposal.acceptedGroupIds,
    };
  }
}
