/**
 * A linear program over non-negative variables, as plain data: the planning core states it, and a solver outside
 * the core (which loads its engine) solves it. Variables are named by the caller; a term is a variable and its
 * coefficient.
 */
export interface LinearProgram {
  /** Maximised. */
  objective: [variable: string, coefficient: number][];
  constraints: { terms: [variable: string, coefficient: number][]; atMost: number }[];
}

/** The optimum's value, or undefined when the solver proved none (then no bound may be claimed from it). */
export type SolveLinearProgram = (program: LinearProgram) => number | undefined;
