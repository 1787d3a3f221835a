import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';
import { IsAfterField, IsTimeOfDay } from '../../../common/validation/decorators';

export class PolicyDto {
  @ApiProperty({
    description: 'pickups reach the location at least this many minutes before the start',
    example: 10,
  })
  @IsInt()
  @Min(0)
  @Max(240)
  arriveMinutesBefore: number;

  @ApiProperty({
    description: 'a ride lasts at most max(maxRideMinutes, maxRideFactor × direct time)',
    example: 45,
  })
  @IsInt()
  @Min(1)
  @Max(600)
  maxRideMinutes: number;

  @ApiProperty({
    description:
      'she arrives at the location at most this many minutes before the start, so a vehicle may make several trips (default 45)',
    example: 45,
    required: false,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(240)
  maxEarlyMinutes?: number;

  @ApiProperty({ example: 1.8 })
  @IsNumber()
  @Min(1)
  @Max(10)
  maxRideFactor: number;

  @ApiProperty({
    description: 'minutes on top of her travel time between a lesson elsewhere and a session',
    example: 15,
  })
  @IsInt()
  @Min(0)
  @Max(240)
  travelBufferMinutes: number;

  @ApiProperty({ description: 'sessions start on a multiple of this many minutes', example: 15 })
  @IsInt()
  @Min(1)
  @Max(240)
  slotStepMinutes: number;

  @IsTimeOfDay({ example: '09:00' })
  earliestStart: string;

  @IsTimeOfDay({ example: '16:00' })
  @IsAfterField('earliestStart')
  latestEnd: string;
}

/** The policy a region gets when none is given. */
export const DEFAULT_POLICY: PolicyDto = {
  arriveMinutesBefore: 10,
  maxRideMinutes: 45,
  maxEarlyMinutes: 45,
  maxRideFactor: 1.8,
  travelBufferMinutes: 15,
  slotStepMinutes: 15,
  earliestStart: '09:00',
  latestEnd: '16:00',
};
