import { Controller, Get, Headers, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { Request, Response } from 'express';
import { JobsService } from '../jobs/jobs.service';
import { answerWithJob, RespondsAsync } from '../jobs/respond-async';
import { ScenarioDto } from './dto/scenario.dto';
import { ScenarioExportService } from './scenario-export.service';
import { ScenarioImportJobsService } from './scenario-import-jobs.service';

class ExportScenarioQueryDto {
  @ApiProperty({ description: "the region's id or ref, e.g. `berkelland`" })
  @IsString()
  @MaxLength(200)
  region: string;

  @ApiPropertyOptional({ description: "the programme's ref; by default the region's first programme" })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  programme?: string;
}

@ApiTags('scenario')
@ApiBearerAuth()
@Controller()
export class ScenarioController {
  constructor(
    private readonly imports: ScenarioImportJobsService,
    private readonly jobs: JobsService,
    private readonly exporter: ScenarioExportService,
  ) {}

  @Post('imports/scenario')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Import a region from a trefpunt-scenario/1 document',
    description:
      'Validates the whole document first. On any problem answers 400 listing every problem with its JSON path, ' +
      'and stores nothing. Otherwise stores it in one transaction: records are matched by id within the region; ' +
      'nothing is deleted and other regions are not touched. Importing the same document again changes nothing. ' +
      'The storing runs as a job (one job of a region at a time, plans included): with `Prefer: respond-async` ' +
      'the answer is 202 with the job once the document is checked (follow its steps at GET /jobs/{id}); ' +
      'without, the answer waits for it.',
  })
  @ApiBody({ type: ScenarioDto })
  @ApiBadRequestResponse({
    description:
      '`message` lists every problem, e.g. `participants[3].lessons[0].providerId: unknown language provider "nope"`',
  })
  @RespondsAsync()
  async importScenario(
    @Req() request: Request,
    @Headers('prefer') prefer: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<unknown> {
    // The body's bytes as they came (see body-limits.ts): read, validated and checked in a worker thread.
    const job = await this.imports.queue(request.body as unknown);
    return answerWithJob(this.jobs, job, prefer, response);
  }

  @Get('exports/scenario')
  @ApiOperation({ summary: 'A region as a trefpunt-scenario/1 document, which imports back unchanged' })
  @ApiOkResponse({ type: ScenarioDto })
  exportScenario(@Query() query: ExportScenarioQueryDto): Promise<ScenarioDto> {
    return this.exporter.exportScenario(query.region, query.programme);
  }
}
