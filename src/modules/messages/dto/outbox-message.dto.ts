import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../common/api/page';
import { REMINDER_CHANNELS, type ReminderChannel } from '../../participants/participant.entity';
import { OUTBOX_STATUSES, OutboxMessage, type OutboxStatus } from '../outbox-message.entity';

export class OutboxListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: "the region's id or ref, e.g. `berkelland`" })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  region?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  participant?: string;

  @ApiPropertyOptional({ enum: OUTBOX_STATUSES })
  @IsOptional()
  @IsIn(OUTBOX_STATUSES, { message: `$property must be one of ${OUTBOX_STATUSES.join(', ')}` })
  status?: OutboxStatus;
}

/** A message in the outbox as the API shows it: never the recipient's phone number or address. */
export class OutboxMessageDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty({ nullable: true, type: String, description: "the participant's scenario id" })
  participantRef: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) sessionId: string | null;
  @ApiProperty({ example: 'reminder-evening', description: 'what caused it: reminder-evening, change, …' })
  kind: string;
  @ApiProperty({ enum: REMINDER_CHANNELS }) channel: ReminderChannel;
  @ApiProperty({ example: 'ar', description: 'the language of the body, e.g. nl+en for the fallback' })
  language: string;
  @ApiProperty() body: string;
  @ApiProperty({
    enum: OUTBOX_STATUSES,
    description:
      'held: its channel is not configured, so it is not sent; backfilled: written by a reminder run as of an ' +
      'instant in the past, not sent; failed: given up (POST /outbox/{id}/resend sends it again)',
  })
  status: OutboxStatus;
  @ApiProperty({ description: 'attempts to send it begun (since it was last sent again by hand)' })
  attempts: number;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'SMTP 550',
    description:
      'why the last attempt did not succeed: a status or an error code (HTTP 400, SMTP 550, timeout, …), never ' +
      'what the provider said',
  })
  lastError: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) sentAt: string | null;

  static from(message: OutboxMessage): OutboxMessageDto {
    const dto: OutboxMessageDto = {
      id: message.id,
      participantId: message.participantId,
      participantRef: message.participant?.ref ?? null,
      sessionId: message.sessionId,
      kind: message.kind,
      channel: message.channel,
      language: message.language,
      body: message.body,
      status: message.status,
      attempts: message.attempts,
      lastError: message.lastError,
      createdAt: message.createdAt.toISOString(),
      sentAt: message.sentAt?.toISOString() ?? null,
    };
    // The audit log records each answered message under its region; the answer itself has no region field.
    return Object.defineProperty(dto, 'regionId', { value: message.regionId, enumerable: false });
  }
}
