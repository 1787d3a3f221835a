import { ApiReasonCode } from '../../../common/api/reason-code.property';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { IsCalendarDate } from '../../../common/validation/decorators';

export class UnroutedDto {
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty({ enum: ['to', 'from'] }) direction: string;
  @ApiProperty({
    example: 'all vehicles are full',
    description:
      '`no vehicle has room for her and her children`, `no vehicle can bring her in time within the ride limit`, ' +
      '`the vehicles are on other rides then`, `all vehicles are full` (no seat left), `no vehicle can fit her in ' +
      'between its other pickups within the ride limit` (seats left, but time binds), or, from a joint plan, why she ' +
      'is not collected (`no ride back (…), so none there`, `not collected: …`)',
  })
  reason: string;
  @ApiReasonCode('vehicles-full') reasonCode: string | null;
}

export class PickupChangeDto {
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty({ enum: ['to', 'from'] }) direction: string;
  @ApiProperty({ description: 'pickup (to) or drop-off (from) time before' }) before: string;
  @ApiProperty() after: string;
  @ApiProperty({ format: 'uuid' }) vehicleBefore: string;
  @ApiProperty({ format: 'uuid' }) vehicleAfter: string;
}

export class RoutesPlanDto {
  @ApiProperty() sessions: number;
  @ApiProperty({ description: 'vehicle trips planned' }) routes: number;
  @ApiProperty({ description: 'rides planned, both directions counted' }) riders: number;
  @ApiProperty({ type: [UnroutedDto] }) unrouted: UnroutedDto[];
  @ApiProperty({
    type: [PickupChangeDto],
    description: 'on a re-plan: riders whose time moved by more than 5 minutes, or whose vehicle changed',
  })
  changes: PickupChangeDto[];
  @ApiProperty({
    description:
      'entries of `unrouted` and `changes` left out because they are about participants outside the ' +
      'municipalities the caller is limited to (always 0 without that limit)',
  })
  hiddenEntries: number;
  @ApiProperty() durationMs: number;
}

export class ProgrammeRoutesQueryDto {
  @ApiPropertyOptional({ example: '2027-W02', description: 'only the sessions of this ISO week' })
  @IsOptional()
  @Matches(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, { message: '$property must be an ISO week such as 2027-W02' })
  week?: string;
}

export class RouteSheetQueryDto {
  @IsCalendarDate({ description: 'the day of the rides' })
  date: string;

  @ApiPropertyOptional({ enum: ['json', 'html'], description: 'default: by the Accept header, else JSON' })
  @IsOptional()
  @Matches(/^(json|html)$/, { message: '$property must be json or html' })
  format?: 'json' | 'html';
}
