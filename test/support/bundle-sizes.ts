import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { WEB_DIST } from '../../src/common/web/web-app';

/** The JavaScript a built page loads (its entry and the chunks it preloads), gzip-compressed, in kB. */
export function pageScriptKilobytes(page: string): number {
  if (!WEB_DIST) throw new Error('web/dist is missing: run npm run build:web');
  const html = readFileSync(join(WEB_DIST, page), 'utf8');
  const scripts = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((match) => match[1]);
  const bytes = scripts.reduce(
    (sum, script) => sum + gzipSync(readFileSync(join(WEB_DIST!, script))).length,
    0,
  );
  return Math.round(bytes / 100) / 10;
}
