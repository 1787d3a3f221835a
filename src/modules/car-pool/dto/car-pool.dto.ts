import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';
import { CAR_POOL_STATUSES, CarPoolOffer, type CarPoolStatus } from '../car-pool-offer.entity';

export class CarPoolOfferDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ format: 'uuid', description: 'the woman who drives and offers seats' }) driverId: string;
  @ApiProperty({ format: 'uuid', description: 'the woman she would take along' }) passengerId: string;
  @ApiProperty({ description: 'children riding along with the passenger, each on a seat' }) children: number;
  @ApiProperty({ enum: CAR_POOL_STATUSES }) status: CarPoolStatus;
  @ApiProperty({ type: [String], description: 'the sessions it is for, in order' }) sessionIds: string[];
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) answeredAt: string | null;

  /** `sessionOrder`: the sessions' ids in order of start, to list an offer's sessions in that order. */
  static from(offer: CarPoolOffer, sessionOrder: (ids: string[]) => string[]): CarPoolOfferDto {
    return {
      id: offer.id,
      programmeId: offer.programmeId,
      driverId: offer.driverId,
      passengerId: offer.passengerId,
      children: offer.children,
      status: offer.status,
      sessionIds: sessionOrder(offer.sessions.map((session) => session.sessionId)),
      answeredAt: offer.answeredAt?.toISOString() ?? null,
    };
  }
}

export class CarPoolProposalDto {
  @ApiProperty({ description: 'planned sessions from now on that were looked at' }) sessions: number;
  @ApiProperty({ type: [CarPoolOfferDto], description: 'the new offers' }) offers: CarPoolOfferDto[];
  @ApiProperty({ description: 'messages written to the drivers' }) told: number;
}

export class CarPoolOfferListDto {
  @ApiProperty({ type: [CarPoolOfferDto] }) items: CarPoolOfferDto[];
  @ApiProperty({ description: 'offers about women out of the caller’s municipalities, not shown' })
  hidden: number;
}

export class MyCarPoolSessionDto {
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ example: '2027-03-02T09:00:00+01:00' }) start: string;
}

/** An offer as one of the two women sees it on her page. */
export class MyCarPoolOfferDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['driver', 'passenger'], description: 'she drives, or she is taken along' })
  role: 'driver' | 'passenger';
  @ApiProperty({ enum: CAR_POOL_STATUSES }) status: CarPoolStatus;
  @ApiProperty({ description: 'the other woman’s first name' }) with: string;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'where the driver collects the passenger: shown to the driver once she said yes',
  })
  address: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'the other woman’s phone, once agreed' })
  phone: string | null;
  @ApiProperty() children: number;
  @ApiProperty({ type: [MyCarPoolSessionDto] }) sessions: MyCarPoolSessionDto[];
}

/** How far out of her way a driver may be asked to go; both optional (10 minutes, a quarter of her trip). */
export class ProposeCarPoolDto {
  @ApiPropertyOptional({
    default: 10,
    minimum: 0,
    maximum: 60,
    description: 'her detour each way, in minutes',
  })
  @IsOptional()
  @IsInt({ message: '$property must be a whole number of minutes' })
  @Min(0)
  @Max(60)
  maxDetourMinutes?: number;

  @ApiPropertyOptional({
    default: 0.25,
    minimum: 0,
    maximum: 1,
    description: 'or this share of her direct trip, when that is more',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: '$property must be a number' })
  @Min(0)
  @Max(1)
  maxDetourShare?: number;
}
