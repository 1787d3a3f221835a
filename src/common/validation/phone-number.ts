import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** Numbers typed without a country code are Dutch: `06 12345678` is `+31612345678`. */
export const DEFAULT_PHONE_COUNTRY = 'NL';

/**
 * A phone number as E.164 (`+31612345678`), or undefined when it is not a number in use in its country's
 * numbering plan. The full metadata is used on purpose: the small one takes `12345` for a Dutch number.
 * One stored form lets messages reach her and lets a number be found again, however it was typed.
 */
export function toE164(text: string): string | undefined {
  const parsed = parsePhoneNumberFromString(text, DEFAULT_PHONE_COUNTRY);
  // An extension cannot be dialled by an SMS or WhatsApp provider: better refused than silently dropped.
  if (!parsed || !parsed.isValid() || parsed.ext) return undefined;
  return parsed.number;
}
