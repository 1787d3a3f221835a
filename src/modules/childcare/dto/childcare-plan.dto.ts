import { ApiReasonCode } from '../../../common/api/reason-code.property';
import { ApiProperty } from '@nestjs/swagger';

export class UnmetNeedDto {
  @ApiProperty({ format: 'uuid' }) childId: string;
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({
    example: 'no place left in her age band',
    description:
      'Why she has no place, in English (`reasonCode` says it as a code): where the provider cannot take her ' +
      '(`no provider takes her age`, `closed then`, `too far`, `no place left in her age band`), `not booked yet` ' +
      '(a place is free; the next planning run books it), or, after a plan of care and rides together, that her ' +
      'mother cannot come (`her mother has no ride`, `her mother cannot come: a lesson at that time`, …)',
  })
  reason: string;
}

/** An unmet need as the answers give it: with its reason's code too. */
export class CodedUnmetNeedDto extends UnmetNeedDto {
  @ApiReasonCode('no-place-in-age-band') reasonCode: string | null;
}

export class StaffingDto {
  @ApiProperty({ format: 'uuid' }) providerId: string;
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty() children: number;
  @ApiProperty({
    description: 'qualified professionals by the staff-to-child ratio (beroepskracht-kindratio)',
  })
  professionalsNeeded: number;
}

export class CancelledBookingDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'no longer needed' }) reason: string;
}

export class ChildcarePlanDto {
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty({ description: 'planned sessions from now on' }) sessions: number;
  @ApiProperty({ description: 'children who need care, summed over sessions' }) needs: number;
  @ApiProperty({ description: 'bookings that stayed (also those moved with their session)' }) kept: number;
  @ApiProperty() moved: number;
  @ApiProperty({ description: 'new bookings, requested of the provider' }) booked: number;
  @ApiProperty({ type: [CancelledBookingDto] }) cancelled: CancelledBookingDto[];
  @ApiProperty({ type: [CodedUnmetNeedDto] }) unmet: CodedUnmetNeedDto[];
  @ApiProperty({ type: [StaffingDto] }) staffing: StaffingDto[];
  @ApiProperty() durationMs: number;
}

export class ChildcareStateDto {
  @ApiProperty({ format: 'uuid' }) programmeId: string;
  @ApiProperty() sessions: number;
  @ApiProperty() needs: number;
  @ApiProperty({ description: 'bookings holding a place (requested or confirmed)' }) booked: number;
  @ApiProperty() confirmed: number;
  @ApiProperty({ type: [CodedUnmetNeedDto] }) unmet: CodedUnmetNeedDto[];
  @ApiProperty({ type: [StaffingDto] }) staffing: StaffingDto[];
}
