import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/** One request to the provider, as it came in. */
export interface ProviderRequest {
  idempotencyKey: string | undefined;
  authorization: string | undefined;
  contentType: string | undefined;
  to: string;
  body: string;
  channel: string;
}

/** The provider's answer to a request whose key it has not delivered yet: a status, maybe with Retry-After. */
export type ProviderAnswer = number | { status: number; retryAfterSeconds?: number };

/**
 * A local SMS/WhatsApp provider for the tests, speaking the service's HTTP adapter protocol. Like real
 * providers it honours `Idempotency-Key`: a key it delivered before is acknowledged again (same id), not
 * delivered twice. It keeps every request, and the deliveries.
 */
export class FakeSmsProvider {
  readonly requests: ProviderRequest[] = [];
  readonly delivered: ProviderRequest[] = [];
  /** How to answer a request of a key not delivered yet; `attempt` counts that key's requests from 1. */
  answer: (request: ProviderRequest, attempt: number) => ProviderAnswer = () => 200;
  /** Runs after a message is delivered and before the answer goes out (e.g. to stop the sender meanwhile). */
  afterDelivery: (request: ProviderRequest) => Promise<void> = async () => undefined;
  /** A wait before each answer, so that senders overlap. */
  delayMs = 0;

  private readonly ids = new Map<string, string>();

  private constructor(private readonly server: Server) {}

  static async start(): Promise<FakeSmsProvider> {
    const server = createServer();
    const provider = new FakeSmsProvider(server);
    server.on('request', (request, response) => {
      provider.handle(request).then(
        ({ status, headers, answer }) => response.writeHead(status, headers).end(JSON.stringify(answer)),
        () => response.writeHead(500).end(),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return provider;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/messages`;
  }

  /** How often a message with this key was delivered (0 or 1, if the service keeps to the protocol). */
  deliveriesOf(key: string): number {
    return this.delivered.filter((request) => request.idempotencyKey === key).length;
  }

  requestsOf(key: string): ProviderRequest[] {
    return this.requests.filter((request) => request.idempotencyKey === key);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async handle(
    incoming: IncomingMessage,
  ): Promise<{ status: number; headers: Record<string, string>; answer: object }> {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const json = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
      to: string;
      body: string;
      channel: string;
    };
    const request: ProviderRequest = {
      idempotencyKey: incoming.headers['idempotency-key'] as string | undefined,
      authorization: incoming.headers.authorization,
      contentType: incoming.headers['content-type'],
      to: json.to,
      body: json.body,
      channel: json.channel,
    };
    this.requests.push(request);
    const key = request.idempotencyKey;
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    const json200 = { 'Content-Type': 'application/json' };
    const known = key === undefined ? undefined : this.ids.get(key);
    if (known) return { status: 200, headers: json200, answer: { id: known, duplicate: true } };
    const given = this.answer(request, key === undefined ? 1 : this.requestsOf(key).length);
    const { status, retryAfterSeconds } = typeof given === 'number' ? { status: given } : given;
    if (status < 200 || status >= 300) {
      const headers: Record<string, string> =
        retryAfterSeconds === undefined ? json200 : { ...json200, 'Retry-After': String(retryAfterSeconds) };
      return { status, headers, answer: { error: `refused with ${status}` } };
    }
    const id = `fake-${this.delivered.length + 1}`;
    // Taken before any wait, so that a second request with this key at the same moment is not delivered.
    if (key !== undefined) this.ids.set(key, id);
    this.delivered.push(request);
    await this.afterDelivery(request);
    return { status, headers: json200, answer: { id } };
  }
}
