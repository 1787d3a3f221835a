import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { ParticipantsModule } from '../participants/participants.module';
import { DirectMail } from './direct-mail.service';
import { MessageChannels } from './message-channels';
import { MessagesConfig, readMessagesConfig } from './messages-config';
import { OutboxController } from './outbox.controller';
import { OutboxDelivery } from './outbox-delivery.service';
import { OutboxMessage } from './outbox-message.entity';
import { OutboxService } from './outbox.service';
import { OutboxWorker } from './outbox-worker';

/**
 * Messages to participants: the outbox other modules write to in their own transactions, and its delivery
 * worker (e-mail over SMTP, SMS and WhatsApp through an HTTP provider; held when nothing is configured), and
 * e-mail sent at once to staff (sign-in links).
 */
@Module({
  imports: [TypeOrmModule.forFeature([OutboxMessage]), ParticipantsModule, AuditModule],
  controllers: [OutboxController],
  providers: [
    { provide: MessagesConfig, useFactory: () => readMessagesConfig(process.env) },
    MessageChannels,
    DirectMail,
    OutboxDelivery,
    OutboxService,
    OutboxWorker,
  ],
  exports: [OutboxService, DirectMail],
})
export class MessagesModule {}
