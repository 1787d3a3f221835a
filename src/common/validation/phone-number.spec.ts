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
  ])('normalises %s', (_, typed, stored) => {
    expect(toE164(typed)).toBe(stored);
  });

  it.each([
    ['too short', '12345'],
    ['a mobile number one digit short', '0612345'],
    ['a mobile number one digit long', '06123456789'],
    ['a range not in use', '+31696493489'],
    ['text', 'bel haar zus'],
    ['an extension', '0544 123456 ext 3'],
    ['empty', ''],
  ])('refuses %s', (_, typed) => {
    expect(toE164(typed)).toBeUndefined();
  });
});
