import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsISO8601, IsOptional } from 'class-validator';

export class RunRemindersQueryDto {
  @ApiProperty({ example: '2027-01-10T18:05:00+01:00', description: 'the instant to run the job as of' })
  @IsISO8601(
    { strict: true },
    { message: '$property must be an ISO 8601 instant, e.g. 2027-01-10T18:05:00+01:00' },
  )
  at: string;

  @ApiPropertyOptional({
    default: false,
    description:
      'for a back-fill (`at` more than five minutes ago): send the messages after all, instead of keeping them ' +
      'as backfilled',
  })
  @IsOptional()
  // A query string is text: only `true` and `false` are booleans, anything else is refused.
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: '$property must be true or false' })
  send?: boolean;
}

export class RemindersRunDto {
  @ApiProperty({ description: 'sessions whose reminders were due' }) sessions: number;
  @ApiProperty({ description: 'messages written to the outbox now (not written before)' }) enqueued: number;
  @ApiProperty({
    description: 'regions whose reminders another run (this or another instance) was writing just then',
  })
  busyRegions: number;
  @ApiProperty({
    description:
      'a back-fill: the messages were written as `backfilled`, kept as a record and not sent (ask `send=true` ' +
      'to send them)',
  })
  backfilled: boolean;
}
