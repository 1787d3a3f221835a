import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

export class ProgrammeBudgetDto {
  @ApiProperty({
    description:
      'what the programme may spend on childcare, travel, allowances, taxis and interpreters, in euro cents',
    example: 6_000_000,
  })
  @IsInt({ message: '$property must be a whole number of euro cents' })
  @Min(0)
  @Max(2_000_000_000)
  amountCents: number;
}

export class ProgrammeBudgetAnswerDto extends ProgrammeBudgetDto {
  @ApiProperty()
  programmeId: string;
}
