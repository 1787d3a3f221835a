import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsArray, IsOptional, IsUUID } from 'class-validator';
import { sortWindows } from '../../../common/database/weekly-windows';
import { IsNested, IsRef, IsText, WeeklyWindowDto } from '../../../common/validation/decorators';
import { Trainer } from '../trainer.entity';

export class CreateTrainerDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  regionId: string;

  @IsRef()
  ref?: string | null;

  @IsText({ example: 'Fatima' })
  name: string;

  @ApiPropertyOptional({ type: [WeeklyWindowDto], default: [], description: 'when she can lead sessions' })
  @IsOptional()
  @IsArray()
  @IsNested(() => WeeklyWindowDto, { each: true })
  availability?: WeeklyWindowDto[];
}

export class UpdateTrainerDto extends PartialType(OmitType(CreateTrainerDto, ['regionId'] as const)) {}

export class TrainerDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) regionId: string;
  @ApiProperty({ nullable: true, type: String }) ref: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ type: [WeeklyWindowDto] }) availability: WeeklyWindowDto[];

  static from(trainer: Trainer): TrainerDto {
    const { id, regionId, ref, name } = trainer;
    return { id, regionId, ref, name, availability: sortWindows(trainer.availability ?? []) };
  }
}
