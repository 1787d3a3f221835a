import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsOptional, IsString, IsTimeZone, Matches, MaxLength, MinLength } from 'class-validator';
import { sortWindows } from '../../../common/database/weekly-windows';
import { IsNested, WeeklyWindowDto } from '../../../common/validation/decorators';
import { Region } from '../region.entity';
import { ClosedDateDto } from './closed-date.dto';
import { DEFAULT_POLICY, PolicyDto } from './policy.dto';

export const REGION_REF = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

export class CreateRegionDto {
  @ApiProperty({ example: 'berkelland', description: 'letters, digits, ".", "_" and "-"; unique' })
  @Matches(REGION_REF, { message: '$property must be 1 to 100 letters, digits, ".", "_" or "-"' })
  ref: string;

  @ApiProperty({ example: 'Berkelland-Bronckhorst' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ example: 'Europe/Amsterdam', default: 'Europe/Amsterdam' })
  @IsOptional()
  @IsTimeZone({ message: '$property must be an IANA time zone such as Europe/Amsterdam' })
  timezone?: string;

  @ApiPropertyOptional({ type: PolicyDto, default: DEFAULT_POLICY })
  @IsOptional()
  @IsNested(() => PolicyDto)
  policy?: PolicyDto;

  @ApiPropertyOptional({ type: [WeeklyWindowDto] })
  @IsOptional()
  @IsNested(() => WeeklyWindowDto, { each: true })
  schoolHours?: WeeklyWindowDto[];

  @ApiPropertyOptional({ type: [ClosedDateDto] })
  @IsOptional()
  @IsNested(() => ClosedDateDto, { each: true })
  closedDates?: ClosedDateDto[];
}

export class UpdateRegionDto extends PartialType(CreateRegionDto) {}

export class RegionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() ref: string;
  @ApiProperty() name: string;
  @ApiProperty() timezone: string;
  @ApiProperty({ type: PolicyDto }) policy: PolicyDto;
  @ApiProperty({ type: [WeeklyWindowDto] }) schoolHours: WeeklyWindowDto[];
  @ApiProperty({ type: [ClosedDateDto] }) closedDates: ClosedDateDto[];

  static from(region: Region): RegionDto {
    return {
      id: region.id,
      ref: region.ref,
      name: region.name,
      timezone: region.timezone,
      policy: { ...region.policy },
      schoolHours: sortWindows(region.schoolHours ?? []),
      closedDates: (region.closedDates ?? [])
        .map(({ from, to, reason }) => ({ from, to, reason }))
        .sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to)),
    };
  }
}
