import { ApiReasonCode } from '../../../common/api/reason-code.property';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { RegionListQueryDto } from '../../../common/api/page';

export class ChildcareWaitingListQueryDto extends RegionListQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'who waits in the sessions of this programme' })
  @IsOptional()
  @IsUUID()
  programme?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  session?: string;
}

export class ChildcareWaitingEntryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) regionId: string;
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ format: 'date', description: "the session's local date" }) date: string;
  @ApiProperty({ example: '2027-04-20T09:30:00', description: 'local time: the session starts' })
  start: string;
  @ApiProperty({
    description:
      "her turn in the session's list, from 1; a mother's children share one turn (they are booked together)",
  })
  position: number;
  @ApiProperty({ format: 'uuid' }) childId: string;
  @ApiProperty({ nullable: true, type: String }) childRef: string | null;
  @ApiProperty({ description: 'her age on the session date, which decides the age band she waits for' })
  ageMonths: number;
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty({ description: "the mother's name" }) participantName: string;
  @ApiProperty({ description: 'when she started waiting (an instant)' }) waitingSince: string;
  @ApiProperty({ example: 'no place left in her age band' }) reason: string;
  @ApiReasonCode('no-place-in-age-band') reasonCode: string | null;
}
