import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { JobState } from '../jobs.service';

/** A job as `GET /jobs/{id}` and its events show it. */
export class JobDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'plan-programme' })
  kind!: string;

  @ApiProperty({
    enum: ['queued', 'running', 'done', 'failed'],
    description: 'queued (also while it waits for another job of its region), running, done or failed',
  })
  state!: JobState;

  @ApiProperty({ minimum: 0, maximum: 1, description: 'How far it got, from 0 to 1' })
  fraction!: number;

  @ApiPropertyOptional({ nullable: true, example: 'choosing times', description: 'The step it is in' })
  step!: string | null;

  @ApiPropertyOptional({
    nullable: true,
    example: 42,
    description:
      'While running: the seconds left at the pace so far (null until there is a pace; 0 when done)',
  })
  estimatedSecondsLeft!: number | null;

  @ApiPropertyOptional({
    description:
      'When done: what the endpoint that queued it answers without a job, as it would answer the reader ' +
      '(each participant named is an audited read)',
  })
  result?: unknown;

  @ApiPropertyOptional({ description: 'When failed: why' })
  reason?: string;

  @ApiProperty()
  createdAt!: Date;

  @ApiPropertyOptional({ nullable: true })
  startedAt!: Date | null;

  @ApiPropertyOptional({ nullable: true })
  finishedAt!: Date | null;

  @ApiProperty({ description: 'How many times an instance started it (more than 1: taken over)' })
  attempts!: number;

  @ApiPropertyOptional({
    nullable: true,
    description: 'The instance (host:process id) that runs or ran it last',
  })
  instance!: string | null;
}

/** The answer of an endpoint asked with `Prefer: respond-async`: the job it queued (202, with Location). */
export class QueuedJobDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: ['queued'] })
  state!: JobState;
}
