import fc from 'fast-check';
import { lessonMoves, MemberSessionCause } from './lesson-moves';

const cause = (participantId: string, sessionId: string, lessonId: string | null): MemberSessionCause => ({
  participantId,
  sessionId,
  lessonId,
});

describe('lessonMoves', () => {
  it('counts the member-sessions whose only cause is the lesson, best first', () => {
    const moves = lessonMoves([
      cause('amina', 's1', 'amina-mon'),
      cause('amina', 's2', 'amina-mon'),
      cause('amina', 's3', 'amina-mon'),
      cause('fatma', 's1', 'fatma-mon'),
      cause('fatma', 's2', 'fatma-mon'),
    ]);
    expect(moves).toEqual([
      { lessonId: 'amina-mon', participantId: 'amina', attendable: 3, conflicting: 3 },
      { lessonId: 'fatma-mon', participantId: 'fatma', attendable: 2, conflicting: 2 },
    ]);
  });

  it('does not count a session that an appointment also keeps her from', () => {
    const moves = lessonMoves([
      cause('amina', 's1', 'amina-mon'),
      cause('amina', 's2', 'amina-mon'),
      cause('amina', 's2', null),
    ]);
    expect(moves).toEqual([{ lessonId: 'amina-mon', participantId: 'amina', attendable: 1, conflicting: 2 }]);
  });

  it('does not count a session that a lesson elsewhere also keeps her from, and never proposes moving that one', () => {
    const atOtherProvider = new Set(['amina-elsewhere']);
    const moves = lessonMoves(
      [
        cause('amina', 's1', 'amina-mon'),
        cause('amina', 's1', 'amina-elsewhere'),
        cause('amina', 's2', 'amina-mon'),
        cause('amina', 's3', 'amina-elsewhere'),
      ],
      (lessonId) => !atOtherProvider.has(lessonId),
    );
    expect(moves).toEqual([{ lessonId: 'amina-mon', participantId: 'amina', attendable: 1, conflicting: 2 }]);
  });

  it('keeps a lesson that frees nothing alone at the end, with what it is in the way of', () => {
    const moves = lessonMoves([
      cause('amina', 's1', 'amina-early'),
      cause('amina', 's1', 'amina-late'),
      cause('fatma', 's1', 'fatma-mon'),
    ]);
    expect(moves.map((move) => [move.lessonId, move.attendable, move.conflicting])).toEqual([
      ['fatma-mon', 1, 1],
      ['amina-early', 0, 1],
      ['amina-late', 0, 1],
    ]);
  });

  it('breaks ties by the sessions in the way, then by lesson id', () => {
    const moves = lessonMoves([
      cause('b', 's1', 'b-lesson'),
      cause('a', 's1', 'a-lesson'),
      cause('c', 's1', 'c-lesson'),
      cause('c', 's2', 'c-lesson'),
      cause('c', 's2', null),
    ]);
    expect(moves.map((move) => move.lessonId)).toEqual(['c-lesson', 'a-lesson', 'b-lesson']);
  });

  it('counts a cause given twice once', () => {
    const moves = lessonMoves([cause('amina', 's1', 'amina-mon'), cause('amina', 's1', 'amina-mon')]);
    expect(moves).toEqual([{ lessonId: 'amina-mon', participantId: 'amina', attendable: 1, conflicting: 1 }]);
  });

  it('answers nothing for no causes or only appointments', () => {
    expect(lessonMoves([])).toEqual([]);
    expect(lessonMoves([cause('amina', 's1', null)])).toEqual([]);
  });

  const arbitraryCauses = fc.array(
    fc.record({
      participant: fc.integer({ min: 0, max: 3 }),
      session: fc.integer({ min: 0, max: 4 }),
      lesson: fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }),
    }),
    { maxLength: 40 },
  );
  const toCauses = (drawn: { participant: number; session: number; lesson: number | null }[]) =>
    drawn.map(({ participant, session, lesson }) =>
      cause(`p${participant}`, `s${session}`, lesson === null ? null : `p${participant}-l${lesson}`),
    );

  it('matches removing the lesson and counting the member-sessions left without any cause', () => {
    fc.assert(
      fc.property(arbitraryCauses, (drawn) => {
        const causes = toCauses(drawn);
        const blocked = (list: MemberSessionCause[]) =>
          new Set(list.map((item) => `${item.participantId}|${item.sessionId}`));
        const before = blocked(causes).size;
        for (const move of lessonMoves(causes)) {
          const after = blocked(causes.filter((item) => item.lessonId !== move.lessonId)).size;
          expect(move.attendable).toBe(before - after);
        }
      }),
    );
  });

  it('lists every movable lesson with a cause once, sorted best first', () => {
    fc.assert(
      fc.property(arbitraryCauses, (drawn) => {
        const causes = toCauses(drawn);
        const movable = (lessonId: string) => !lessonId.endsWith('-l2');
        const moves = lessonMoves(causes, movable);
        const expected = new Set(
          causes.flatMap((item) => (item.lessonId && movable(item.lessonId) ? [item.lessonId] : [])),
        );
        expect(new Set(moves.map((move) => move.lessonId))).toEqual(expected);
        expect(moves).toHaveLength(expected.size);
        moves.slice(1).forEach((move, index) => {
          expect(move.attendable).toBeLessThanOrEqual(moves[index].attendable);
          expect(move.attendable).toBeLessThanOrEqual(move.conflicting);
        });
      }),
    );
  });
});
