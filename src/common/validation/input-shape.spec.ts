import { inputShapeProblems, MAX_INPUT_DEPTH } from './input-shape';

/** `depth` objects nested in one another under `a`, around `inner`. */
const nested = (depth: number, inner: unknown = 1): unknown =>
  Array.from({ length: depth }).reduce<unknown>((value) => ({ a: value }), inner);

describe('inputShapeProblems', () => {
  it.each([
    ['a plain document', { name: 'Selam', children: [{ birthDate: '2024-05-01' }] }, undefined, []],
    [
      'a NUL in a nested text',
      { participants: [{}, { name: 'Sel\u0000am' }] },
      undefined,
      ['participants[1].name: must not contain a NUL character (\\u0000)'],
    ],
    [
      'a NUL in a field name',
      { ['na\u0000me']: 'Selam' },
      undefined,
      ['body: a field name must not contain a NUL character (\\u0000)'],
    ],
    [
      'a NUL in one field',
      'berk\u0000elland',
      'region',
      ['region: must not contain a NUL character (\\u0000)'],
    ],
    [
      'a NUL in a whole text body',
      'p1;ma\u0000',
      undefined,
      ['body: must not contain a NUL character (\\u0000)'],
    ],
    ['nesting as deep as allowed', nested(MAX_INPUT_DEPTH), undefined, []],
    [
      'nesting one level deeper',
      nested(MAX_INPUT_DEPTH + 1),
      undefined,
      [`a${'.a'.repeat(MAX_INPUT_DEPTH - 1)}: is nested more than ${MAX_INPUT_DEPTH} levels deep`],
    ],
  ])('%s', (_, input, field, expected) => {
    expect(inputShapeProblems(input, field, 'body')).toEqual(expected);
  });

  it('lists problems in the order of the input, and at most twenty', () => {
    const names = Array.from({ length: 30 }, (_, index) => ({ name: `${index}\u0000` }));
    const problems = inputShapeProblems({ names }, undefined, 'body');
    expect(problems).toHaveLength(20);
    expect(problems[0]).toBe('names[0].name: must not contain a NUL character (\\u0000)');
    expect(problems[19]).toBe('names[19].name: must not contain a NUL character (\\u0000)');
  });

  it('walks JSON nested 100 000 deep without running out of stack', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(inputShapeProblems(deep, undefined, 'body')).toEqual([
      `${'[0]'.repeat(MAX_INPUT_DEPTH)}: is nested more than ${MAX_INPUT_DEPTH} levels deep`,
    ]);
  });
});
