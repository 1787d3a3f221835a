import { CountingThrottlerStorage } from './counting-throttler-storage';

const MINUTE = 60_000;

describe('CountingThrottlerStorage', () => {
  let now: number;
  let storage: CountingThrottlerStorage;
  const hit = (key = 'address:192.0.2.1', limit = 3, block = MINUTE) =>
    storage.increment(key, MINUTE, limit, block, 'address');

  beforeEach(() => {
    now = 1_000_000;
    storage = new CountingThrottlerStorage(() => now);
  });

  it('lets the limit through within a minute and blocks the next hit for the block duration', async () => {
    for (let n = 1; n <= 3; n++) expect(await hit()).toMatchObject({ totalHits: n, isBlocked: false });
    expect(await hit()).toMatchObject({ totalHits: 4, isBlocked: true, timeToBlockExpire: 60 });
    now += 30_000;
    expect(await hit()).toMatchObject({ isBlocked: true, timeToBlockExpire: 30 });
    now += 30_001;
    expect(await hit()).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('forgets hits a minute old, part by part, and counts trackers apart', async () => {
    await hit();
    now += 20_000;
    await hit();
    await hit('address:192.0.2.2');
    now += 40_000;
    // The first hit has left the window; the second has not.
    expect(await hit()).toMatchObject({ totalHits: 2, isBlocked: false });
    now += 20_000;
    expect(await hit()).toMatchObject({ totalHits: 2, isBlocked: false });
    expect(await hit('address:192.0.2.2')).toMatchObject({ totalHits: 1 });
  });

  it('without a block duration, refuses only while the window is full', async () => {
    for (let n = 0; n < 3; n++) await hit(undefined, 3, 0);
    expect(await hit(undefined, 3, 0)).toMatchObject({ isBlocked: true });
    now += MINUTE + 1_000;
    expect(await hit(undefined, 3, 0)).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('forgets idle trackers after a minute, so that many addresses cost no memory', async () => {
    for (let a = 0; a < 100; a++) await hit(`address:198.51.100.${a}`);
    expect(storage.size).toBe(100);
    now += 2 * MINUTE;
    await hit('address:203.0.113.1');
    expect(storage.size).toBe(1);
  });
});
