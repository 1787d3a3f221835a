import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { RegionListQueryDto } from '../../../common/api/page';
import { IsText } from '../../../common/validation/decorators';
import { instantToLocalIso } from '../../../planning/time/wall-clock';
import { BOOKING_STATUSES, type BookingStatus, ChildcareBooking } from '../childcare-booking.entity';

export class ChildcareBookingListQueryDto extends RegionListQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'bookings for the sessions of this programme' })
  @IsOptional()
  @IsUUID()
  programme?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  session?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "the mother's id" })
  @IsOptional()
  @IsUUID()
  participant?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  provider?: string;

  @ApiPropertyOptional({ enum: BOOKING_STATUSES })
  @IsOptional()
  @IsIn(BOOKING_STATUSES, { message: `$property must be one of ${BOOKING_STATUSES.join(', ')}` })
  status?: BookingStatus;
}

export class CreateChildcareBookingDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  childId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  sessionId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  providerId: string;
}

export class MoveChildcareBookingDto {
  @ApiProperty({ format: 'uuid', description: 'the provider to move the child to' })
  @IsUUID()
  providerId: string;
}

export class CancelChildcareBookingDto {
  @IsOptional()
  @IsText({ required: false, example: 'the provider called: staff ill' })
  reason?: string;
}

export class ChildcareBookingDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) regionId: string;
  @ApiProperty({ format: 'uuid' }) childId: string;
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ format: 'uuid' }) providerId: string;
  @ApiProperty({ description: 'her age on the session date, which decides her age band' }) ageMonths: number;
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty({ example: '2027-01-11T09:20:00', description: 'local time: care starts' }) from: string;
  @ApiProperty({ example: '2027-01-11T12:40:00', description: 'local time: care ends' }) to: string;
  @ApiProperty({ enum: BOOKING_STATUSES }) status: BookingStatus;
  @ApiProperty({ nullable: true, type: String }) statusReason: string | null;

  static from(booking: ChildcareBooking, timezone: string): ChildcareBookingDto {
    const { id, regionId, childId, participantId, sessionId, providerId, ageMonths, status, statusReason } =
      booking;
    return {
      id,
      regionId,
      childId,
      participantId,
      sessionId,
      providerId,
      ageMonths,
      date: booking.careDate,
      from: instantToLocalIso(booking.from, timezone),
      to: instantToLocalIso(booking.to, timezone),
      status,
      statusReason,
    };
  }
}
