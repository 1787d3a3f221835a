import { layOutSeries } from './series';

const never = () => false;
const closedOn =
  (...dates: string[]) =>
  (date: string) =>
    dates.includes(date);
const datesOf = (series: { date: string }[]) => series.map((d) => d.date);

describe('layOutSeries with phases', () => {
  const weeklyThenFortnightly = {
    startDate: '2027-01-12',
    sessionsPerGroup: 0,
    intervalWeeks: 1,
    phases: [
      { sessions: 3, sessionsPerWeek: 1, intervalWeeks: 1, durationMinutes: 180 },
      { sessions: 3, sessionsPerWeek: 1, intervalWeeks: 2, durationMinutes: 120 },
    ],
  };

  it('meets weekly, then fortnightly counted from the last weekly session, on the same weekday', () => {
    const series = layOutSeries([2], weeklyThenFortnightly, never);
    expect(series.map(({ date, phase }) => [date, phase])).toEqual([
      ['2027-01-12', 0],
      ['2027-01-19', 0],
      ['2027-01-26', 0],
      ['2027-02-09', 1],
      ['2027-02-23', 1],
      ['2027-03-09', 1],
    ]);
  });

  it('uses only the first weekly times in a phase with fewer sessions a week', () => {
    const series = layOutSeries(
      [4, 1],
      {
        startDate: '2027-01-11',
        sessionsPerGroup: 0,
        intervalWeeks: 1,
        phases: [
          { sessions: 4, sessionsPerWeek: 2, intervalWeeks: 1, durationMinutes: 120 },
          { sessions: 2, sessionsPerWeek: 1, intervalWeeks: 1, durationMinutes: 120 },
        ],
      },
      never,
    );
    expect(series.map(({ date, slotIndex, phase }) => [date, slotIndex, phase])).toEqual([
      ['2027-01-11', 1, 0],
      ['2027-01-14', 0, 0],
      ['2027-01-18', 1, 0],
      ['2027-01-21', 0, 0],
      ['2027-01-28', 0, 1],
      ['2027-02-04', 0, 1],
    ]);
  });

  it('runs a phase with an end date until that date, the next one after it', () => {
    const series = layOutSeries(
      [3],
      {
        startDate: '2027-01-13',
        sessionsPerGroup: 0,
        intervalWeeks: 1,
        phases: [
          { endDate: '2027-02-01', sessionsPerWeek: 1, intervalWeeks: 1, durationMinutes: 120 },
          { sessions: 2, sessionsPerWeek: 1, intervalWeeks: 1, durationMinutes: 90 },
        ],
      },
      closedOn('2027-01-20'),
    );
    expect(series.map(({ date, phase }) => [date, phase])).toEqual([
      ['2027-01-13', 0],
      ['2027-01-27', 0],
      ['2027-02-03', 1],
      ['2027-02-10', 1],
    ]);
  });

  it('lays out a programme without phases as one phase of its fields', () => {
    const series = layOutSeries(
      [1],
      { startDate: '2027-01-11', sessionsPerGroup: 3, intervalWeeks: 1 },
      closedOn('2027-01-18'),
    );
    expect(datesOf(series)).toEqual(['2027-01-11', '2027-01-25', '2027-02-01']);
  });
});

describe('a holiday in a fortnightly rhythm', () => {
  const fortnightly = { startDate: '2027-04-06', sessionsPerGroup: 4, intervalWeeks: 2 };

  it('moves the session to the next week and keeps the weeks of the rhythm', () => {
    // Tuesday 27 April 2027 is King's Day.
    const series = layOutSeries([2], fortnightly, closedOn('2027-04-20'));
    expect(datesOf(series)).toEqual(['2027-04-06', '2027-04-27', '2027-05-04', '2027-05-18']);
  });

  it('loses the session only when the next week is closed too, and makes it up at the end', () => {
    const series = layOutSeries([2], fortnightly, closedOn('2027-04-20', '2027-04-27'));
    expect(datesOf(series)).toEqual(['2027-04-06', '2027-05-04', '2027-05-18', '2027-06-01']);
  });

  it('moves each of two weekly times on its own', () => {
    const series = layOutSeries(
      [2, 4],
      { startDate: '2027-04-05', sessionsPerGroup: 4, intervalWeeks: 2 },
      closedOn('2027-04-08'),
    );
    expect(series.map(({ date, slotIndex }) => [date, slotIndex])).toEqual([
      ['2027-04-06', 0],
      ['2027-04-15', 1],
      ['2027-04-20', 0],
      ['2027-04-22', 1],
    ]);
  });

  it('keeps a weekly rhythm as it was: the lost week is made up at the end', () => {
    const series = layOutSeries(
      [2],
      { startDate: '2027-04-06', sessionsPerGroup: 3, intervalWeeks: 1 },
      closedOn('2027-04-13'),
    );
    expect(datesOf(series)).toEqual(['2027-04-06', '2027-04-20', '2027-04-27']);
  });
});
