import { Injectable } from '@nestjs/common';
import { Environment } from '../../../config/environment';
import { publicUrlOf } from '../../common/configuration/public-url';
import { NewMessage, OutboxService } from '../messages/outbox.service';
import type { Participant } from '../participants/participant.entity';
import { dayInWords, MessageTexts, TextValues } from '../reminders/message-texts';
import { notBefore } from '../reminders/quiet-hours';
import { recipientOf } from '../messages/recipient';

export type CarPoolMessage = 'offer' | 'accepted' | 'riding' | 'ended';

export interface CarPoolNotice {
  to: Participant;
  message: CarPoolMessage;
  offerId: string;
  values: Record<string, string>;
  /** The first session concerned: its day goes into the text in her language and calendar. */
  firstStart: Date;
}

export const firstName = (person: Participant) => person.name.split(' ')[0];

/**
 * Tells a woman of an offer, her yes, or the ride she gets, in her language, through the outbox in the
 * transaction of the change: once per offer and kind of message.
 */
@Injectable()
export class CarPoolMessagesService {
  constructor(
    private readonly environment: Environment,
    private readonly texts: MessageTexts,
    private readonly outbox: OutboxService,
  ) {}

  async tell(regionId: string, zone: string, notices: CarPoolNotice[], now: Date): Promise<number> {
    const messages: NewMessage[] = [];
    for (const notice of notices) {
      const person = notice.to;
      const to = recipientOf(person);
      if (!to) continue;
      const { channel, recipient } = to;
      const day = (language: string) => dayInWords(notice.firstStart, zone, language);
      const values: TextValues = { ...notice.values, day, link: `${publicUrlOf(this.environment)}/me` };
      const text = this.texts.write(person.language, [{ key: `carPool.${notice.message}`, values }]);
      messages.push({
        regionId,
        participantId: person.id,
        sessionId: null,
        kind: 'car-pool',
        version: `${notice.message}:${notice.offerId}`,
        channel,
        language: text.language,
        recipient,
        subject: channel === 'email' ? this.texts.line(person.language, 'subject', { day }) : undefined,
        body: text.text,
        notBefore: notBefore(now, zone, this.environment.TREFPUNT_QUIET_HOURS),
      });
    }
    return this.outbox.enqueue(messages);
  }
}
