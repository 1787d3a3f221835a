import { INSTANCE } from './instance';
import { TimedWork } from './timed-work';

const nothing = async () => undefined;

describe('TimedWork', () => {
  it('keeps the work switched on for the schedule, in Amsterdam unless told, and the work switched off apart', () => {
    const timed = new TimedWork();
    timed.every('trefpunt-reminders', '*/5 * * * *', nothing);
    timed.every('trefpunt-travel-cache-cleanup', '30 3 * * *', nothing, { tz: 'UTC' });
    timed.every('trefpunt-other', '0 * * * *', nothing, { enabled: false });
    expect(timed.enabled.map(({ queue, cron, tz }) => ({ queue, cron, tz }))).toEqual([
      { queue: 'trefpunt-reminders', cron: '*/5 * * * *', tz: 'Europe/Amsterdam' },
      { queue: 'trefpunt-travel-cache-cleanup', cron: '30 3 * * *', tz: 'UTC' },
    ]);
    expect(timed.disabled).toEqual(['trefpunt-other']);
  });

  it.each([
    ['a cron with seconds, which pg-boss would not keep to', '*/5 * * * * *'],
    ['too few fields', '*/5 * * *'],
    ['words', 'every five minutes'],
    ['a minute out of range', '99 * * * *'],
  ])('refuses %s', (_, cron) => {
    expect(() => new TimedWork().every('trefpunt-reminders', cron, nothing)).toThrow(/trefpunt-reminders/);
  });

  it('refuses a queue registered twice, switched on or off: pg-boss keeps one schedule per queue', () => {
    const timed = new TimedWork();
    timed.every('trefpunt-reminders', '*/5 * * * *', nothing, { enabled: false });
    expect(() => timed.every('trefpunt-reminders', '*/5 * * * *', nothing)).toThrow(/twice/);
  });

  it('answers what the work answered with the instance that ran it, and lets a failure through', async () => {
    const timed = new TimedWork();
    timed.every('ok', '* * * * *', async () => ({ deleted: 3 }));
    timed.every('empty', '* * * * *', nothing);
    timed.every('broken', '* * * * *', () => Promise.reject(new Error('database gone')));
    const [ok, empty, broken] = timed.enabled;
    expect(await timed.run(ok)).toEqual({ deleted: 3, instance: INSTANCE });
    expect(await timed.run(empty)).toEqual({ instance: INSTANCE });
    await expect(timed.run(broken)).rejects.toThrow('database gone');
  });
});
