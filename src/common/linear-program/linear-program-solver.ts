import { Injectable, Logger } from '@nestjs/common';
import highsLoader from 'highs';
import { LinearProgram, SolveLinearProgram } from '../../planning/linear-program';

const TIME_LIMIT_SECONDS = 30;

/** HiGHS, compiled to WebAssembly, solves linear programs in the process: no service to run beside it. */
export async function loadLinearProgramSolver(): Promise<SolveLinearProgram> {
  const highs = await highsLoader();
  return (program) => {
    // The interior-point method, then crossover to an optimal vertex, is several times faster than simplex on the
    // bounds' programs; a program not solved in time gives no value rather than a doubtful one.
    const solution = highs.solve(asLpText(program), {
      output_flag: false,
      solver: 'ipm',
      run_crossover: 'on',
      time_limit: TIME_LIMIT_SECONDS,
    });
    return solution.Status === 'Optimal' ? solution.ObjectiveValue : undefined;
  };
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
 * The solver, loaded once per process when first asked for. None, with a warning, when HiGHS cannot load, and no
 * value from a program it fails on: a plan never fails for its bound, which then is the counts without it.
 */
@Injectable()
export class LinearProgramSolver {
  private readonly logger = new Logger(LinearProgramSolver.name);
  private loaded?: Promise<SolveLinearProgram | undefined>;

  solver(): Promise<SolveLinearProgram | undefined> {
    return (this.loaded ??= this.load().then(
      (solve): SolveLinearProgram =>
        (program) => {
          try {
            return solve(program);
          } catch (error) {
            this.logger.warn(`the linear program solver failed, no bound from it: ${String(error)}`);
            return undefined;
          }
        },
      (error) => {
        this.logger.warn(`the linear program solver did not load, bounds without it: ${String(error)}`);
        return undefined;
      },
    ));
  }

  protected load(): Promise<SolveLinearProgram> {
    return loadLinearProgramSolver();
  }
}
