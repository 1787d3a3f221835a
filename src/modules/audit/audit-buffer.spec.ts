import { DataSource } from 'typeorm';
import { arrayLiteral, AUDIT_FLUSH_MS, AUDIT_FLUSH_ROWS, AuditBuffer, AuditRow } from './audit-buffer';

const row = (recordId: string): AuditRow => ({
  at: new Date('2027-01-11T09:00:00Z'),
  actorTokenId: null,
  actorRole: 'coordinator',
  actorLabel: 'coördinator',
  action: 'read',
  recordType: 'participant',
  recordId,
  participantId: recordId,
  regionId: 'r1',
});

/** The record ids of each INSERT the buffer sent (the 2nd parameter, an array literal of simple ids here). */
const insertedIds = (query: jest.Mock) =>
  query.mock.calls.map(([, params]) =>
    (params[1] as string)
      .slice(1, -1)
      .split(',')
      .map((id) => id.replace(/^"(.*)"$/, '$1')),
  );

describe('AuditBuffer', () => {
  let query: jest.Mock;
  let buffer: AuditBuffer;

  beforeEach(() => {
    jest.useFakeTimers();
    query = jest.fn().mockResolvedValue([]);
    buffer = new AuditBuffer({ query, isInitialized: true } as unknown as DataSource);
  });

  afterEach(() => jest.useRealTimers());

  it('writes the reads of a moment together, in one INSERT, once the moment has passed', async () => {
    buffer.add([row('a'), row('b')]);
    buffer.add([row('c')]);
    expect(query).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(AUDIT_FLUSH_MS);
    expect(insertedIds(query)).toEqual([['a', 'b', 'c']]);
    expect(buffer.size).toBe(0);
  });

  it('writes at once when a full batch waits', async () => {
    buffer.add(Array.from({ length: AUDIT_FLUSH_ROWS }, (_, index) => row(`r${index}`)));
    await Promise.resolve();
    await Promise.resolve();
    expect(insertedIds(query)).toHaveLength(1);
    expect(insertedIds(query)[0]).toHaveLength(AUDIT_FLUSH_ROWS);
  });

  it('writes what is pending when the service shuts down, without waiting for the moment to pass', async () => {
    buffer.add([row('a')]);
    await buffer.beforeApplicationShutdown();
    expect(insertedIds(query)).toEqual([['a']]);
    buffer.add([row('late')]);
    await buffer.onApplicationShutdown();
    expect(insertedIds(query)).toEqual([['a'], ['late']]);
  });

  it('keeps a batch that could not be written and writes it with the next', async () => {
    query.mockRejectedValueOnce(new Error('connection lost'));
    buffer.add([row('a')]);
    await expect(buffer.flush()).rejects.toThrow('connection lost');
    expect(buffer.size).toBe(1);
    buffer.add([row('b')]);
    await buffer.flush();
    expect(insertedIds(query)).toEqual([['a'], ['a', 'b']]);
    expect(buffer.size).toBe(0);
  });

  it('sends who read once per read, and each record with the number of its read', async () => {
    buffer.addRead({
      ...row('x'),
      recordIds: ['a', 'b'],
      participantIds: ['a', 'b'],
      regionIds: ['r1', 'r1'],
    });
    buffer.add([row('c')]);
    expect(buffer.size).toBe(3);
    await buffer.flush();
    const [[, params]] = query.mock.calls;
    expect(params.slice(0, 4)).toEqual(['{1,1,2}', '{a,b,c}', '{a,b,c}', '{"r1","r1","r1"}']);
    expect(params[6]).toEqual(['coordinator', 'coordinator']);
  });
});

describe('arrayLiteral', () => {
  it.each([
    [['0f1e2d3c-aaaa-4bbb-8ccc-123456789abc', 7], '{0f1e2d3c-aaaa-4bbb-8ccc-123456789abc,7}'],
    [['null', ''], '{"null",""}'],
    [['a,b', 'x"y', 'back\\slash', '{z}'], '{"a,b","x\\"y","back\\\\slash","{z}"}'],
  ])('writes %j as %s', (values, literal) => {
    expect(arrayLiteral(values)).toBe(literal);
  });
});
