import { prefersAsync } from './respond-async';

describe('prefersAsync', () => {
  it.each([
    ['respond-async', true],
    ['Respond-Async', true],
    ['wait=10, respond-async', true],
    ['respond-async; wait=5', true],
    ['return=minimal', false],
    ['respond-asynchronously', false],
    ['', false],
    [undefined, false],
  ])('reads Prefer: %p as %p', (prefer, expected) => {
    expect(prefersAsync(prefer)).toBe(expected);
  });
});
