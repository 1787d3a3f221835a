import { createHash, randomBytes } from 'node:crypto';

/** `tp_` and 43 characters of 32 random bytes: recognisable in a leak report, impossible to guess. */
export const newTokenValue = (): string => `tp_${randomBytes(32).toString('base64url')}`;

export const hashToken = (value: string): string => createHash('sha256').update(value).digest('hex');
