import { NestExpressApplication } from '@nestjs/platform-express';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Where `npm run build:web` puts the pages: web/dist of the checkout, from src/ or from dist/src/ alike. */
export const WEB_DIST = [
  join(__dirname, '..', '..', '..', 'web', 'dist'),
  join(__dirname, '..', '..', '..', '..', 'web', 'dist'),
].find((folder) => existsSync(join(folder, 'index.html')));

/**
 * The pages a link opens, each its own light bundle. `/me` is also the participant's API: a browser opening her
 * link (asking for HTML, without a token header) gets the page, which then calls `/me` with the token.
 */
const LINK_PAGES: Record<string, string> = { '/me': 'me.html', '/driver': 'driver.html' };

/** The first path segments of the API (from its OpenAPI description) and of the service's own pages. */
function apiSegments(document: OpenAPIObject): Set<string> {
  const segments = Object.keys(document.paths).map((path) => path.split('/')[1]);
  return new Set([...segments, 'docs', 'assets']);
}

/**
 * Serves the web app from web/dist: its hashed assets, the link pages, and index.html for any other page a
 * browser navigates to outside the API (the app routes itself). API requests are left alone: only a browser
 * navigation (GET, asking for HTML first, no Authorization header) ever gets a page.
 */
export function serveWebApp(app: NestExpressApplication, document: OpenAPIObject): void {
  const folder = WEB_DIST;
  if (!folder) return;
  // Names carry their content's hash: a browser may keep them for a year.
  app.useStaticAssets(join(folder, 'assets'), { prefix: '/assets/', immutable: true, maxAge: '365d' });
  const api = apiSegments(document);
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    if (request.headers.authorization || request.accepts(['json', 'html']) !== 'html') return next();
    const page = LINK_PAGES[request.path] ?? (api.has(request.path.split('/')[1]) ? undefined : 'index.html');
    if (!page) return next();
    // The pages are small and name their assets by hash: always the newest, never kept.
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(join(folder, page));
  });
}
