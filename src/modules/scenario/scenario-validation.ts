import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ScenarioDto } from './dto/scenario.dto';
import { InvalidScenarioException } from './scenario-parser';
import { ScenarioValidationInput, ScenarioValidationMessage } from './scenario-validation.messages';

/** Run from the build (`dist/`, JavaScript) or from the TypeScript sources (ts-node, the tests). */
const COMPILED = __filename.endsWith('.js');
const WORKER_FILE = join(__dirname, `scenario-validation.worker.${COMPILED ? 'js' : 'ts'}`);

const startWorker = (input: ScenarioValidationInput): Worker =>
  COMPILED
    ? new Worker(WORKER_FILE, { workerData: input })
    : new Worker(
        `require('ts-node').register({ transpileOnly: true }); require(${JSON.stringify(WORKER_FILE)});`,
        { eval: true, workerData: input },
      );

/**
 * Reads and checks a scenario document (a request body's bytes, or a document already read) in a worker
 * thread of its own: parsing and validating 10 MB takes seconds, during which the event loop would answer
 * nothing else, not even /health. Resolves with the typed document and its warnings; rejects with an
 * InvalidScenarioException listing every problem. The worker ends with its document.
 */
export function validateScenarioOffThread(
  source: Uint8Array | unknown,
): Promise<{ scenario: ScenarioDto; warnings: string[] }> {
  // isView rather than instanceof: a Buffer made in another realm (a test runner's) is no Uint8Array of this one.
  const input: ScenarioValidationInput = ArrayBuffer.isView(source)
    ? { bytes: source as Uint8Array }
    : { document: source };
  return new Promise((resolve, reject) => {
    const worker = startWorker(input);
    const lists = new Map<string, unknown[]>();
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      outcome();
      void worker.terminate();
    };
    worker.on('message', (message: ScenarioValidationMessage) => {
      switch (message.kind) {
        case 'piece': {
          const list = lists.get(message.field) ?? [];
          for (const item of message.items) list.push(item);
          lists.set(message.field, list);
          return;
        }
        case 'valid':
          return settle(() =>
            resolve({
              scenario: { ...message.head, ...Object.fromEntries(lists) } as unknown as ScenarioDto,
              warnings: message.warnings,
            }),
          );
        case 'invalid':
          return settle(() => reject(new InvalidScenarioException(message.problems)));
        case 'failed':
          return settle(() =>
            reject(
              Object.assign(new Error('the scenario could not be checked'), {
                name: message.name,
                stack: message.stack,
              }),
            ),
          );
      }
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) =>
      settle(() => reject(new Error(`the scenario validation worker ended early (exit code ${code})`))),
    );
  });
}
