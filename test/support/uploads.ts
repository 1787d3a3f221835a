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
