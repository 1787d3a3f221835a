import { randomBytes } from 'node:crypto';

/**
 * `tp_cal_` and 43 characters of 32 random bytes (256 bits): recognisable as a feed's key in a leak report,
 * caught by the same log scan as the tokens, impossible to guess.
 */
export const newFeedSecret = (): string => `tp_cal_${randomBytes(32).toString('base64url')}`;
