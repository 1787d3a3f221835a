import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export class CreateCalendarFeedDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: "a participant's feed: her sessions with pickup times",
  })
  @IsOptional()
  @IsUUID()
  participantId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "a driver's feed: her rides" })
  @IsOptional()
  @IsUUID()
  driverId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "a staff member's feed: the talks she must be at" })
  @IsOptional()
  @IsUUID()
  staffMemberId?: string;
}

export class CalendarFeedUrlDto {
  @ApiProperty({
    example: 'https://trefpunt.example.nl/calendar/feed.ics?key=tp_cal_…',
    description: 'the feed to subscribe to; shown this once, stored only as a hash; replaces the earlier one',
  })
  url: string;
}
