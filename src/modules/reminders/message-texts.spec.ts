import { dayInWords, MessageTexts, TEMPLATE_LANGUAGES } from './message-texts';

describe('MessageTexts', () => {
  const texts = new MessageTexts();
  const values = { day: 'x', time: '09:30', place: 'Buurthuis', address: 'Dorpsstraat 1' };

  it.each(TEMPLATE_LANGUAGES)('has every template in %s, with all the values in it', (language) => {
    const { text } = texts.write(language, [
      { key: 'reminder.evening', values },
      { key: 'pickup', values: { vehicle: 'Naoberbus', pickupTime: '08:40' } },
      { key: 'absence', values: { link: 'https://t.example/r/abc' } },
    ]);
    for (const value of [
      '09:30',
      'Buurthuis',
      'Dorpsstraat 1',
      'Naoberbus',
      '08:40',
      'https://t.example/r/abc',
    ]) {
      expect(text).toContain(value);
    }
    expect(text).not.toMatch(/\{\{|reminder\.evening/);
  });

  it('writes Dutch and English together for a language without templates', () => {
    const message = texts.write('fa', [{ key: 'reminder.morning', values }]);
    expect(message.language).toBe('nl+en');
    expect(message.text).toBe(
      'Vandaag om 09:30 uur: Trefpunt-bijeenkomst in Buurthuis, Dorpsstraat 1.\n\n' +
        'Today at 09:30: Trefpunt meeting at Buurthuis, Dorpsstraat 1.',
    );
  });

  it('writes the day in her language', () => {
    const monday = new Date('2027-01-11T09:30:00+01:00');
    expect(dayInWords(monday, 'Europe/Amsterdam', 'nl')).toBe('maandag 11 januari');
    expect(dayInWords(monday, 'Europe/Amsterdam', 'tr')).toBe('Pazartesi 11 Ocak');
  });
});
