import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { ParticipantsModule } from '../participants/participants.module';
import { MessageChannels } from './message-channels';
import { MessagesConfig, readMessagesConfig } from './messages-config';
import { OutboxController } from './outbox.controller';
import { OutboxDelivery } from './outbox-delivery.service';
import { OutboxMessage } from './outbox-message.entity';
import { OutboxService } from './outbox.service';
import { OutboxWorker } from './outbox-worker';

/**
 * Messages to participants: the outbox other modules write to in their own transactions, and its delivery
 * worker (e-mail over SMTP, SMS and WhatsApp through an HTTP provider; held when nothing is configured).
 */
@Module({
  imports: [TypeOrmModule.forFeature([OutboxMessage]), ParticipantsModule, AuditModule],
  controllers: [OutboxController],
  providers: [
    { provide: MessagesConfig, useFactory: () => readMessagesConfig(process.env) },
    MessageChannels,
    OutboxDelivery,
    OutboxService,
    OutboxWorker,
  ],
  exports: [OutboxService],
})
export class MessagesModule {}
