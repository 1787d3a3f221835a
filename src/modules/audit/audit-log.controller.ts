import { Controller, ForbiddenException, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse, Page } from '../../common/api/page';
import { AccessContext } from '../access/access-context';
import { ParticipantsService } from '../participants/participants.service';
import { RegionsService } from '../regions/regions.service';
import { AuditService } from './audit.service';
import { AuditEntryDto, AuditLogQueryDto } from './dto/audit-entry.dto';

/** Reading the audit log; there is no endpoint to change or delete it. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit-log')
export class AuditLogController {
  constructor(
    private readonly audit: AuditService,
    private readonly access: AccessContext,
    private readonly regions: RegionsService,
    private readonly participants: ParticipantsService,
  ) {}

  @Get()
  @ApiOperation({
    summary: "Who read or changed participants' personal data, newest first",
    description:
      'Admins read all of it; a coordinator the log of her regions. A coordinator limited to some municipalities ' +
      'reads it per participant (`participant=`).',
  })
  @ApiPageResponse(AuditEntryDto)
  async list(@Query() query: AuditLogQueryDto): Promise<Page<AuditEntryDto>> {
    const { regionId } = await this.regions.scope({ region: query.region });
    const regionIds = typeof regionId === 'string' ? [regionId] : this.access.regionIds();
    if (this.access.municipalityIds()) {
      if (!query.participant) {
        throw new ForbiddenException(
          'participant: a coordinator limited to municipalities reads the log per participant',
        );
      }
      await this.participants.findReachable(query.participant, 'participant');
    }
    const page = await this.audit.list(
      { participantIds: query.participant ? [query.participant] : undefined, regionIds },
      { limit: query.limit, offset: query.offset },
    );
    return { items: page.items.map(AuditEntryDto.from), total: page.total };
  }
}
