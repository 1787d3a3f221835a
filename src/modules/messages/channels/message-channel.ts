import type { ReminderChannel } from '../../participants/participant.entity';

/** What a channel needs to send one message. */
export interface OutgoingMessage {
  /** The outbox id: every attempt carries it as the idempotency key, so a repeated send is not delivered twice. */
  id: string;
  channel: ReminderChannel;
  recipient: string;
  subject: string | null;
  body: string;
}

/**
 * How one attempt ended. `reason` is what may be stored and logged: a status or an error code, never the
 * provider's own words (they may repeat the recipient or the text).
 */
export type SendOutcome =
  | { outcome: 'sent'; providerMessageId: string | null }
  | { outcome: 'retry'; reason: string; retryAfterMs?: number }
  | { outcome: 'failed'; reason: string };

/** A way to deliver messages. `send` never throws: whatever goes wrong is an outcome. */
export interface MessageChannel {
  send(message: OutgoingMessage): Promise<SendOutcome>;
  close(): Promise<void>;
}
