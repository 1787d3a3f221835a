import { ThrottlerStorage } from '@nestjs/throttler';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** The window is counted in this many parts: a hit leaves the count within one part's length of its time. */
const PARTS = 60;

interface Counter {
  /** Hits per part of the window, as a ring; `part` is the index (time / part length) of the newest. */
  hits: number[];
  part: number;
  total: number;
  partMs: number;
  blockedUntil: number;
  lastHit: number;
}

/**
 * The rate limiter's counts, in constant time per request: per tracker and limit, the hits of each sixtieth of
 * the window (a second of a minute) in a ring. The library's own storage keeps a timestamp per hit and scans
 * them all on every request, which costs the more the higher a limit is set: at 500 requests a second from one
 * address, 30 000 timestamps read on each request. A hit counts for the window give or take one part.
 * One instance counts its own requests, as the library's storage does.
 */
export class CountingThrottlerStorage implements ThrottlerStorage {
  private readonly counters = new Map<string, Counter>();
  private lastSweep = 0;

  constructor(private readonly now: () => number = Date.now) {}

  increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const now = this.now();
    this.sweep(now, ttl);
    const id = `${throttlerName}\u0000${key}`;
    let counter = this.counters.get(id);
    if (!counter) {
      const partMs = Math.max(1, Math.ceil(ttl / PARTS));
      counter = {
        hits: new Array<number>(PARTS).fill(0),
        part: Math.floor(now / partMs),
        total: 0,
        partMs,
        blockedUntil: 0,
        lastHit: now,
      };
      this.counters.set(id, counter);
    }
    const timeToExpire = Math.ceil(ttl / 1000);
    if (counter.blockedUntil > now) {
      return Promise.resolve({
        totalHits: counter.total + 1,
        timeToExpire,
        isBlocked: true,
        timeToBlockExpire: Math.ceil((counter.blockedUntil - now) / 1000),
      });
    }
    if (counter.blockedUntil > 0) {
      // A block that ended starts the count again, as the library's storage does.
      counter.hits.fill(0);
      counter.total = 0;
      counter.blockedUntil = 0;
    }
    advance(counter, now);
    if (blockDuration <= 0 && counter.total >= limit)
      return Promise.resolve({
        totalHits: counter.total + 1,
        timeToExpire,
        isBlocked: true,
        timeToBlockExpire: 1,
      });
    counter.hits[counter.part % PARTS]++;
    counter.total++;
    counter.lastHit = now;
    if (counter.total > limit && blockDuration > 0) counter.blockedUntil = now + blockDuration;
    const isBlocked = counter.blockedUntil > now;
    return Promise.resolve({
      totalHits: counter.total,
      timeToExpire,
      isBlocked,
      timeToBlockExpire: isBlocked ? Math.ceil(blockDuration / 1000) : 0,
    });
  }

  /** How many trackers are counted now: idle ones are forgotten, so that many addresses cost no memory. */
  get size(): number {
    return this.counters.size;
  }

  /** Once a window, forgets the counters with no hit within it that are not blocked. */
  private sweep(now: number, ttl: number): void {
    if (now - this.lastSweep < ttl) return;
    this.lastSweep = now;
    for (const [id, counter] of this.counters)
      if (counter.blockedUntil <= now && now - counter.lastHit >= counter.partMs * PARTS)
        this.counters.delete(id);
  }
}

/** Moves the ring to the part of `now`, emptying the parts that left the window. */
function advance(counter: Counter, now: number): void {
  const part = Math.floor(now / counter.partMs);
  const passed = part - counter.part;
  if (passed <= 0) return;
  if (passed >= PARTS) {
    counter.hits.fill(0);
    counter.total = 0;
  } else {
    for (let step = 1; step <= passed; step++) {
      const index = (counter.part + step) % PARTS;
      counter.total -= counter.hits[index];
      counter.hits[index] = 0;
    }
  }
  counter.part = part;
}
