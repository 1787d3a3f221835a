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

  it('isolates an Arabic name inside a Dutch text, and nothing else there (the SMS alphabet)', () => {
    const message = texts.write('nl', [{ key: 'reminder.morning', values: { ...values, place: 'مركز' } }]);
    expect(message.text).toBe(
      'Vandaag om 09:30 uur: Trefpunt-bijeenkomst in \u2068مركز\u2069, Dorpsstraat 1.',
    );
  });

  it('isolates every value but the link in an Arabic reminder, so that its punctuation stays in place', () => {
    const { text } = texts.write('ar', [
      { key: 'reminder.evening', values: { ...values, day: 'الاثنين 11 يناير' } },
      { key: 'pickup', values: { vehicle: 'Naoberbus', pickupTime: '08:40' } },
      { key: 'absence', values: { link: 'https://t.example/r/abc' } },
    ]);
    expect(text).toBe(
      'غدًا، \u2068الاثنين 11 يناير\u2069، الساعة \u206809:30\u2069: ' +
        'لقاء Trefpunt في \u2068Buurthuis\u2069، \u2068Dorpsstraat 1\u2069. ' +
        'سيأخذك \u2068Naoberbus\u2069 الساعة \u206808:40\u2069. ' +
        'لا تستطيعين الحضور؟ أخبرينا هنا: https://t.example/r/abc',
    );
  });

  it('writes a subject in the languages of the body: her own, or Dutch and English, never a third', () => {
    const monday = new Date('2027-01-11T09:30:00+01:00');
    const day = (language: string) => dayInWords(monday, 'Europe/Amsterdam', language);
    expect(texts.line('fa', 'subject', { day })).toBe(
      'Trefpunt: maandag 11 januari / Trefpunt: Monday 11 January',
    );
    expect(texts.line('ar', 'subject', { day })).toBe('Trefpunt: \u2068الاثنين 11 يناير\u2069');
  });

  // Monday 11 January 2027 is 21 Jadi (Dey in Iran) 1405 in the Solar Hijri calendar.
  it.each([
    ['nl', 'maandag 11 januari'],
    ['tr', 'Pazartesi 11 Ocak'],
    ['ar', 'الاثنين 11 يناير'],
    ['prs', 'دوشنبه ۲۱ جدی'],
    ['fa', 'دوشنبه ۲۱ دی'],
  ])('writes the day in her language and her calendar (%s)', (language, words) => {
    const monday = new Date('2027-01-11T09:30:00+01:00');
    expect(dayInWords(monday, 'Europe/Amsterdam', language)).toBe(words);
  });
});
