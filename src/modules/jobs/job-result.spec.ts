import { participantsNamed, withoutParticipant } from './job-result';

const HER = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';

describe('job results and participants', () => {
  const result = {
    riders: 3,
    unrouted: [
      { participantId: HER, direction: 'to', reason: 'all vehicles are full' },
      { participantId: OTHER, direction: 'from', reason: 'all vehicles are full' },
    ],
    blocked: { members: [{ participantId: HER, reasons: [{ kind: 'overlap' }] }] },
    lastAsked: HER,
  };

  it('finds every participant named, once each', () => {
    expect(participantsNamed(result).sort()).toEqual([HER, OTHER]);
    expect(participantsNamed({ riders: 2, unrouted: [] })).toEqual([]);
    expect(participantsNamed(null)).toEqual([]);
  });

  it('drops the entries that name her and empties fields that hold her id, leaving the counts', () => {
    expect(withoutParticipant(result, HER)).toEqual({
      riders: 3,
      unrouted: [{ participantId: OTHER, direction: 'from', reason: 'all vehicles are full' }],
      blocked: { members: [] },
      lastAsked: null,
    });
  });

  it('leaves a result that does not name her as it was', () => {
    expect(withoutParticipant(result, '33333333-3333-4333-8333-333333333333')).toEqual(result);
  });
});
