import { Compiled, DELIVERY, EPS, PICKUP, earliestStart, windowEndAt } from '../model/compiled';

/**
 * Times for one route, in the style of Cordeau and Laporte's eight steps: the earliest schedule first, then
 * the departure is delayed by the forward time slack (shorter route duration), then each pickup with a ride
 * limit is delayed as far as its slack and the waiting after it allow (shorter rides). Positions are 0 for the
 * vehicle's start, 1..n for the nodes and n + 1 for its end; `start[0]` is the departure.
 */
export class Scheduler {
  arrival = new Float64Array(0);
  start = new Float64Array(0);
  wait = new Float64Array(0);
  departure = new Float64Array(0);
  private location = new Int32Array(0);
  private readonly position: Int32Array;
  private readonly stamp: Int32Array;
  private run = 0;
  /** Set by `slack(i)`: the waiting at positions after i, before the end. */
  private waitsAfter = 0;

  constructor(private readonly c: Compiled) {
    this.position = new Int32Array(c.nodeCount);
    this.stamp = new Int32Array(c.nodeCount);
  }

  private ensure(size: number) {
    if (this.start.length >= size) return;
    const grown = Math.max(size, this.start.length * 2, 16);
    this.arrival = new Float64Array(grown);
    this.start = new Float64Array(grown);
    this.wait = new Float64Array(grown);
    this.departure = new Float64Array(grown);
    this.location = new Int32Array(grown);
  }

  /** Schedules `nodes[0..length)` on vehicle `v`; false when windows, ride limits or the duration are broken. */
  schedule(v: number, nodes: ArrayLike<number>, length: number): boolean {
    const c = this.c;
    const last = length + 1;
    this.ensure(last + 1);
    this.run++;
    const location = this.location;
    location[0] = c.vehicleStart[v];
    location[last] = c.vehicleEnd[v];
    let rideLimits = false;
    for (let k = 1; k <= length; k++) {
      const node = nodes[k - 1];
      location[k] = c.nodeLocation[node];
      this.position[node] = k;
      this.stamp[node] = this.run;
      if (c.nodeType[node] === DELIVERY) {
        // The pickup must be on this route, earlier.
        if (this.stamp[node - 1] !== this.run) return false;
        if (Number.isFinite(c.jobMaxRide[c.nodeJob[node]])) rideLimits = true;
      } else if (c.nodeType[node] === PICKUP && this.stamp[node + 1] === this.run) return false;
    }
    if (!this.forward(v, nodes, length, 0, c.vehicleEarliest[v])) return false;

    // Leave later when every stop allows it: the same route in less time.
    const shift = Math.min(this.slack(v, nodes, length, 0), this.waitsAfter);
    if (shift > EPS) this.forward(v, nodes, length, 0, this.departure[0] + shift);

    if (rideLimits) {
      for (let k = 1; k <= length; k++) {
        const node = nodes[k - 1];
        if (c.nodeType[node] !== PICKUP || !Number.isFinite(c.jobMaxRide[c.nodeJob[node]])) continue;
        const delay = Math.min(this.slack(v, nodes, length, k), this.waitsAfter);
        if (delay <= EPS) continue;
        this.wait[k] += delay;
        this.start[k] += delay;
        this.departure[k] = this.start[k] + c.nodeService[node];
        if (!this.forward(v, nodes, length, k, this.departure[0])) return false;
      }
      for (let k = 1; k <= length; k++) {
        const node = nodes[k - 1];
        if (c.nodeType[node] !== DELIVERY) continue;
        const ride = this.start[k] - this.departure[this.position[node - 1]];
        if (ride > c.jobMaxRide[c.nodeJob[node]] + EPS) return false;
      }
    }
    return this.start[last] - this.departure[0] <= c.vehicleMaxDuration[v] + EPS;
  }

  /** Recomputes the earliest times after position `from` (from scratch with departure `leave` when 0). */
  private forward(v: number, nodes: ArrayLike<number>, length: number, from: number, leave: number): boolean {
    const c = this.c;
    const L = c.locationCount;
    const last = length + 1;
    if (from === 0) {
      if (leave > c.vehicleLatest[v] + EPS) return false;
      this.arrival[0] = this.start[0] = this.departure[0] = leave;
      this.wait[0] = 0;
    }
    for (let k = from + 1; k <= last; k++) {
      const arrival = this.departure[k - 1] + c.duration[this.location[k - 1] * L + this.location[k]];
      let start = arrival;
      let service = 0;
      if (k === last) {
        if (arrival > c.vehicleLatest[v] + EPS) return false;
      } else {
        const node = nodes[k - 1];
        start = earliestStart(c, node, arrival);
        if (start === Infinity) return false;
        service = c.nodeService[node];
      }
      this.arrival[k] = arrival;
      this.start[k] = start;
      this.wait[k] = start - arrival;
      this.departure[k] = start + service;
    }
    return true;
  }

  /**
   * Forward time slack at position i: how much later service at i can start without breaking a window after
   * it or the ride limit of anyone already on board at i.
   */
  private slack(v: number, nodes: ArrayLike<number>, length: number, i: number): number {
    const c = this.c;
    const last = length + 1;
    let best = Infinity;
    let waits = 0;
    for (let j = i; j <= last; j++) {
      if (j > i) waits += this.wait[j];
      let room: number;
      if (j === 0 || j === last) room = c.vehicleLatest[v] - this.start[j];
      else {
        const node = nodes[j - 1];
        room = windowEndAt(c, node, this.start[j]) - this.start[j];
        if (c.nodeType[node] === DELIVERY && this.position[node - 1] < i) {
          const maxRide = c.jobMaxRide[c.nodeJob[node]];
          if (Number.isFinite(maxRide)) {
            const ride = this.start[j] - this.departure[this.position[node - 1]];
            room = Math.min(room, maxRide - ride);
          }
        }
      }
      const total = waits + Math.max(0, room);
      if (total < best) best = total;
    }
    this.waitsAfter = waits - this.wait[last];
    return best;
  }
}
