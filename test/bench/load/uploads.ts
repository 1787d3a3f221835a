import { arrayOfSmallObjects, upload } from '../../support/uploads';

export interface HealthDuringUploads {
  probes: number;
  p50: number;
  p95: number;
  max: number;
  /** The uploads' answers: the service refuses them (401, 413) without parsing them, or closed before they read it. */
  statuses: (number | string)[];
}

/**
 * Three 50 MB JSON bodies sent at once without a token, as an attacker would, while `/health` is asked one
 * request after another until they are answered (at least three probes): how long a probe waits meanwhile.
 */
export async function healthDuringUploads(url: string): Promise<HealthDuringUploads> {
  const port = Number(new URL(url).port);
  const body = arrayOfSmallObjects(50_000_000);
  const uploads = Promise.all(
    ['/imports/scenario', '/participants', '/regions'].map((path) =>
      upload(port, path, 'application/json', body),
    ),
  );
  let uploading = true;
  void uploads.finally(() => (uploading = false));
  const waits: number[] = [];
  while (uploading || waits.length < 3) {
    const started = performance.now();
    const answer = await fetch(`${url}/health`);
    await answer.arrayBuffer();
    if (!answer.ok) throw new Error(`/health answered ${answer.status} during the uploads`);
    waits.push(performance.now() - started);
  }
  const statuses = (await uploads).map((result) => result.status);
  waits.sort((a, b) => a - b);
  const at = (share: number) =>
    Math.round(waits[Math.min(waits.length - 1, Math.floor(share * waits.length))]);
  return { probes: waits.length, p50: at(0.5), p95: at(0.95), max: Math.round(waits.at(-1)!), statuses };
}
