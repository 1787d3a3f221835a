/**
 * For `@ValidateIf`: the field may be left out (it keeps its default or its stored value) but not sent as null,
 * as it has no empty value to clear to.
 */
export const isGiven = (_object: object, value: unknown): boolean => value !== undefined;
