import { overlappingBand } from './age-bands';

const band = (minAgeMonths: number, maxAgeMonths: number) => ({ minAgeMonths, maxAgeMonths });

describe('overlappingBand', () => {
  it.each([
    ['no bands', [], undefined],
    ['one band', [band(0, 47)], undefined],
    ['adjacent bands', [band(0, 23), band(24, 47)], undefined],
    ['adjacent bands out of order', [band(24, 47), band(0, 23)], undefined],
    ['a shared month', [band(0, 24), band(24, 47)], { index: 1, other: 0 }],
    ['one band inside another', [band(0, 47), band(12, 23)], { index: 1, other: 0 }],
    ['the same band twice', [band(0, 47), band(48, 71), band(0, 47)], { index: 2, other: 0 }],
    ['an overlap with the second', [band(0, 11), band(12, 35), band(30, 47)], { index: 2, other: 1 }],
  ])('%s', (_, bands, expected) => {
    expect(overlappingBand(bands)).toEqual(expected);
  });
});
