import { toE164 } from './phone-number';

describe('toE164', () => {
  it.each([
    ['international with spaces', '+31 6 11112222', '+31611112222'],
    ['already E.164', '+31611112222', '+31611112222'],
    ['national mobile with a dash', '06-11112222', '+31611112222'],
    ['national with the (0) habit', '+31 (0)6 1111 2222', '+31611112222'],
    ['00 instead of +', '0031611112222', '+31611112222'],
    ['a Dutch landline', '0544 123456', '+31544123456'],
    ['a Belgian mobile', '+32 470 12 34 56', '+32470123456'],
    // Not yet allocated, but shaped as a Dutch mobile: the region examples use this range.
    ['a mobile-shaped number in a range not yet in use', '+31 6 9649 3489', '+31696493489'],
  ])('normalises %s', (_, typed, stored) => {
    expect(toE164(typed)).toBe(stored);
  });

  it.each([
    ['too short', '12345'],
    ['a mobile number one digit short', '0612345'],
    ['a mobile number one digit long', '06123456789'],
    ['a landline range not in use, shaped as no mobile', '+31 99 1234567'],
    ['a Belgian number too short for a mobile', '+32 470 12 34'],
    ['text', 'bel haar zus'],
    ['an extension', '0544 123456 ext 3'],
    ['empty', ''],
  ])('refuses %s', (_, typed) => {
    expect(toE164(typed)).toBeUndefined();
  });
});
