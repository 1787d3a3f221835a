import { MAX_RETRY_DELAY_MS, retryDelay } from './retry-delay';

describe('retryDelay', () => {
  it.each([
    [1, 30_000, 30_000],
    [2, 30_000, 60_000],
    [3, 30_000, 120_000],
    [5, 30_000, 480_000],
    [1, 0, 0],
    [4, 10, 80],
  ])('waits, after attempt %i with a first delay of %i ms, %i ms', (attempts, first, expected) => {
    expect(retryDelay(attempts, first)).toBe(expected);
  });

  it('grows with every attempt until the cap of an hour', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((attempts) => retryDelay(attempts, 30_000));
    delays.slice(1).forEach((delay, index) => expect(delay).toBeGreaterThanOrEqual(delays[index]));
    expect(delays.at(-1)).toBe(MAX_RETRY_DELAY_MS);
  });

  it('waits at least as long as the provider asks, but never past the cap', () => {
    expect(retryDelay(1, 30_000, 120_000)).toBe(120_000);
    expect(retryDelay(3, 30_000, 5_000)).toBe(120_000);
    expect(retryDelay(1, 30_000, 10 * MAX_RETRY_DELAY_MS)).toBe(MAX_RETRY_DELAY_MS);
  });
});
