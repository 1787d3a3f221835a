import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { ABSENCE_REASONS, type AbsenceReason, Absence } from '../absence.entity';

export class ReportAbsenceDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  participantId: string;

  @ApiProperty({
    enum: ABSENCE_REASONS,
    description: '`no-show`: she was not there when collected or expected',
  })
  @IsIn(ABSENCE_REASONS, { message: `$property must be one of ${ABSENCE_REASONS.join(', ')}` })
  reason: AbsenceReason;
}

export class AbsenceDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty({ enum: ABSENCE_REASONS }) reason: AbsenceReason;
  @ApiProperty() reportedBy: string;
  @ApiProperty() reportedAt: string;

  static from(absence: Absence): AbsenceDto {
    const { id, sessionId, participantId, reason, reportedBy } = absence;
    return { id, sessionId, participantId, reason, reportedBy, reportedAt: absence.createdAt.toISOString() };
  }
}

export const ATTENDANCE_STATES = ['expected', 'absent', 'cannot-attend', 'without-care-or-ride'] as const;

export class AttendanceEntryDto {
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty({
    enum: ATTENDANCE_STATES,
    description:
      '`cannot-attend`: a lesson or appointment conflicts with the session; `without-care-or-ride`: free then, ' +
      'but the plan found no care place for a child of hers or no ride both ways, so she cannot come unless ' +
      'that is arranged',
  })
  state: (typeof ATTENDANCE_STATES)[number];
  @ApiProperty({ enum: ABSENCE_REASONS, nullable: true, type: String }) reason: AbsenceReason | null;
  @ApiProperty({
    required: false,
    type: [String],
    description: 'with `without-care-or-ride`: what the plan leaves her without, as the plan says it',
    example: ['no care place for a child', 'no ride there'],
  })
  lacking?: string[];
}

export class AttendanceDto {
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ type: [AttendanceEntryDto] }) items: AttendanceEntryDto[];
  @ApiProperty({
    description:
      'members left out of `items` because they live outside the municipalities the caller is limited to ' +
      '(always 0 without that limit)',
  })
  hiddenParticipants: number;
}

/** What she may say herself: a no-show is only ever recorded by her driver. */
export const SELF_REASONS = ['ill', 'child-ill', 'other'] as const;

export class ReportOwnAbsenceDto {
  @ApiProperty({ enum: SELF_REASONS })
  @IsIn(SELF_REASONS, { message: `$property must be one of ${SELF_REASONS.join(', ')}` })
  reason: (typeof SELF_REASONS)[number];
}
