import { peakWith } from '../childcare/allocate';

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
