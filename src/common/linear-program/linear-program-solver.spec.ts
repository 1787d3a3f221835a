import { LinearProgram, SolveLinearProgram } from '../../planning/linear-program';
import {
  asLpText,
  LinearProgramSolver,
  loadLinearProgramSolver,
  solveInWorker,
} from './linear-program-solver';

describe('the linear program solver', () => {
  let solve: SolveLinearProgram;
  beforeAll(async () => {
    solve = await loadLinearProgramSolver();
  });

  it('finds the optimum of a program stated as plain data', () => {
    // Two groups, one room: at most one whole group, the better one, or a mix.
    const value = solve({
      objective: [
        ['a', 3],
        ['b', 5],
      ],
      constraints: [
        {
          terms: [
            ['a', 1],
            ['b', 1],
          ],
          atMost: 1,
        },
        { terms: [['b', 2]], atMost: 1 },
      ],
    });
    expect(value).toBeCloseTo(0.5 * 3 + 0.5 * 5, 6);
  });

  it('gives no value where the program has no optimum', () => {
    expect(
      solve({ objective: [['a', 1]], constraints: [{ terms: [['a', -1]], atMost: 0 }] }),
    ).toBeUndefined();
  });

  it('writes every coefficient with its sign, long sums over several lines', () => {
    const terms = Array.from({ length: 45 }, (_, i): [string, number] => [`v${i}`, i % 2 === 0 ? 1.5 : -2]);
    const text = asLpText({ objective: terms, constraints: [{ terms, atMost: 7 }] });
    expect(text).toContain(' obj: 1.5 v0 - 2 v1 + 1.5 v2');
    expect(text.split('\n').filter((line) => line.startsWith('  '))).toHaveLength(4);
    // Twenty terms a line: the 41st starts the third line of the row.
    expect(text).toMatch(
      / r0: 1\.5 v0 - 2 v1 [^\n]*\n {2}\+ 1\.5 v20 [^\n]*\n {2}\+ 1\.5 v40 [^\n]*v44 <= 7\n/,
    );
  });

  it('solves in a worker thread of its own as the service, and gives no value where HiGHS fails', async () => {
    class Failing extends LinearProgramSolver {
      protected override solveOnce(): Promise<number | undefined> {
        return Promise.reject(new Error('no WebAssembly'));
      }
    }
    expect(await new Failing().solve({ objective: [['a', 1]], constraints: [] })).toBeUndefined();
    const service = new LinearProgramSolver();
    const program: LinearProgram = { objective: [['a', 2]], constraints: [{ terms: [['a', 1]], atMost: 3 }] };
    expect(await service.solve(program)).toBeCloseTo(6, 6);
    // No optimum: no value, and no warning needed.
    expect(
      await service.solve({ objective: [['a', 1]], constraints: [{ terms: [['a', -1]], atMost: 0 }] }),
    ).toBeUndefined();
    // A program HiGHS cannot read: the worker rejects with its reason, the service gives no value.
    const unreadable: LinearProgram = {
      objective: [['a', 1]],
      constraints: [{ terms: [['a', 1]], atMost: NaN }],
    };
    await expect(solveInWorker(unreadable)).rejects.toThrow(/Unable to read LP model/);
    expect(await service.solve(unreadable)).toBeUndefined();
  });
});
