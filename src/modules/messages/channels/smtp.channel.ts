import { createTransport, Transporter } from 'nodemailer';
import type { SmtpSettings } from '../messages-config';
import { MessageChannel, OutgoingMessage, SendOutcome } from './message-channel';

/** The subject of an e-mail that was enqueued without one. */
export const DEFAULT_SUBJECT = 'Trefpunt';

/** The Message-ID of an outbox message: the same for every attempt, so that a repeat can be recognised. */
export const messageIdOf = (id: string) => `<${id}@trefpunt>`;

/**
 * E-mail over SMTP with nodemailer, one pooled connection. Every attempt of a message carries the same
 * Message-ID. A 5xx answer is final (failed); a 4xx answer or no answer is tried again later.
 */
export class SmtpChannel implements MessageChannel {
  private readonly transport: Transporter;

  constructor(settings: SmtpSettings, timeoutMs: number) {
    this.transport = createTransport(
      {
        url: settings.url,
        pool: true,
        maxConnections: 1,
        connectionTimeout: timeoutMs,
        greetingTimeout: timeoutMs,
        socketTimeout: timeoutMs,
      },
      { from: settings.from },
    );
  }

  async send(message: OutgoingMessage): Promise<SendOutcome> {
    try {
      await this.transport.sendMail({
        to: message.recipient,
        subject: message.subject ?? DEFAULT_SUBJECT,
        text: message.body,
        messageId: messageIdOf(message.id),
      });
      return { outcome: 'sent', providerMessageId: messageIdOf(message.id) };
    } catch (error) {
      return smtpOutcome(error);
    }
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}

/** What a nodemailer error means for the message; the reason names the SMTP code or the error code only. */
export function smtpOutcome(error: unknown): SendOutcome {
  const { responseCode, code } = (error ?? {}) as { responseCode?: unknown; code?: unknown };
  if (typeof responseCode === 'number') {
    const reason = `SMTP ${responseCode}`;
    return responseCode >= 500 ? { outcome: 'failed', reason } : { outcome: 'retry', reason };
  }
  return { outcome: 'retry', reason: typeof code === 'string' ? `no answer (${code})` : 'no answer' };
}
