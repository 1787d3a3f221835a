import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { MessageChannels } from './message-channels';

/**
 * E-mail to staff that is sent at once instead of through the outbox: a sign-in link lives fifteen minutes and
 * is asked for by someone waiting for it, so a later retry is of no use (she asks again). The outbox is for
 * messages to participants.
 */
@Injectable()
export class DirectMail {
  constructor(private readonly channels: MessageChannels) {}

  /** Whether e-mail can be sent at all (TREFPUNT_SMTP_URL is set). */
  get configured(): boolean {
    return this.channels.get('email') !== undefined;
  }

  /** Sends one e-mail now; whether the server took it. */
  async send(recipient: string, subject: string, body: string): Promise<boolean> {
    const channel = this.channels.get('email');
    if (!channel) return false;
    const outcome = await channel.send({ id: randomUUID(), channel: 'email', recipient, subject, body });
    return outcome.outcome === 'sent';
  }
}
