import { request as httpRequest } from 'node:http';

/** JSON of about `bytes` bytes: an array of small objects, the costliest kind of body to parse for its size. */
export const arrayOfSmallObjects = (bytes: number) =>
  Buffer.from(`[${'{"n":1},'.repeat(Math.floor(bytes / 8) - 1)}{"n":1}]`);

export interface Upload {
  status: number;
  /** Milliseconds until both the answer came and the last byte was written (or the server closed). */
  ms: number;
}

/** Sends `body` as one request over its own connection, without a token, as an attacker would. */
export function upload(port: number, path: string, contentType: string, body: Buffer): Promise<Upload> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    let status: number | undefined;
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
    outgoing.on('error', (error) => {
      sent = true;
      if (status !== undefined) settle();
      else reject(error);
    });
    outgoing.end(body);
  });
}
