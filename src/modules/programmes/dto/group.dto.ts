import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { RegionListQueryDto } from '../../../common/api/page';
import { IsCalendarDate, IsNested, IsRef, IsText } from '../../../common/validation/decorators';
import { Group } from '../group.entity';
import { isGiven } from './is-given';

/** ISO 639-1 (`ar`) or, for languages that have none, ISO 639-3 (`prs` for Dari). */
export const LANGUAGE_CODE = /^[a-z]{2,3}$/;

/** A rolling start: the group starts when at least `minReady` of its members are ready. */
export class RollingStartDto {
  @ApiProperty({ minimum: 1, maximum: 200, example: 6, description: 'how many of its members must be ready' })
  @IsInt({ message: '$property must be a whole number of women' })
  @Min(1)
  @Max(200)
  minReady: number;
}

export class CreateGroupDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  regionId: string;

  @IsRef()
  ref?: string | null;

  @ApiProperty({ format: 'uuid', description: 'a programme of the same region' })
  @IsUUID()
  programmeId: string;

  @IsText({ example: 'Eibergen dinsdag' })
  name: string;

  @ApiProperty({ format: 'uuid', description: 'where the group meets; a location of the same region' })
  @IsUUID()
  locationId: string;

  @ApiPropertyOptional({
    type: String,
    isArray: true,
    format: 'uuid',
    default: [],
    description: 'the members: participants of the same region, each once',
  })
  @ValidateIf(isGiven)
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  participantIds?: string[];

  @ApiPropertyOptional({
    type: String,
    isArray: true,
    format: 'uuid',
    default: [],
    description: 'the trainers who may lead its sessions: trainers of the same region, each once',
  })
  @ValidateIf(isGiven)
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  trainerIds?: string[];

  @ApiPropertyOptional({
    type: String,
    isArray: true,
    example: ['ar', 'ti'],
    default: [],
    description: 'ISO 639 codes of the languages the group needs an interpreter for',
  })
  @ValidateIf(isGiven)
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique({ message: '$property must not name a language twice' })
  @Matches(LANGUAGE_CODE, {
    each: true,
    message: '$property must hold ISO 639 language codes such as ar or ti',
  })
  interpreterLanguages?: string[];

  @IsOptional()
  @IsCalendarDate({
    required: false,
    nullable: true,
    type: String,
    description:
      'its own first day, when it does not start with the programme (a series, a cohort); null clears it',
  })
  startDate?: string | null;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description:
      "the group of the same programme it follows: it starts the day after that group's last session (and not " +
      'before its own startDate); null clears it',
  })
  @IsOptional()
  @IsUUID()
  afterGroupId?: string | null;

  @ApiPropertyOptional({
    type: RollingStartDto,
    nullable: true,
    description:
      'a rolling start: the first session is the first of its weekly times on or after the day at least ' +
      '`minReady` of its members are ready (their `readyFrom`), and not before its other start rules; null clears it',
  })
  @IsOptional()
  @IsObject({ message: '$property must be an object { minReady }' })
  @IsNested(() => RollingStartDto)
  rollingStart?: RollingStartDto | null;
}

/** Null is refused for required fields (skipNullProperties: false) and clears the optional ones. */
export class UpdateGroupDto extends PartialType(OmitType(CreateGroupDto, ['regionId'] as const), {
  skipNullProperties: false,
}) {}

export class GroupListQueryDto extends RegionListQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'the groups of this programme' })
  @IsOptional()
  @IsUUID()
  programme?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'the groups that meet at this location' })
  @IsOptional()
  @IsUUID()
  location?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'the groups this participant is a member of' })
  @IsOptional()
  @IsUUID()
  participant?: string;
}

export class GroupDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) regionId: string;
  @ApiProperty({ nullable: true, type: String }) ref: string | null;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'uuid' }) locationId: string;
  @ApiProperty({
    type: String,
    isArray: true,
    format: 'uuid',
    description: 'sorted; for a coordinator limited to some municipalities, only the members of those',
  })
  participantIds: string[];
  @ApiProperty({
    description:
      'members left out of `participantIds` because they live outside the municipalities the caller is ' +
      'limited to (always 0 without that limit); a `participantIds` she sends keeps them in the group',
  })
  hiddenParticipants: number;
  @ApiProperty({ type: String, isArray: true, format: 'uuid', description: 'sorted' }) trainerIds: string[];
  @ApiProperty({ type: String, isArray: true, example: ['ar', 'ti'] }) interpreterLanguages: string[];
  @ApiProperty({ format: 'date', nullable: true, type: String }) startDate: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) afterGroupId: string | null;
  @ApiProperty({ type: RollingStartDto, nullable: true }) rollingStart: RollingStartDto | null;

  /** `reachable`: the members the caller may see (GroupsService.reachableMembers). */
  static from(group: Group, reachable: Set<string>): GroupDto {
    const { id, regionId, ref, programmeId, name, locationId } = group;
    const members = (group.members ?? []).map((member) => member.id);
    const shown = members.filter((member) => reachable.has(member));
    return {
      id,
      regionId,
      ref,
      programmeId,
      name,
      locationId,
      participantIds: shown.sort(),
      hiddenParticipants: members.length - shown.length,
      trainerIds: (group.trainers ?? []).map((trainer) => trainer.id).sort(),
      interpreterLanguages: [...(group.interpreterLanguages ?? [])],
      startDate: group.startDate ?? null,
      afterGroupId: group.afterGroupId ?? null,
      rollingStart: group.rollingStartMinReady ? { minReady: group.rollingStartMinReady } : null,
    };
  }
}
