import { Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { IdParam } from '../../common/api/id-param';
import { AccessContext } from '../access/access-context';
import { Roles } from '../access/roles.decorator';
import { ScopedBy } from '../access/scoped-by.decorator';
import { DriversService } from '../transport/drivers.service';
import { RouteSheetDto } from './dto/route-sheet.dto';
import { RouteSheetQueryDto } from './dto/routes-plan.dto';
import { RouteSheetAnswers } from './route-sheet-answers';
import { RouteSheetsService } from './route-sheets.service';
import { RouteStopScopes } from './route-stop-scopes';

const SHEET_DESCRIPTION =
  'Per route the stops in order: pickup (or drop-off) time, first name, address, phone, children and child seats, ' +
  'a Google Maps link that navigates the whole route, and the arrival at the location. JSON, or a printable ' +
  'HTML page for a phone (`format=html`, or `Accept: text/html`). A driver sees her sheet on the day of the ' +
  'rides and the day before.';

@ApiTags('routes')
@ApiBearerAuth()
@Controller()
export class RouteSheetsController {
  constructor(
    private readonly sheets: RouteSheetsService,
    private readonly answers: RouteSheetAnswers,
    private readonly access: AccessContext,
  ) {}

  @Get('drivers/me/routes')
  @Roles('driver')
  @ApiOperation({ summary: "The driver's own route sheet for a day", description: SHEET_DESCRIPTION })
  @ApiProduces('application/json', 'text/html')
  @ApiOkResponse({ type: RouteSheetDto })
  mine(
    @Query() query: RouteSheetQueryDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.answer(this.access.principal().driverId!, query, request, response);
  }

  @Get('drivers/:id/routes')
  // Opened again and again on the day of the rides: the driver's scope is kept per version of the data.
  @ScopedBy(DriversService, 'driver', 'id', { keptPerVersion: true })
  @ApiOperation({
    summary: "A driver's route sheet for a day, for her coordinator",
    description: SHEET_DESCRIPTION,
  })
  @ApiProduces('application/json', 'text/html')
  @ApiOkResponse({ type: RouteSheetDto })
  driver(
    @IdParam() id: string,
    @Query() query: RouteSheetQueryDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.answer(id, query, request, response);
  }

  @Post('route-stops/:id/picked-up')
  @HttpCode(204)
  @Roles('driver', 'coordinator', 'admin')
  @ScopedBy(RouteStopScopes, 'route stop')
  @ApiOperation({ summary: 'The driver collected her' })
  async pickedUp(@IdParam() id: string): Promise<void> {
    await this.sheets.mark(id, 'picked-up', new Date());
  }

  @Post('route-stops/:id/no-show')
  @HttpCode(204)
  @Roles('driver', 'coordinator', 'admin')
  @ScopedBy(RouteStopScopes, 'route stop')
  @ApiOperation({
    summary: 'She was not there',
    description:
      'On the way to a session this records her absence (`no-show`): her ride home and her children’s places go.',
  })
  async noShow(@IdParam() id: string): Promise<void> {
    await this.sheets.mark(id, 'no-show', new Date());
  }

  private async answer(driverId: string, query: RouteSheetQueryDto, request: Request, response: Response) {
    const format =
      query.format ?? (request.accepts(['application/json', 'text/html']) === 'text/html' ? 'html' : 'json');
    const answer = await this.answers.answer(driverId, query.date, format, new Date());
    response.setHeader('Cache-Control', 'no-store');
    response.vary('Accept');
    response.type(format === 'html' ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8');
    return answer;
  }
}
