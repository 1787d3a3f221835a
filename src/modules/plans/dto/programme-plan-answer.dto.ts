import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PlanSummary } from '../../scheduling/dto/plan.dto';

export class AdvisedVehicleDto {
  @ApiProperty({ example: 8 }) seats: number;
  @ApiProperty({ example: 2 }) childSeats: number;
  @ApiProperty({ example: '11:15', description: 'local time it starts driving (its first trip leaves)' })
  from: string;
  @ApiProperty({ example: '17:15', description: 'local time it stops (its last trip ends)' }) to: string;
}

export class AdvisedCareDto {
  @ApiProperty({ example: 4 }) places: number;
  @ApiProperty({ example: 10, description: 'the youngest child it is for, in months' }) minAgeMonths: number;
  @ApiProperty({ example: 34, description: 'the oldest child it is for, in months' }) maxAgeMonths: number;
  @ApiPropertyOptional({ example: '09:15', description: 'local time the first child is brought' })
  from?: string;
  @ApiPropertyOptional({ example: '12:45', description: 'local time the last child is collected' })
  to?: string;
}

export class AdviceDto {
  @ApiProperty({ enum: ['vehicle', 'care'] }) kind: 'vehicle' | 'care';
  @ApiProperty({ minimum: 1, maximum: 7, description: 'ISO weekday' }) weekday: number;
  @ApiProperty({ description: 'the location it is around (the scenario ref)' }) locationId: string;
  @ApiProperty({ description: 'member-sessions more she could come to over the programme' }) more: number;
  @ApiProperty({ description: 'women more in an average week' }) perWeek: number;
  @ApiPropertyOptional({ type: AdvisedVehicleDto, description: 'the vehicle it adds (kind vehicle)' })
  vehicle?: AdvisedVehicleDto;
  @ApiPropertyOptional({ type: AdvisedCareDto, description: 'the care places it adds (kind care)' })
  care?: AdvisedCareDto;
  @ApiProperty({
    example:
      'one 8-seat vehicle (2 child seats) on Monday 11:15-17:15 around Dorpscentrum Vorden lets 1.7 more women come each week (40 member-sessions in all)',
    description: 'the advice in English, whole',
  })
  text: string;
}

export class CareAndRidesSummaryDto {
  @ApiProperty() sessions: number;
  @ApiProperty({ description: 'childcare bookings made' }) bookings: number;
  @ApiProperty({ description: 'children left without care, each with the reason' }) unmet: number;
  @ApiProperty({ description: 'trips of vehicles' }) routes: number;
  @ApiProperty({ description: 'pickups left out, one per direction' }) unrouted: number;
  @ApiProperty() memberSessions: number;
  @ApiProperty({
    description: 'member-sessions she can come to: no clash, every child cared for, a ride there and back',
  })
  canCome: number;
  @ApiPropertyOptional({
    description:
      'no plan of any weekly times lets more come, with the care places and the fleet counted; absent where no slot search ran',
  })
  upperBound?: number;
  @ApiProperty({
    type: [AdviceDto],
    description: 'what one more vehicle or a few more care places would change',
  })
  advice: AdviceDto[];
  @ApiProperty() durationMs: number;
}

export class SlotSearchDto {
  @ApiProperty({ description: 'plans judged, the first included' }) evaluations: number;
  @ApiProperty({ description: 'trial plans made, judged or thrown away' }) trials: number;
  @ApiProperty({
    description:
      "member-sessions she could come to with the first plan, estimated over the whole programme from its first two weeks' care and rides",
  })
  before: number;
  @ApiProperty({ description: 'the same with the plan chosen' }) after: number;
}

export class ClosingTalkUnplacedDto {
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty({ example: 'no time free for everyone in her last two weeks' }) reason: string;
}

export class ClosingTalksOutcomeDto {
  @ApiProperty({ isArray: true, example: ['jobcoach', 'case-manager'] }) roles: string[];
  @ApiProperty({ description: 'members with a closing talk at a time' }) planned: number;
  @ApiProperty({ type: [ClosingTalkUnplacedDto] }) unplaced: ClosingTalkUnplacedDto[];
  @ApiPropertyOptional({
    description: 'why none were planned (a role nobody in the region has); those that stood stay',
  })
  notPlanned?: string;
}

/** The answer of `POST /programmes/{id}/plan`: the sessions, then care and rides, and the closing talks. */
export class ProgrammePlanAnswer extends PlanSummary {
  @ApiProperty({ type: CareAndRidesSummaryDto }) careAndRides: CareAndRidesSummaryDto;
  @ApiProperty({ type: SlotSearchDto }) slotSearch: SlotSearchDto;
  @ApiPropertyOptional({
    type: ClosingTalksOutcomeDto,
    description:
      "left out unless the programme ends with closing talks (a scenario's programme.closingTalks)",
  })
  closingTalks?: ClosingTalksOutcomeDto;
}
