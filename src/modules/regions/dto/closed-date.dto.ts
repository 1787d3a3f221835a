import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsAfterField, IsCalendarDate } from '../../../common/validation/decorators';

export class ClosedDateDto {
  @IsCalendarDate({ example: '2027-02-20' })
  from: string;

  @IsCalendarDate({ example: '2027-02-28', description: 'inclusive' })
  @IsAfterField('from', { orEqual: true })
  to: string;

  @ApiProperty({ example: 'voorjaarsvakantie', required: false })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reason = '';
}
