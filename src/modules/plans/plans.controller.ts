import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PlanExportQueryDto } from './dto/plan-export-query.dto';
import { PlanDocument, PlanExportService } from './plan-export.service';

@ApiTags('scenario')
@ApiBearerAuth()
@Controller('exports')
export class PlansController {
  constructor(private readonly plans: PlanExportService) {}

  @Get('plan')
  @ApiOperation({
    summary:
      'The planned sessions of a region with their conflicts and childcare, as a trefpunt-plan/1 document',
  })
  exportPlan(@Query() query: PlanExportQueryDto): Promise<PlanDocument> {
    return this.plans.exportPlan(query.region, query.from, query.to);
  }
}
