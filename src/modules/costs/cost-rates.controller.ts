import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CostRates } from '../../planning/costs/cost-rates';
import { CostRatesService } from './cost-rates.service';
import { CostRatesDto } from './dto/cost-rates.dto';

@ApiTags('costs')
@ApiBearerAuth()
@Controller('regions/:idOrRef/cost-rates')
export class CostRatesController {
  constructor(private readonly rates: CostRatesService) {}

  @Get()
  @ApiOperation({ summary: "A region's cost rates (all 0 and no caps until they are set)" })
  get(@Param('idOrRef') idOrRef: string): Promise<CostRates> {
    return this.rates.get(idOrRef);
  }

  @Put()
  @ApiOperation({
    summary: "Set a region's cost rates",
    description:
      'Replaces them all: a rate left out is 0, a cap left out is no cap. Amounts in euro cents. Not for a ' +
      'coordinator limited to some municipalities (403): the rates are the whole region’s.',
  })
  set(@Param('idOrRef') idOrRef: string, @Body() dto: CostRatesDto): Promise<CostRates> {
    return this.rates.set(idOrRef, dto);
  }
}
