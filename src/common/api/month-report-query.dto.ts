import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** A monthly report of a region, as JSON or CSV: childcare costs, absences. */
export class MonthReportQueryDto {
  @ApiProperty({ description: "the region's id or ref" })
  @IsString()
  @MaxLength(200)
  region: string;

  @ApiProperty({ example: '2027-01', description: 'the calendar month, YYYY-MM' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '$property must be a month as YYYY-MM' })
  month: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'default: by the Accept header, else JSON' })
  @IsOptional()
  @IsIn(['json', 'csv'], { message: '$property must be json or csv' })
  format?: 'json' | 'csv';
}
