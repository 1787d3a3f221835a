import type { TalkPlaceKind } from './model';
import { talkLocationId, talkPlaceProblem } from './talk-place';

describe('talkPlaceProblem', () => {
  it.each<[TalkPlaceKind, string | undefined, string | undefined]>([
    ['home', undefined, undefined],
    ['online', undefined, undefined],
    ['location', undefined, undefined],
    ['location', 'loc-2', undefined],
    ['office', 'loc-2', undefined],
    ['office', undefined, 'an office talk needs one'],
    ['home', 'loc-2', 'only for talks at an office or a location'],
    ['online', 'loc-2', 'only for talks at an office or a location'],
  ])('%s with location %s: %s', (place, locationId, problem) => {
    expect(talkPlaceProblem(place, locationId)).toBe(problem);
  });
});

describe('talkLocationId', () => {
  it.each<[TalkPlaceKind, string | undefined, string | undefined]>([
    ['home', undefined, undefined],
    ['online', undefined, undefined],
    ['office', 'office-1', 'office-1'],
    ['location', undefined, 'group-loc'],
    ['location', 'loc-2', 'loc-2'],
  ])('%s with location %s is held at %s', (place, locationId, held) => {
    expect(talkLocationId(place, locationId, 'group-loc')).toBe(held);
  });
});
