import { outingTimesProblem } from './outing-times';

describe('outingTimesProblem', () => {
  const start = 9 * 60;
  const end = 12 * 60;
  it.each([
    ['accepts a single place without times', [{}], undefined],
    [
      'accepts a tour in order',
      [
        { arrive: '09:15', leave: '10:15' },
        { arrive: '10:30', leave: '11:45' },
      ],
      undefined,
    ],
    [
      'refuses an arrival before the session starts',
      [{ arrive: '08:30' }],
      'places[0].arrive: 08:30 comes before the session start',
    ],
    [
      'refuses leaving a place before reaching it',
      [{ arrive: '10:00', leave: '09:45' }],
      'places[0].leave: 09:45 comes before places[0].arrive',
    ],
    [
      'refuses places that overlap',
      [{ leave: '10:30' }, { arrive: '10:00' }],
      'places[1].arrive: 10:00 comes before places[0].leave',
    ],
    [
      'refuses leaving after the session ends',
      [{}, { leave: '12:30' }],
      'places[1].leave: 12:30 is after the session ends',
    ],
  ])('%s', (_, places, expected) => {
    expect(outingTimesProblem(places, start, end)).toBe(expected);
  });
});
