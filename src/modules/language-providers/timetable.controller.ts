import {
  Body,
  Controller,
  Headers,
  HttpCode,
  Post,
  Query,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { IdParam } from '../../common/api/id-param';
import { ScopedBy } from '../access/scoped-by.decorator';
import { TimetableImportQueryDto, TimetableImportSummaryDto } from './dto/timetable-import.dto';
import { LanguageProvidersService } from './language-providers.service';
import { TIMETABLE_MEDIA_TYPES, TIMETABLE_SIZE_LIMIT } from './timetable-body.middleware';
import { TimetableFormat, TimetableImportService } from './timetable-import.service';

const FORMATS: Record<string, TimetableFormat> = { 'text/csv': 'csv', 'text/calendar': 'ical' };

// Not @Audited: the answer holds counts, not records. The service writes the audit log of the lessons it
// compared and changed itself, in the import's transaction (as the scenario import does).
@ApiTags('language-providers')
@ApiBearerAuth()
@Controller('language-providers')
export class TimetableController {
  constructor(private readonly timetables: TimetableImportService) {}

  @Post(':id/timetable')
  @HttpCode(200)
  @ScopedBy(LanguageProvidersService, 'language provider')
  @ApiOperation({
    summary: "Import a taalaanbieder's timetable (CSV or iCalendar)",
    description:
      'The file is the complete timetable of this provider for the participants it names: their lessons at ' +
      'this provider become exactly those of the file (unchanged ones keep their id); their lessons at other ' +
      'providers, and the participants it does not name, are left alone. A file with problems is refused as a ' +
      'whole, each problem with its line. `?dryRun=true` only checks and reports. See the README.',
  })
  @ApiConsumes(...TIMETABLE_MEDIA_TYPES)
  @ApiBody({
    description: `the file itself, at most ${TIMETABLE_SIZE_LIMIT.toUpperCase()}`,
    schema: {
      type: 'string',
      example:
        'participant;weekday;from;to;place;validFrom;validTo\n' +
        'p12;ma;09:00;11:30;"52.1158,6.5215";2027-01-04;2027-07-09\n',
    },
  })
  @ApiOkResponse({ type: TimetableImportSummaryDto })
  @ApiBadRequestResponse({ description: 'every problem of the file, as `line N: …`; nothing is stored' })
  async import(
    @IdParam() id: string,
    @Query() query: TimetableImportQueryDto,
    @Headers('content-type') contentType: string | undefined,
    @Body() body: unknown,
  ): Promise<TimetableImportSummaryDto> {
    const format = FORMATS[(contentType ?? '').split(';')[0].trim().toLowerCase()];
    if (!format || typeof body !== 'string') {
      throw new UnsupportedMediaTypeException(
        `Content-Type: send the timetable as ${TIMETABLE_MEDIA_TYPES.join(' or ')}`,
      );
    }
    return this.timetables.importTimetable(id, { format, text: body }, query.dryRun ?? false);
  }
}
