import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import type { ReminderChannel } from '../participants/participant.entity';
import { HttpProviderChannel } from './channels/http-provider.channel';
import { MessageChannel } from './channels/message-channel';
import { SmtpChannel } from './channels/smtp.channel';
import { MessagesConfig } from './messages-config';

/** The channels this instance can send through, built once from the configuration. */
@Injectable()
export class MessageChannels implements OnApplicationShutdown {
  private readonly channels = new Map<ReminderChannel, MessageChannel>();

  constructor(config: MessagesConfig) {
    const { sendTimeoutMs } = config.delivery;
    if (config.smtp) this.channels.set('email', new SmtpChannel(config.smtp, sendTimeoutMs));
    if (config.sms) this.channels.set('sms', new HttpProviderChannel(config.sms, sendTimeoutMs));
    if (config.whatsapp)
      this.channels.set('whatsapp', new HttpProviderChannel(config.whatsapp, sendTimeoutMs));
  }

  /** The channels that can send; messages for the others are held in the outbox. */
  get configured(): ReminderChannel[] {
    return [...this.channels.keys()];
  }

  get(channel: ReminderChannel): MessageChannel | undefined {
    return this.channels.get(channel);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.channels.values()].map((channel) => channel.close()));
  }
}
