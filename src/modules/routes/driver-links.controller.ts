import { Controller, Delete, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { IdParam } from '../../common/api/id-param';
import { ScopedBy } from '../access/scoped-by.decorator';
import { DriversService } from '../transport/drivers.service';
import { DriverLinkDto } from './dto/driver-link.dto';
import { DriverLinksService } from './driver-links.service';

@ApiTags('drivers')
@ApiBearerAuth()
@Controller('drivers/:id/link')
@ScopedBy(DriversService, 'driver')
export class DriverLinksController {
  constructor(private readonly links: DriverLinksService) {}

  @Post()
  @ApiOperation({
    summary: 'Her personal link to her rides page, made anew',
    description:
      'A link that opens, on her phone and without any header, her rides of today and tomorrow with the stops ' +
      'in order, call and navigation buttons, and picked-up / no-show buttons. It carries a new driver token; ' +
      'her earlier links are revoked. Only the hash is kept: hand her this one.',
  })
  @ApiCreatedResponse({ type: DriverLinkDto })
  async renew(@IdParam() id: string, @Res({ passthrough: true }) response: Response): Promise<DriverLinkDto> {
    response.setHeader('Cache-Control', 'no-store');
    return this.links.renew(id, new Date());
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({ summary: 'Her links stop working (a lost phone, a driver who stopped)' })
  async revoke(@IdParam() id: string): Promise<void> {
    await this.links.revoke(id, new Date());
  }
}
