import { ApiProperty } from '@nestjs/swagger';
import { CONFLICT_KINDS, SessionConflict } from '../session-conflict.entity';
import type { ConflictKind } from '../session-conflict.entity';

export class ConflictDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty({ enum: CONFLICT_KINDS }) kind: ConflictKind;
  @ApiProperty({ nullable: true, type: String }) lessonId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the taalaanbieder of the lesson' }) providerId:
    string | null;
  @ApiProperty({ nullable: true, type: String }) appointmentId: string | null;
  @ApiProperty() overlapMinutes: number;
  @ApiProperty({ description: 'the lesson or appointment that is in the way' }) causeStart: string;
  @ApiProperty() causeEnd: string;
  @ApiProperty({ description: 'found after the programme was planned' }) isNew: boolean;
  @ApiProperty() detectedAt: string;

  static from(conflict: SessionConflict): ConflictDto {
    return {
      id: conflict.id,
      sessionId: conflict.sessionId,
      participantId: conflict.participantId,
      kind: conflict.kind,
      lessonId: conflict.lessonId,
      providerId: conflict.providerId,
      appointmentId: conflict.appointmentId,
      overlapMinutes: conflict.overlapMinutes,
      causeStart: conflict.causeStart.toISOString(),
      causeEnd: conflict.causeEnd.toISOString(),
      isNew: conflict.isNew,
      detectedAt: conflict.detectedAt.toISOString(),
    };
  }
}
