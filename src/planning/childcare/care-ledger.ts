/** How many children a band holds at once, at most, with one more over [from, to). */
export function peakWith(intervals: [number, number][], from: number, to: number): number {
  const points = [...intervals, [from, to] as [number, number]]
    .filter(([a, b]) => a < to && from < b)
    .flatMap(([a, b]) => [
      [a, 1],
      [b, -1],
    ])
    .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  let current = 0;
  let peak = 0;
  for (const [, step] of points) peak = Math.max(peak, (current += step));
  return peak;
}

/**
 * The places taken per provider, age band and date, over all sessions planned so far: a child holds a place
 * from `from` to `to`, and a band never holds more children at once than its capacity.
 */
export class CareLedger {
  private readonly held = new Map<string, [number, number][]>();

  private key(providerId: string, band: number, date: string) {
    return `${providerId}|${band}|${date}`;
  }

  fits(providerId: string, band: number, date: string, from: number, to: number, capacity: number): boolean {
    return peakWith(this.held.get(this.key(providerId, band, date)) ?? [], from, to) <= capacity;
  }

  hold(providerId: string, band: number, date: string, from: number, to: number): void {
    const key = this.key(providerId, band, date);
    const list = this.held.get(key);
    if (list) list.push([from, to]);
    else this.held.set(key, [[from, to]]);
  }

  release(providerId: string, band: number, date: string, from: number, to: number): void {
    const list = this.held.get(this.key(providerId, band, date)) ?? [];
    const index = list.findIndex(([a, b]) => a === from && b === to);
    if (index >= 0) list.splice(index, 1);
  }
}
