import { getExampleNumber, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import mobileExamples from 'libphonenumber-js/mobile/examples';

/** Numbers typed without a country code are Dutch: `06 12345678` is `+31612345678`. */
export const DEFAULT_PHONE_COUNTRY = 'NL';

/**
 * A phone number as E.164 (`+31612345678`), or undefined when it cannot be a mobile number or a number in use
 * in its country. The full metadata is used on purpose: the small one takes `12345` for a Dutch number.
 * One stored form lets messages reach her and lets a number be found again, however it was typed.
 */
export function toE164(text: string): string | undefined {
  const parsed = parsePhoneNumberFromString(text, DEFAULT_PHONE_COUNTRY);
  // An extension cannot be dialled by an SMS or WhatsApp provider: better refused than silently dropped.
  if (!parsed || parsed.ext) return undefined;
  if (parsed.isValid() || hasMobileShape(parsed.country, parsed.nationalNumber)) return parsed.number;
  return undefined;
}

/**
 * A number shaped like its country's mobile numbers: their length and first digit. Numbering plans grow
 * (the Dutch 06-9 range is not yet allocated, and the region examples use it), and refusing such a number
 * would turn a whole region away at import for a number the provider may well reach; a number too short
 * or too long for a mobile is still refused.
 */
function hasMobileShape(country: string | undefined, nationalNumber: string): boolean {
  const example = country ? getExampleNumber(country as never, mobileExamples) : undefined;
  if (!example) return false;
  return (
    nationalNumber.length === example.nationalNumber.length && nationalNumber[0] === example.nationalNumber[0]
  );
}
