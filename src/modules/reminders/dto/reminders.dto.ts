import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';

export class RunRemindersQueryDto {
  @ApiProperty({ example: '2027-01-10T18:05:00+01:00', description: 'the instant to run the job as of' })
  @IsISO8601(
    { strict: true },
    { message: '$property must be an ISO 8601 instant, e.g. 2027-01-10T18:05:00+01:00' },
  )
  at: string;
}

export class RemindersRunDto {
  @ApiProperty({ description: 'sessions whose reminders were due' }) sessions: number;
  @ApiProperty({ description: 'messages written to the outbox now (not written before)' }) enqueued: number;
  @ApiProperty({
    description: 'regions whose reminders another run (this or another instance) was writing just then',
  })
  busyRegions: number;
}
