import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessContext } from '../access/access-context';
import { Roles } from '../access/roles.decorator';
import { DriversService } from './drivers.service';
import { DriverDto } from './dto/driver.dto';

/** What a driver sees with her own token. Registered before /drivers/:id, which would take "me" for an id. */
@ApiTags('drivers')
@ApiBearerAuth()
@Controller('drivers/me')
@Roles('driver')
export class DriverSelfController {
  constructor(
    private readonly drivers: DriversService,
    private readonly access: AccessContext,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The driver of this token (her route sheets come with route planning)' })
  async me(): Promise<DriverDto> {
    return DriverDto.from(await this.drivers.get(this.access.principal().driverId!));
  }
}
