export type * from './model/problem';
export type * from './model/solution';
export { RoutingInputError } from './model/errors';
export type { RoutingInputErrorCode } from './model/errors';
export { defaultIterations, solveRouting } from './solve';
export type { SolveOptions } from './solve';
