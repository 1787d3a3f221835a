import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { HttpProviderChannel } from './http-provider.channel';
import { OutgoingMessage } from './message-channel';

const message: OutgoingMessage = {
  id: '6f1c2b9e-0000-4000-8000-000000000001',
  channel: 'sms',
  recipient: '+31612345678',
  subject: null,
  body: 'Morgen om 9:30 training',
};

describe('HttpProviderChannel', () => {
  let server: Server;
  let url: string;
  let handler: (request: IncomingMessage, response: ServerResponse) => void;
  const seen: { headers: IncomingMessage['headers']; body: unknown }[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        seen.push({ headers: request.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
        handler(request, response);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => (seen.length = 0));

  const answer = (status: number, body = '', headers: Record<string, string> = {}) =>
    (handler = (_request, response) => response.writeHead(status, headers).end(body));
  const send = (timeoutMs = 2000) =>
    new HttpProviderChannel({ url, key: 'the-key' }, timeoutMs).send(message);

  it('posts the message as JSON with the bearer key and the message id as idempotency key', async () => {
    answer(201, JSON.stringify({ id: 'SM123' }));
    expect(await send()).toEqual({ outcome: 'sent', providerMessageId: 'SM123' });
    expect(seen).toHaveLength(1);
    expect(seen[0].body).toEqual({ to: '+31612345678', body: 'Morgen om 9:30 training', channel: 'sms' });
    expect(seen[0].headers).toMatchObject({
      authorization: 'Bearer the-key',
      'idempotency-key': message.id,
      'content-type': 'application/json',
    });
  });

  it('takes a 2xx without a JSON id as sent, without an id', async () => {
    answer(204);
    expect(await send()).toEqual({ outcome: 'sent', providerMessageId: null });
  });

  it.each([
    [429, { 'Retry-After': '120' }, { outcome: 'retry', reason: 'HTTP 429', retryAfterMs: 120_000 }],
    [503, {}, { outcome: 'retry', reason: 'HTTP 503', retryAfterMs: undefined }],
    [400, {}, { outcome: 'failed', reason: 'HTTP 400' }],
    [401, {}, { outcome: 'failed', reason: 'HTTP 401' }],
    [302, { Location: '/elsewhere' }, { outcome: 'failed', reason: 'HTTP 302' }],
  ])('takes an answer %i as %j, without the provider’s words', async (status, headers, expected) => {
    answer(status, 'invalid number +31612345678', headers);
    expect(await send()).toEqual(expected);
  });

  it('tries again later when the provider does not answer in time', async () => {
    handler = (_request, response) => setTimeout(() => response.writeHead(200).end(), 500);
    expect(await send(100)).toEqual({ outcome: 'retry', reason: 'timeout' });
  });

  it('tries again later when nobody listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const channel = new HttpProviderChannel({ url: `http://127.0.0.1:${port}/send`, key: 'k' }, 2000);
    expect(await channel.send(message)).toEqual({ outcome: 'retry', reason: 'no answer (ECONNREFUSED)' });
  });
});
