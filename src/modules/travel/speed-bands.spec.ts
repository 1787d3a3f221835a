import { DEFAULT_TRAVEL_MODEL } from '../../planning/travel/offline-travel';
import { formatSpeedBands, parseSpeedBands } from './speed-bands';

describe('parseSpeedBands', () => {
  it('reads bands up to a distance and the open last band', () => {
    expect(parseSpeedBands('5:25,20:45,*:70')).toEqual([
      { upToKm: 5, kmPerHour: 25 },
      { upToKm: 20, kmPerHour: 45 },
      { upToKm: Infinity, kmPerHour: 70 },
    ]);
  });

  it('allows blanks, decimals and a single open band', () => {
    expect(parseSpeedBands(' 2.5 : 12.5 , * : 60 ')).toEqual([
      { upToKm: 2.5, kmPerHour: 12.5 },
      { upToKm: Infinity, kmPerHour: 60 },
    ]);
    expect(parseSpeedBands('*:50')).toEqual([{ upToKm: Infinity, kmPerHour: 50 }]);
  });

  it('writes the default model in the form it reads', () => {
    expect(formatSpeedBands(DEFAULT_TRAVEL_MODEL.speeds)).toBe('5:25,20:45,*:70');
    expect(parseSpeedBands(formatSpeedBands(DEFAULT_TRAVEL_MODEL.speeds))).toEqual(
      DEFAULT_TRAVEL_MODEL.speeds,
    );
  });

  it.each([
    ['', /"" is not upToKm:kmPerHour/],
    ['5:25,20:45', /last band must be "\*:kmPerHour"/],
    ['*:70,5:25', /only the last band may be "\*"/],
    ['5:25,5:45,*:70', /must grow .* 5 follows 5/],
    ['20:45,5:25,*:70', /must grow .* 5 follows 20/],
    ['0:10,*:70', /above 0/],
    ['five:25,*:70', /"five" in "five:25" is not a number of km/],
    ['5:0,*:70', /"0" in "5:0" is not a speed above 0/],
    ['5:-3,*:70', /"-3" in "5:-3" is not a speed/],
    ['5:25:1,*:70', /"5:25:1" is not upToKm:kmPerHour/],
    ['5,*:70', /"5" is not upToKm:kmPerHour/],
  ])('refuses %j', (text, message) => {
    expect(() => parseSpeedBands(text)).toThrow(message);
  });
});
