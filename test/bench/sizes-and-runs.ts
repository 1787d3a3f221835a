/**
 * The command line of a benchmark by region size: `[size ...] [--runs N]`. The number after `--runs` is not a
 * size; without sizes, the defaults.
 */
export function sizesAndRuns(args: string[], defaults: number[]): { sizes: number[]; runs: number } {
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
  const sizes = args
    .filter((arg, index) => /^\d+$/.test(arg) && (runsAt < 0 || index !== runsAt + 1))
    .map(Number);
  return { sizes: sizes.length > 0 ? sizes : defaults, runs };
}

/** The middle value (the upper one of an even count). */
export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
