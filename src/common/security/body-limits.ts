import { NestExpressApplication } from '@nestjs/platform-express';
import { NextFunction, raw, Request, RequestHandler, Response } from 'express';

/** A record, a few ids, a search: the JSON body of every endpoint but a document import is far below this. */
export const JSON_BODY_LIMIT = '100kb';

/** A region of 2000 participants is a scenario of about 1.5 MB: this takes some 13 000. */
export const SCENARIO_BODY_LIMIT = '10mb';

/** An endpoint that takes a whole document, larger than any other body. */
interface DocumentRoute {
  method: string;
  path: RegExp;
  /** Reads its JSON body; none where the route's own middleware reads the document (a timetable, as text). */
  parser?: RequestHandler;
}

const DOCUMENT_ROUTES: DocumentRoute[] = [
  // Kept as bytes: the import reads the JSON in a worker thread, as parsing 10 MB would stall the event loop.
  {
    method: 'POST',
    path: /^\/imports\/scenario\/?$/i,
    parser: raw({ type: 'application/json', limit: SCENARIO_BODY_LIMIT }),
  },
  { method: 'POST', path: /^\/language-providers\/[^/]+\/timetable\/?$/i },
];

/** Resolves when the caller of a request may send a document; rejects with the answer (401) otherwise. */
export type UploaderCheck = (request: Request) => Promise<unknown>;

/**
 * Bodies are read before the guards run, so their size is limited first: JSON_BODY_LIMIT everywhere, a larger
 * one only on the document imports, and there only for a caller with a valid token, checked before a byte of
 * the document is read. Over the limit a body is not read at all (the parser goes by Content-Length) and the
 * answer is 413; without a token a megabyte upload costs the service no more than any other refusal.
 */
export function applyBodyLimits(app: NestExpressApplication, mayUpload: UploaderCheck): void {
  app.use((request: Request, response: Response, next: NextFunction) => {
    const route = DOCUMENT_ROUTES.find(
      ({ method, path }) => request.method === method && path.test(request.path),
    );
    if (!route) return next();
    mayUpload(request).then(
      () => (route.parser ? route.parser(request, response, next) : next()),
      (refusal: unknown) => next(refusal),
    );
  });
  // Passes over a body the document parser has read already; Nest adds no JSON parser of its own after it.
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
}
