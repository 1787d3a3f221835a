import { ApiProperty } from '@nestjs/swagger';

/** One of her sessions, as she needs it: when, where, with which group. */
export class MySessionDto {
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty() groupName: string;
  @ApiProperty({ example: '2027-01-12' }) date: string;
  @ApiProperty({ example: '2027-01-12T09:30:00+01:00' }) start: string;
  @ApiProperty({ example: '2027-01-12T12:30:00+01:00' }) end: string;
  @ApiProperty() locationName: string;
  @ApiProperty() locationAddress: string;
  @ApiProperty({ enum: ['planned', 'cancelled'] }) status: string;
}
