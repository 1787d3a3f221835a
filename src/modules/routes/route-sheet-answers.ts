import { Injectable } from '@nestjs/common';
import { DataVersion } from '../../common/database/data-version';
import { VersionedCache } from '../../common/database/versioned-cache';
import { AccessContext } from '../access/access-context';
import { BuiltSheet, RouteSheetsService } from './route-sheets.service';
import { routeSheetHtml } from './templates/route-sheet.html';

/** A sheet kept with its answers, each rendered the first time it is asked for. */
interface KeptSheet {
  built: BuiltSheet;
  json?: string;
  html?: string;
}

/** Sheets kept per instance: a day's drivers, each for a few reaches. */
const MAX_ENTRIES = 256;

/**
 * Route sheets as sent (JSON or HTML), built once per version of the data, driver, day and reach of the caller
 * (VersionedCache): drivers and coordinators open them again and again on the day. Every read is still checked
 * and written to the audit log.
 */
@Injectable()
export class RouteSheetAnswers {
  private readonly sheets: VersionedCache<KeptSheet>;

  constructor(
    dataVersion: DataVersion,
    private readonly builder: RouteSheetsService,
    private readonly access: AccessContext,
  ) {
    this.sheets = new VersionedCache(dataVersion, MAX_ENTRIES);
  }

  async answer(driverId: string, date: string, format: 'json' | 'html', now: Date): Promise<string> {
    const key = JSON.stringify([driverId, date, this.access.reachKey()]);
    const { value: kept } = await this.sheets.get(key, async () => ({
      built: await this.builder.build(driverId, date),
    }));
    this.builder.read(kept.built, now);
    if (format === 'html') return (kept.html ??= routeSheetHtml(kept.built.sheet));
    return (kept.json ??= JSON.stringify(kept.built.sheet));
  }
}
