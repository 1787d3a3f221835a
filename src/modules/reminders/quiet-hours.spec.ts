import { notBefore } from './quiet-hours';

const zone = 'Europe/Amsterdam';
const at = (iso: string) => new Date(iso);

describe('notBefore', () => {
  it.each([
    ['in the evening, before the quiet hours', '2027-01-11T18:30:00+01:00', undefined],
    ['late in the evening', '2027-01-11T22:15:00+01:00', '2027-01-12T06:00:00.000Z'],
    ['in the night, after midnight', '2027-01-12T03:00:00+01:00', '2027-01-12T06:00:00.000Z'],
    ['at the end of the quiet hours', '2027-01-12T07:00:00+01:00', undefined],
  ])('a message written %s', (_, written, expected) => {
    expect(notBefore(at(written), zone, '21:00-07:00')?.toISOString()).toBe(expected);
  });

  it('handles quiet hours within one day', () => {
    expect(notBefore(at('2027-01-11T13:00:00+01:00'), zone, '12:00-14:00')?.toISOString()).toBe(
      '2027-01-11T13:00:00.000Z',
    );
  });
});
