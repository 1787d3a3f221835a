import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { PlanExportQueryDto } from './dto/plan-export-query.dto';
import { PlanExportService } from './plan-export.service';

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
  async exportPlan(
    @Query() query: PlanExportQueryDto,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const plan = await this.plans.exportPlanJson(query.region, query.from, query.to);
    // Sent as encoded once (Nest would send bytes as a JSON array, so Express gets them itself), gzipped once for
    // the clients that take it (browsers, fetch, curl --compressed); the ETag also lets a client that has this
    // version ask again cheaply (304). Each encoding is its own representation, with its own ETag.
    response.type('application/json').vary('Accept-Encoding');
    if (request.acceptsEncodings('gzip', 'identity') === 'gzip') {
      response.setHeader('Content-Encoding', 'gzip').setHeader('ETag', plan.etag.replace(/"$/, '-gzip"'));
      response.send(plan.gzip);
    } else {
      response.setHeader('ETag', plan.etag);
      response.send(plan.json);
    }
  }
}
