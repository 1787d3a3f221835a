import { lacksCare, REASON_TEXTS, ReasonCode, reasonCode, reasonText } from './reasons';

describe('the reasons the planner gives', () => {
  it('gives each reason one text, and finds its code from it', () => {
    const texts = Object.values(REASON_TEXTS);
    expect(new Set(texts).size).toBe(texts.length);
    for (const code of Object.keys(REASON_TEXTS) as ReasonCode[])
      expect(reasonCode(reasonText(code))).toBe(code);
  });

  it('codes a reason inside another with both codes, inside last', () => {
    expect(reasonText('not-collected', reasonText('lesson'))).toBe('not collected: a lesson at that time');
    expect(reasonCode('not collected: a lesson at that time')).toBe('not-collected/lesson');
    expect(reasonCode(reasonText('mother-cannot-come', reasonText('appointment')))).toBe(
      'mother-cannot-come/appointment',
    );
    const neither = reasonText('no-ride-there-so-none-back', reasonText('vehicles-busy'));
    expect(neither).toBe('no ride there (the vehicles are on other rides then), so none back');
    expect(reasonCode(neither)).toBe('no-ride-there-so-none-back/vehicles-busy');
    expect(reasonCode(reasonText('no-ride-back-so-none-there', undefined))).toBe(
      'no-ride-back-so-none-there',
    );
    expect(
      reasonCode(reasonText('not-collected', reasonText('not-collected', reasonText('no-child-seat')))),
    ).toBe('not-collected/not-collected/no-child-seat');
  });

  it('has no code for a text not on the list, nor for a known wrapping around one', () => {
    expect(reasonCode('the bus broke down')).toBeNull();
    expect(reasonCode('not collected: the bus broke down')).toBeNull();
    expect(reasonCode('not collected: ')).toBeNull();
    expect(reasonCode('')).toBeNull();
  });

  it('tells a child left without care because none was found from one whose mother stays away', () => {
    expect(lacksCare(reasonText('no-place-in-age-band'))).toBe(true);
    expect(lacksCare(reasonText('sibling-without-place'))).toBe(true);
    expect(lacksCare('arranged by phone')).toBe(true);
    expect(lacksCare(reasonText('mother-has-no-ride'))).toBe(false);
    expect(lacksCare(reasonText('mother-cannot-come', reasonText('lesson')))).toBe(false);
  });
});
