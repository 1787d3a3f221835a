import { DatedOuting, matchDatedOutings, SessionDay } from './dated-outings';

const session = (id: string, groupId: string, date: string, start = 540, end = 720): SessionDay => ({
  id,
  groupId,
  date,
  start,
  end,
});

describe('matchDatedOutings', () => {
  const sessions = [
    session('s1', 'g1', '2027-03-02'),
    session('s2', 'g1', '2027-03-09'),
    session('s3', 'g2', '2027-03-09', 780, 900),
  ];

  it.each<[string, DatedOuting, { sessionId?: string; reason?: string }]>([
    [
      'puts an outing on its group’s session of that date',
      { groupId: 'g1', date: '2027-03-09', places: [{}] },
      { sessionId: 's2' },
    ],
    [
      'lets an outing wait when the group meets elsewhere that day',
      { groupId: 'g2', date: '2027-03-02', places: [{}] },
      { reason: 'the group has no planned session that day' },
    ],
    [
      'lets a tour wait whose times lie outside the session',
      { groupId: 'g2', date: '2027-03-09', places: [{ arrive: '13:00' }, { leave: '15:30' }] },
      { reason: 'places[1].leave: 15:30 is after the session ends' },
    ],
    [
      'accepts a tour within the session',
      {
        groupId: 'g2',
        date: '2027-03-09',
        places: [{ arrive: '13:10', leave: '14:00' }, { arrive: '14:15' }],
      },
      { sessionId: 's3' },
    ],
  ])('%s', (_, outing, expected) => {
    const match = matchDatedOutings([outing], sessions);
    if (expected.sessionId)
      expect(match).toEqual({ applied: [{ outing: 0, sessionId: expected.sessionId }], waiting: [] });
    else expect(match).toEqual({ applied: [], waiting: [{ outing: 0, reason: expected.reason }] });
  });

  it('takes the earlier of two sessions on one day, whatever their order', () => {
    const twice = [
      session('late', 'g1', '2027-03-02', 800, 900),
      session('early', 'g1', '2027-03-02', 540, 600),
    ];
    expect(matchDatedOutings([{ groupId: 'g1', date: '2027-03-02', places: [{}] }], twice).applied).toEqual([
      { outing: 0, sessionId: 'early' },
    ]);
  });

  it('leaves a session made an outing by hand as it is', () => {
    const byHand = [{ ...session('s1', 'g1', '2027-03-02'), handMade: true }];
    expect(matchDatedOutings([{ groupId: 'g1', date: '2027-03-02', places: [{}] }], byHand)).toEqual({
      applied: [],
      waiting: [{ outing: 0, reason: 'that session is an outing made by hand' }],
    });
  });
});
