import type { HttpProviderSettings } from '../messages-config';
import { MessageChannel, OutgoingMessage, SendOutcome } from './message-channel';

/**
 * SMS or WhatsApp through an HTTP provider: a JSON POST of `{ to, body, channel }` with the key as a bearer
 * token and the message's id as `Idempotency-Key`, so that a provider that saw the key before acknowledges
 * without delivering again. 2xx: sent; 429 and 5xx (and no answer): try again later; any other answer: failed.
 */
export class HttpProviderChannel implements MessageChannel {
  constructor(
    private readonly settings: HttpProviderSettings,
    private readonly timeoutMs: number,
  ) {}

  async send(message: OutgoingMessage): Promise<SendOutcome> {
    let response: Response;
    try {
      response = await fetch(this.settings.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json',
          Authorization: `Bearer ${this.settings.key}`,
          'Idempotency-Key': message.id,
        },
        body: JSON.stringify({ to: message.recipient, body: message.body, channel: message.channel }),
        // A redirect of a POST would be followed as a GET: take it as the wrong address instead.
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      return { outcome: 'retry', reason: reasonOf(error) };
    }
    const text = await response.text().catch(() => '');
    if (response.ok) return { outcome: 'sent', providerMessageId: messageIdIn(text) };
    const reason = `HTTP ${response.status}`;
    if (response.status === 429 || response.status >= 500) {
      return { outcome: 'retry', reason, retryAfterMs: retryAfter(response.headers.get('retry-after')) };
    }
    return { outcome: 'failed', reason };
  }

  async close(): Promise<void> {}
}

/** The provider's id of the message, when its answer is JSON with one. */
function messageIdIn(text: string): string | null {
  try {
    const answer = JSON.parse(text) as Record<string, unknown>;
    const id = answer.id ?? answer.messageId ?? answer.message_id ?? answer.sid;
    return typeof id === 'string' || typeof id === 'number' ? String(id).slice(0, 200) : null;
  } catch {
    return null;
  }
}

/** Retry-After as seconds or an HTTP date, in milliseconds from now. */
function retryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  if (/^\s*\d+\s*$/.test(header)) return Number(header) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** A failed request as a kind and a code: the error's message may hold the address. */
function reasonOf(error: unknown): string {
  const { name, cause } = (error ?? {}) as { name?: unknown; cause?: { code?: unknown } };
  if (name === 'TimeoutError' || name === 'AbortError') return 'timeout';
  const code = cause?.code;
  return typeof code === 'string' ? `no answer (${code})` : 'no answer';
}
