/**
 * Milliseconds per step of a long piece of work, for one debug line at its end: where the time of a plan goes
 * (each step from the end of the one before; a step timed in parts adds them up).
 */
export class StepTimes {
  private last = performance.now();
  readonly ms: Record<string, number> = {};

  /** Ends a step here. */
  lap(step: string): void {
    const now = performance.now();
    this.add(step, now - this.last);
    this.last = now;
  }

  /** Times a part of a step that runs among other work (a callback), without ending the current step. */
  part<T>(step: string, work: () => T): T {
    const started = performance.now();
    try {
      return work();
    } finally {
      this.add(step, performance.now() - started);
    }
  }

  private add(step: string, ms: number): void {
    this.ms[step] = Math.round((this.ms[step] ?? 0) + ms);
  }
}
