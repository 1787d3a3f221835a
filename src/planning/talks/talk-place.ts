import type { TalkPlaceKind } from './model';

/** At home or online a talk has no location; at an office or her group's location it has one. */
export const hasLocation = (place: TalkPlaceKind): boolean => place === 'office' || place === 'location';

/**
 * What is wrong with a talk's place and the location it names, told about `locationId`; undefined when they go
 * together. Only an office or a location takes one, and an office needs one.
 */
export function talkPlaceProblem(place: TalkPlaceKind, locationId: string | undefined): string | undefined {
  if (locationId !== undefined && !hasLocation(place)) return 'only for talks at an office or a location';
  if (place === 'office' && locationId === undefined) return 'an office talk needs one';
  return undefined;
}

/**
 * Where a talk is held: the location given, else for `location` the one of her group (or of her last session);
 * none at home or online.
 */
export function talkLocationId(
  place: TalkPlaceKind,
  locationId: string | undefined,
  hers: string,
): string | undefined {
  if (!hasLocation(place)) return undefined;
  return locationId ?? (place === 'location' ? hers : undefined);
}
