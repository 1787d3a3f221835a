import {
  lessonKey,
  parseCalendarDate,
  parseTimeOfDay,
  parseWeekday,
  ParticipantDirectory,
  planLessonChanges,
} from './timetable';

describe('timetable values', () => {
  it.each([
    ['1', 1],
    ['7', 7],
    ['ma', 1],
    ['Di.', 2],
    ['woensdag', 3],
    ['DONDERDAG', 4],
    ['vr', 5],
    ['Saturday', 6],
    ['sun', 7],
  ])('reads the weekday %s as %i', (text, weekday) => {
    expect(parseWeekday(text)).toBe(weekday);
  });

  it.each(['0', '8', 'maa', '', 'weekend'])('refuses %p as a weekday', (text) => {
    expect(parseWeekday(text)).toBeUndefined();
  });

  it('reads times as HH:MM, also with one hour digit or the Dutch dot', () => {
    expect(['9:00', '09:00', '9.30', '23:59'].map(parseTimeOfDay)).toEqual([
      '09:00',
      '09:00',
      '09:30',
      '23:59',
    ]);
    expect(['24:00', '9', '09:60', '9:5'].map(parseTimeOfDay)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('reads dates as YYYY-MM-DD or DD-MM-YYYY, and tells a wrong form from a date that does not exist', () => {
    expect(parseCalendarDate('2027-01-04')).toEqual({ date: '2027-01-04' });
    expect(parseCalendarDate('4-1-2027')).toEqual({ date: '2027-01-04' });
    expect(parseCalendarDate('29-02-2028')).toEqual({ date: '2028-02-29' });
    expect(parseCalendarDate('29-02-2027')).toEqual({ error: 'missing' });
    expect(parseCalendarDate('2027/01/04')).toEqual({ error: 'format' });
  });

  it('finds participants by ref and by e-mail address whatever its case', () => {
    const directory = new ParticipantDirectory([
      { id: 'a', ref: 'p1', email: 'Selam@Example.nl' },
      { id: 'b', ref: null, email: 'selam@example.nl' },
    ]);
    expect(directory.byRef('p1')).toBe('a');
    expect(directory.byRef('P1')).toBeUndefined();
    expect(directory.byEmail(' SELAM@example.NL ')).toEqual(['a', 'b']);
  });
});

describe('planLessonChanges', () => {
  const lesson = {
    participantId: 'p',
    providerId: 'x',
    weekday: 1,
    from: '09:00',
    to: '11:30',
    position: { lat: 52.1, lon: 6.5 },
    validFrom: '2027-01-04',
    validTo: '2027-07-09',
    exceptDates: ['2027-04-26'],
  };

  it('keeps equal series, counts new ones and names the ones that go, one to one', () => {
    const stored = [
      { ...lesson, id: 'same' },
      { ...lesson, id: 'twin' },
      { ...lesson, weekday: 2, id: 'gone' },
    ];
    const plan = planLessonChanges(stored, [lesson, { ...lesson, weekday: 3 }]);
    expect(plan.added).toEqual([{ ...lesson, weekday: 3 }]);
    expect(plan.unchanged).toBe(1);
    // One of the two equal stored series stays, the other goes.
    const deleted = plan.deleted.map((row) => row.id);
    expect(deleted).toHaveLength(2);
    expect(deleted).toContain('gone');
    expect(deleted.filter((id) => id === 'same' || id === 'twin')).toHaveLength(1);
  });

  it('sees a stored date column read back as a Date at local midnight as the same date', () => {
    expect(lessonKey({ ...lesson, exceptDates: [new Date(2027, 3, 26)] })).toBe(lessonKey(lesson));
    expect(lessonKey({ ...lesson, exceptDates: [] })).not.toBe(lessonKey(lesson));
  });
});
