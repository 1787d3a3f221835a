/**
 * The worker thread of scenario-validation.ts: reads and checks one scenario document away from the event
 * loop, then hands the result back in pieces, each small enough to take in without stalling it.
 */
import 'reflect-metadata';
import { parentPort, workerData } from 'node:worker_threads';
import { inputShapeProblems } from '../../common/validation/input-shape';
import { InvalidScenarioException, parseScenario } from './scenario-parser';
import { ScenarioValidationInput, ScenarioValidationMessage } from './scenario-validation.messages';

/** Items of a list per message: a few milliseconds for the main thread to take in. */
const PIECE = 250;

const send = (message: ScenarioValidationMessage) => parentPort!.postMessage(message);

/** The document in the bytes of a request body, as Express's JSON parser would read it (empty: `{}`). */
function readDocument(input: ScenarioValidationInput): unknown {
  if (!('bytes' in input)) return input.document;
  const text = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength).toString(
    'utf8',
  );
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InvalidScenarioException([`body: is not valid JSON (${(error as Error).message})`]);
  }
}

async function validate(input: ScenarioValidationInput): Promise<void> {
  try {
    const document = readDocument(input);
    // What the global validation pipe checks of every body: this route's body does not pass through it.
    const shapeProblems = inputShapeProblems(document, undefined, 'body');
    if (shapeProblems.length > 0) throw new InvalidScenarioException(shapeProblems);
    const { scenario, warnings } = await parseScenario(document);
    const head: Record<string, unknown> = { ...scenario };
    for (const [field, value] of Object.entries(scenario)) {
      if (!Array.isArray(value)) continue;
      head[field] = [];
      for (let start = 0; start < value.length; start += PIECE) {
        send({ kind: 'piece', field, items: value.slice(start, start + PIECE) as unknown[] });
      }
    }
    send({ kind: 'valid', head, warnings });
  } catch (error) {
    if (error instanceof InvalidScenarioException) send({ kind: 'invalid', problems: error.problems });
    else send({ kind: 'failed', name: (error as Error).name, stack: (error as Error).stack });
  }
}

void validate(workerData as ScenarioValidationInput);
