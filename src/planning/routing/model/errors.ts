export type RoutingInputErrorCode =
  | 'matrix-shape'
  | 'location-out-of-range'
  | 'demand-dimensions'
  | 'duplicate-id'
  | 'unknown-vehicle'
  | 'bad-window'
  | 'bad-vehicle';

/** A problem the solver cannot read; the code says which rule it breaks, the message where. */
export class RoutingInputError extends Error {
  constructor(
    readonly code: RoutingInputErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RoutingInputError';
  }
}
