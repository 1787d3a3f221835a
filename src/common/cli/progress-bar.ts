import { Presets, SingleBar } from 'cli-progress';

export interface ProgressBar {
  /** A fraction from 0 to 1 and the step it is in. */
  report(fraction: number, step: string): void;
  stop(): void;
}

/**
 * A progress bar on standard error with the step and an estimate of the time left, for the command line. On
 * standard error so that what scripts read from standard output (the `figures` line) stays as it was; drawn
 * only on a terminal.
 */
export function progressBar(title: string): ProgressBar {
  const bar = new SingleBar(
    {
      format: `${title} {bar} {percentage}% | {step} | {duration_formatted} so far, about {eta_formatted} left`,
      hideCursor: true,
      // The work runs in long synchronous stretches: draw at each report rather than on a timer alone.
      synchronousUpdate: true,
      etaBuffer: 20,
      stream: process.stderr,
    },
    Presets.shades_classic,
  );
  bar.start(100, 0, { step: 'starting' });
  return {
    report: (fraction, step) => bar.update(Math.round(Math.min(1, Math.max(0, fraction)) * 100), { step }),
    stop: () => bar.stop(),
  };
}
