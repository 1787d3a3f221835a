import { freeWindows, intersectWindows } from './free-windows';

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

  it('says where the vehicle is after a ride whose stops are known, and where it must be before one, unpadded', () => {
    const home = { lat: 52.2, lon: 6.6 };
    const location = { lat: 52.1, lon: 6.5 };
    expect(freeWindows([[450, 1080]], [[540, 600, { first: home, last: location }]])).toEqual([
      [450, 540, { before: home }],
      [600, 1080, { after: location }],
    ]);
    // Between two such rides: from where the first ended to where the second begins.
    expect(
      freeWindows(
        [[450, 1080]],
        [
          [700, 760, { first: location, last: home }],
          [540, 600, { first: home, last: location }],
        ],
      ),
    ).toEqual([
      [450, 540, { before: home }],
      [600, 700, { after: location, before: location }],
      [760, 1080, { after: home }],
    ]);
  });

  it('keeps the ends of the part that bounds an intersection', () => {
    const here = { lat: 52.1, lon: 6.5 };
    const there = { lat: 52.2, lon: 6.6 };
    expect(intersectWindows([500, 900, { after: here }], [[450, 800, { before: there }]])).toEqual([
      [500, 800, { after: here, before: there }],
    ]);
    expect(intersectWindows([500, 900], [[600, 650]])).toEqual([[600, 650]]);
  });
});
