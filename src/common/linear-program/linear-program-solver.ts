import { Injectable, Logger } from '@nestjs/common';
import highsLoader from 'highs';
import { Worker } from 'node:worker_threads';
import { LinearProgram, SolveLinearProgram } from '../../planning/linear-program';

const TIME_LIMIT_SECONDS = 30;
// The interior-point method, then crossover to an optimal vertex, is several times faster than simplex on the
// bounds' programs; a program not solved in time gives no value rather than a doubtful one.
const OPTIONS = {
  output_flag: false,
  solver: 'ipm',
  run_crossover: 'on',
  time_limit: TIME_LIMIT_SECONDS,
} as const;

/** HiGHS, compiled to WebAssembly, solves linear programs in the process: no service to run beside it. */
export async function loadLinearProgramSolver(): Promise<SolveLinearProgram> {
  const highs = await highsLoader();
  return (program) => {
    const solution = highs.solve(asLpText(program), OPTIONS);
    return solution.Status === 'Optimal' ? solution.ObjectiveValue : undefined;
  };
}

/** What a worker thread runs: HiGHS on one program's text, its answer posted back. */
const WORKER_SCRIPT = `
const { parentPort, workerData } = require('node:worker_threads');
require(workerData.highs)()
  .then((highs) => {
    const solution = highs.solve(workerData.text, workerData.options);
    parentPort.postMessage({ status: solution.Status, value: solution.ObjectiveValue });
  })
  .catch((error) => parentPort.postMessage({ error: String((error && error.message) || error) }));
`;

/**
 * Solves a program in a worker thread of its own, so that the process goes on meanwhile (the planner stores its
 * sessions and plans care and rides while the bound's program is solved on the other core). Rejects when HiGHS
 * does not load or fails; undefined where it proves no optimum.
 */
export function solveInWorker(program: LinearProgram): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SCRIPT, {
      eval: true,
      workerData: { highs: require.resolve('highs'), text: asLpText(program), options: OPTIONS },
    });
    worker.once('message', (answer: { status?: string; value?: number; error?: string }) => {
      void worker.terminate();
      if (answer.error !== undefined) reject(new Error(answer.error));
      else resolve(answer.status === 'Optimal' ? answer.value : undefined);
    });
    worker.once('error', reject);
    // After an answer this changes nothing; without one (the thread ran out of memory, say) it is the failure.
    worker.once('exit', (code) => reject(new Error(`the solver's thread stopped (exit code ${code})`)));
  });
}

/** The program in CPLEX LP format, which HiGHS reads; a few terms a line. */
export function asLpText({ objective, constraints }: LinearProgram): string {
  const sum = (terms: [string, number][]) => {
    const written = terms
      .filter(([, coefficient]) => coefficient !== 0)
      .map(([variable, coefficient], index) =>
        `${coefficient < 0 ? '-' : index === 0 ? '' : '+'} ${Math.abs(coefficient)} ${variable}`.trim(),
      );
    const lines: string[] = [];
    for (let i = 0; i < written.length; i += 20) lines.push(written.slice(i, i + 20).join(' '));
    return lines.join('\n  ');
  };
  const rows = constraints
    .filter(({ terms }) => terms.some(([, coefficient]) => coefficient !== 0))
    .map(({ terms, atMost }, index) => ` r${index}: ${sum(terms)} <= ${atMost}`);
  return ['Maximize', ` obj: ${sum(objective) || '0 x'}`, 'Subject To', ...rows, 'End', ''].join('\n');
}

/**
 * Solves the planner's linear programs, each in a worker thread. No value, with a warning, when HiGHS cannot load
 * or fails on a program: a plan never fails for its bound, which then is the counts without it.
 */
@Injectable()
export class LinearProgramSolver {
  private readonly logger = new Logger(LinearProgramSolver.name);

  async solve(program: LinearProgram): Promise<number | undefined> {
    try {
      return await this.solveOnce(program);
    } catch (error) {
      this.logger.warn(`the linear program solver failed, no bound from it: ${String(error)}`);
      return undefined;
    }
  }

  protected solveOnce(program: LinearProgram): Promise<number | undefined> {
    return solveInWorker(program);
  }
}
