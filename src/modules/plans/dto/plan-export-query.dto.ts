import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsAfterField, IsCalendarDate } from '../../../common/validation/decorators';

export class PlanExportQueryDto {
  @ApiProperty({ description: "the region's id or ref" })
  @IsString()
  @MaxLength(200)
  region: string;

  @IsOptional()
  @IsCalendarDate({ required: false, description: 'first local date (default: the first session)' })
  from?: string;

  @IsOptional()
  @IsCalendarDate({ required: false, description: 'last local date, inclusive (default: the last session)' })
  @IsAfterField('from', { orEqual: true })
  to?: string;
}
