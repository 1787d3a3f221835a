/**
 * When to stop: after a number of iterations (deterministic), or when the wall-clock cap is hit. The cap is
 * a safety net; a run that hits it can differ from another with the same seed, one that does not cannot.
 * The clock comes in as an argument so that the core stays free of I/O.
 */
export class Budget {
  used = 0;
  timedOut = false;
  private readonly deadline: number;

  constructor(
    readonly iterations: number,
    private readonly clock?: () => number,
    timeLimitMs = Infinity,
  ) {
    this.deadline = clock && Number.isFinite(timeLimitMs) ? clock() + timeLimitMs : Infinity;
  }

  /** Counts one iteration if the budget allows it, up to `limit` iterations (a phase's share). */
  next(limit = this.iterations): boolean {
    if (this.used >= Math.min(limit, this.iterations)) return false;
    if (this.clock && this.deadline !== Infinity && this.clock() >= this.deadline) {
      this.timedOut = true;
      return false;
    }
    this.used++;
    return true;
  }
}
