import { request as httpRequest } from 'node:http';

/** JSON of about `bytes` bytes: an array of small objects, the costliest kind of body to parse for its size. */
export const arrayOfSmallObjects = (bytes: number) =>
  Buffer.from(`[${'{"n":1},'.repeat(Math.floor(bytes / 8) - 1)}{"n":1}]`);

/**
 * What a client still sending sees when the service answers before reading the body and closes: its write fails
 * (EPIPE) or the connection is reset, often before it has read the answer. Either way the body was not taken.
 */
export const CLOSED_BEFORE_ANSWER = 'closed before the answer';

export interface Upload {
  /** The answer's status, or CLOSED_BEFORE_ANSWER. */
  status: number | typeof CLOSED_BEFORE_ANSWER;
  /** Milliseconds until both the answer came and the last byte was written (or the server closed). */
  ms: number;
}

/** Sends `body` as one request over its own connection, without a token, as an attacker would. */
export function upload(port: number, path: string, contentType: string, body: Buffer): Promise<Upload> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    let status: Upload['status'] | undefined;
    let sent = false;
    const settle = () => {
      if (status !== undefined && sent) resolve({ status, ms: performance.now() - started });
    };
    const outgoing = httpRequest(
      {
        port,
        path,
        method: 'POST',
        agent: false,
        headers: { 'Content-Type': contentType, 'Content-Length': body.length },
      },
      (response) => {
        status = response.statusCode;
        response.resume();
        response.on('end', settle);
      },
    );
    outgoing.on('finish', () => {
      sent = true;
      settle();
    });
    // A server may close the connection once it has answered: the upload is over then, too.
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      sent = true;
      if (status !== undefined) settle();
      else if (error.code === 'EPIPE' || error.code === 'ECONNRESET') {
        status = CLOSED_BEFORE_ANSWER;
        settle();
      } else reject(error);
    });
    outgoing.end(body);
  });
}

export interface HealthDuringUploads {
  probes: number;
  p50: number;
  p95: number;
  max: number;
  /** The uploads' answers, in the order sent: refused (401, 413) without being parsed, or CLOSED_BEFORE_ANSWER. */
  statuses: Upload['status'][];
}

/** Where the uploads go: by default three JSON endpoints, one of them a document import. */
const JSON_UPLOADS = ['/imports/scenario', '/participants', '/regions'].map((path) => ({
  path,
  contentType: 'application/json',
}));

/**
 * Three 50 MB bodies (JSON of small objects) sent at once without a token, as an attacker would, while `/health`
 * of the service at `url` is asked one request after another until they are answered (at least three probes, the
 * first surely while they are still sent): how long a probe waits meanwhile. A `/health` that is not 200 throws.
 */
export async function healthDuringUploads(
  url: string,
  uploads: { path: string; contentType: string }[] = JSON_UPLOADS,
): Promise<HealthDuringUploads> {
  const port = Number(new URL(url).port);
  const body = arrayOfSmallObjects(50_000_000);
  const sending = Promise.all(uploads.map(({ path, contentType }) => upload(port, path, contentType, body)));
  let uploading = true;
  void sending.finally(() => (uploading = false));
  const waits: number[] = [];
  while (uploading || waits.length < 3) {
    const started = performance.now();
    const answer = await fetch(`${url}/health`);
    await answer.arrayBuffer();
    if (!answer.ok) throw new Error(`/health answered ${answer.status} during the uploads`);
    waits.push(performance.now() - started);
  }
  const statuses = (await sending).map((result) => result.status);
  waits.sort((a, b) => a - b);
  const at = (share: number) =>
    Math.round(waits[Math.min(waits.length - 1, Math.floor(share * waits.length))]);
  return { probes: waits.length, p50: at(0.5), p95: at(0.95), max: Math.round(waits.at(-1)!), statuses };
}
