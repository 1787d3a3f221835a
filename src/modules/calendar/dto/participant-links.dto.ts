import { ApiProperty } from '@nestjs/swagger';

export class ParticipantLinksDto {
  @ApiProperty({
    example: 'https://trefpunt.example.nl/me?token=tp_…',
    description: 'her personal link: a new participant token; her earlier ones are revoked',
  })
  personal: string;

  @ApiProperty({
    example: 'https://trefpunt.example.nl/calendar/feed.ics?key=tp_cal_…',
    description: 'her calendar feed: a new secret; her earlier feed URL stops working',
  })
  calendar: string;
}
