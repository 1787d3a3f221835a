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
  @ApiProperty({ nullable: true, type: String, description: 'when she is collected (local time), if she is' })
  pickupTime: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'when she is home again (local time), if brought',
  })
  homeTime: string | null;
  @ApiProperty({ type: [String], description: 'where her children are cared for during the session' })
  childcare: string[];
  @ApiProperty({ description: 'she said she cannot come' }) absent: boolean;
}
