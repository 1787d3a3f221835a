import { freeWindows } from './free-windows';

describe('freeWindows', () => {
  it('cuts a vehicle’s other rides, with the time to reach them, out of its availability', () => {
    expect(freeWindows([[450, 1080]], [[540, 600]])).toEqual([
      [450, 525],
      [615, 1080],
    ]);
  });

  it('drops parts too short to use, and keeps windows that no ride touches', () => {
    expect(
      freeWindows(
        [
          [480, 720],
          [780, 1020],
        ],
        [[470, 700]],
      ),
    ).toEqual([[780, 1020]]);
  });
});
