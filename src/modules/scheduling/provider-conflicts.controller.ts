import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { IdParam } from '../../common/api/id-param';
import { ScopedBy } from '../access/scoped-by.decorator';
import { LanguageProvidersService } from '../language-providers/language-providers.service';
import {
  ProviderConflictFormat,
  ProviderConflictsDto,
  ProviderConflictsQueryDto,
} from './dto/provider-conflicts.dto';
import { LetterSignerService } from './letter-signer.service';
import { ProviderConflictsService, providerConflictsCsv } from './provider-conflicts.service';
import { providerLetterNl } from './templates/provider-letter.nl';

const MEDIA_TYPES: Record<string, ProviderConflictFormat> = {
  'application/json': 'json',
  'text/csv': 'csv',
  'text/plain': 'letter',
};

@ApiTags('scheduling')
@ApiBearerAuth()
@Controller('language-providers')
export class ProviderConflictsController {
  constructor(
    private readonly reports: ProviderConflictsService,
    private readonly providers: LanguageProvidersService,
    private readonly signers: LetterSignerService,
  ) {}

  @Get(':id/conflicts')
  @ScopedBy(LanguageProvidersService, 'language provider')
  @ApiOperation({
    summary: "A taalaanbieder's lessons that clash with planned sessions, per participant, to send to it",
    description:
      'Per participant, each of her lessons at this provider that overlaps a planned session (`overlap`) or ' +
      'leaves no time to travel (`travel`), with the dates, and the single lesson moves that would let the most ' +
      'women attend. As JSON, CSV or a Dutch letter (`format`, or the Accept header when it is not given). ' +
      'Every participant listed is written to the audit log. The letter is signed with the name, phone and ' +
      "e-mail address of the coordinator's account when she asks from the web app; with a token it has blanks.",
  })
  @ApiProduces('application/json', 'text/csv', 'text/plain')
  @ApiOkResponse({ type: ProviderConflictsDto })
  async conflicts(
    @IdParam() id: string,
    @Query() query: ProviderConflictsQueryDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ProviderConflictsDto | string> {
    // An explicit format wins; an Accept the endpoint cannot give falls back to JSON rather than 406.
    const accepted = request.accepts(Object.keys(MEDIA_TYPES));
    const format = query.format ?? (accepted ? MEDIA_TYPES[accepted] : 'json');
    const report = await this.reports.report(id, query.from, query.to);
    // Names of participants: not for shared caches. The answer depends on Accept.
    response.setHeader('Cache-Control', 'no-store');
    response.vary('Accept');
    if (format === 'csv') {
      response.attachment(`conflicts-${id}.csv`);
      response.type('text/csv; charset=utf-8');
      return providerConflictsCsv(report);
    }
    if (format === 'letter') {
      response.type('text/plain; charset=utf-8');
      const { regionId } = await this.providers.get(id);
      return providerLetterNl(report, await this.signers.signer(regionId));
    }
    return report;
  }
}
