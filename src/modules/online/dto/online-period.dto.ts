import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsString,
  IsUrl,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { IsAfterField, IsCalendarDate } from '../../../common/validation/decorators';
import { OnlineRange } from '../../../planning/scheduling/online-periods';
import { isGiven } from '../../programmes/dto/is-given';

/** A video link a participant can open: https (or http), with a host. */
export const IsVideoUrl = () =>
  IsUrl(
    { protocols: ['https', 'http'], require_protocol: true, require_tld: false },
    { message: '$property must be a link that starts with https://' },
  );

export class SwitchOnlineDto {
  @IsCalendarDate({ example: '2027-03-01', description: 'the first date (local) whose sessions go online' })
  from: string;

  @IsCalendarDate({ example: '2027-03-14', description: 'the last date (inclusive)' })
  @IsAfterField('from', { orEqual: true })
  to: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'one group of the programme; all its groups if left out',
  })
  @ValidateIf(isGiven)
  @IsUUID()
  groupId?: string;

  @ApiPropertyOptional({
    type: String,
    isArray: true,
    format: 'uuid',
    description:
      'a subgroup: only these members (of the group, or of the programme); all members if left out',
  })
  @ValidateIf(isGiven)
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  participantIds?: string[];

  @ApiProperty({ example: 'https://meet.example.org/trefpunt-bronckhorst' })
  @IsString()
  @MaxLength(2000)
  @IsVideoUrl()
  videoUrl: string;

  @ApiProperty({ minimum: 1, maximum: 1440, example: 90, description: 'the length of an online session' })
  @IsInt()
  @Min(1)
  @Max(1440)
  durationMinutes: number;
}

export class OnlinePeriodDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null: every group' })
  groupId: string | null;
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ type: String, isArray: true, format: 'uuid', description: 'sorted; empty: every member' })
  participantIds: string[];
  @ApiProperty() videoUrl: string;
  @ApiProperty() durationMinutes: number;

  static from(range: OnlineRange): OnlinePeriodDto {
    const { id, programmeId, groupId, from, to, participantIds, videoUrl, durationMinutes } = range;
    return { id, programmeId, groupId, from, to, participantIds, videoUrl, durationMinutes };
  }
}

export class OnlineSwitchDto {
  @ApiProperty({ type: OnlinePeriodDto }) period: OnlinePeriodDto;
  @ApiProperty({ description: 'planned sessions from now on that the period covers' }) sessions: number;
  @ApiProperty({ description: 'member-sessions switched (online, or back in person)' })
  memberSessions: number;
  @ApiProperty({ description: 'childcare bookings cancelled because she takes part from home' })
  cancelledBookings: number;
  @ApiProperty({ description: 'messages written to the women concerned (one each)' }) told: number;
}
