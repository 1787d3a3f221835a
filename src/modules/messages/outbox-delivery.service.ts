import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { ReminderChannel } from '../participants/participant.entity';
import { OutgoingMessage, SendOutcome } from './channels/message-channel';
import { MessageChannels } from './message-channels';
import { MessagesConfig } from './messages-config';
import { retryDelay } from './retry-delay';

/** What one delivery round did. */
export interface DeliveryCounts {
  sent: number;
  /** Given up: refused by the provider, or out of attempts. */
  failed: number;
  /** Scheduled for another attempt. */
  retried: number;
}

/**
 * Why a message was given up: the provider refused it (a final answer), every attempt allowed failed, or its
 * worker stopped during the last one (whether it went out is unknown).
 */
export type FailureClass = 'refused' | 'gave-up' | 'delivery-unknown';

interface ClaimedMessage extends OutgoingMessage {
  kind: string;
  attempts: number;
}

/**
 * A link in a message that acts for her (the one-tap absence link, `/r/<code>`) is blanked in the stored body
 * once the message is sent: she has it, and a copy of the database or GET /outbox need not.
 */
const BLANK_ACTING_LINKS = `body = regexp_replace(body, '/r/[A-Za-z0-9]{12}', '/r/…', 'g')`;

/** A message is sent only while its claim has this many send timeouts left: one to send, one to record. */
const SEND_MARGIN = 2;

/**
 * Sends due messages from the outbox, safely beside other instances of the service. A round claims a batch in
 * one short statement (`FOR UPDATE SKIP LOCKED`, so two workers never claim the same message), marking it
 * `sending` with a lease; sends each; and records each outcome at once, only while the claim is still its own.
 * A worker that dies between sending and recording leaves its messages `sending`: when the lease runs out
 * another worker sends them again, with the same idempotency key, which the providers use to deliver once.
 * Every instant comes from the round's `now`, moved on by the time the round takes, so that tests can let
 * leases and backoffs pass without waiting.
 */
@Injectable()
export class OutboxDelivery {
  private readonly logger = new Logger(OutboxDelivery.name);
  /** Names this instance's claims; a process id and a random part, nothing about the host. */
  readonly workerId = `${process.pid}-${randomUUID().slice(0, 8)}`;

  constructor(
    private readonly dataSource: DataSource,
    private readonly channels: MessageChannels,
    private readonly config: MessagesConfig,
  ) {}

  /** One round: claims up to a batch of due messages, sends and records them. */
  async round(now = new Date()): Promise<DeliveryCounts & { claimed: number }> {
    const counts = { claimed: 0, sent: 0, failed: 0, retried: 0 };
    const channels = this.channels.configured;
    if (channels.length === 0) return counts;
    const started = Date.now();
    const clock = () => new Date(now.getTime() + Date.now() - started);
    const { leaseMs, sendTimeoutMs } = this.config.delivery;

    counts.failed += await this.giveUpLostLastAttempts(now);
    const claimedUntil = new Date(now.getTime() + leaseMs);
    const claimed = await this.claim(channels, now, claimedUntil);
    counts.claimed = claimed.length;
    for (const [index, message] of claimed.entries()) {
      if (claimedUntil.getTime() - clock().getTime() < SEND_MARGIN * sendTimeoutMs) {
        await this.release(claimed.slice(index));
        this.logger.warn(
          `Outbox: claim running out, ${claimed.length - index} messages left for a next round`,
        );
        break;
      }
      const outcome = await this.channels.get(message.channel)!.send(message);
      const recorded = await this.record(message, outcome, clock());
      if (recorded !== 'lost') counts[recorded] += 1;
    }
    if (counts.claimed > 0 || counts.failed > 0) {
      this.logger.debug(
        `Outbox round of worker ${this.workerId}: ${counts.claimed} claimed, ${counts.sent} sent, ` +
          `${counts.retried} to retry, ${counts.failed} failed`,
      );
    }
    return counts;
  }

  /**
   * Messages whose last allowed attempt was cut off by a worker that died: whether they went out is unknown,
   * and trying again could go on forever if the message itself brings the worker down.
   */
  private async giveUpLostLastAttempts(now: Date): Promise<number> {
    const { records } = await this.run(
      `UPDATE outbox_messages
          SET status = 'failed', claimed_by = NULL, claimed_until = NULL,
              last_error = 'worker stopped during the last attempt: delivery unknown'
        WHERE status = 'sending' AND claimed_until <= $1 AND attempts >= $2
        RETURNING id, channel`,
      [now, this.config.delivery.maxAttempts],
    );
    for (const { id, channel } of records as { id: string; channel: ReminderChannel }[]) {
      this.logFailure(id, channel, 'delivery-unknown', 'worker stopped during the last attempt');
    }
    return records.length;
  }

  /** Due messages (and those whose worker's claim ran out), oldest due first, now claimed by this worker. */
  private async claim(channels: ReminderChannel[], now: Date, until: Date): Promise<ClaimedMessage[]> {
    const { records } = await this.run(
      `WITH due AS (
         SELECT id FROM outbox_messages
          WHERE channel = ANY($1::text[])
            AND ((status = 'pending' AND next_attempt_at <= $2) OR (status = 'sending' AND claimed_until <= $2))
          ORDER BY next_attempt_at, created_at, id
          LIMIT $3
          FOR UPDATE SKIP LOCKED
       )
       UPDATE outbox_messages message
          SET status = 'sending', claimed_by = $4, claimed_until = $5, attempts = message.attempts + 1
         FROM due
        WHERE message.id = due.id
       RETURNING message.id, message.kind, message.channel, message.recipient, message.subject, message.body,
                 message.attempts, message.next_attempt_at`,
      [channels, now, this.config.delivery.batchSize, this.workerId, until],
    );
    return (records as (ClaimedMessage & { next_attempt_at: Date })[])
      .sort((a, b) => a.next_attempt_at.getTime() - b.next_attempt_at.getTime() || a.id.localeCompare(b.id))
      .map(({ id, kind, channel, recipient, subject, body, attempts }) => ({
        id,
        kind,
        channel,
        recipient,
        subject,
        body,
        attempts,
      }));
  }

  /** Gives back messages this worker claimed but will not send in this round: not an attempt. */
  private async release(messages: ClaimedMessage[]): Promise<void> {
    await this.run(
      `UPDATE outbox_messages
          SET status = 'pending', attempts = attempts - 1, claimed_by = NULL, claimed_until = NULL
        WHERE id = ANY($1::uuid[]) AND claimed_by = $2 AND status = 'sending'`,
      [messages.map((message) => message.id), this.workerId],
    );
  }

  /** Writes the outcome of an attempt, if the claim is still this worker's ('lost' when it is not). */
  private async record(
    message: ClaimedMessage,
    outcome: SendOutcome,
    at: Date,
  ): Promise<keyof DeliveryCounts | 'lost'> {
    const change = this.changeFor(message, outcome, at);
    const { affected } = await this.run(
      `UPDATE outbox_messages SET ${change.set}, claimed_by = NULL, claimed_until = NULL
        WHERE id = $1 AND claimed_by = $2 AND status = 'sending'`,
      [message.id, this.workerId, ...change.values],
    );
    if (affected === 0) {
      this.logger.warn(
        `Outbox message ${message.id}: ${outcome.outcome}, but its claim had passed to another worker`,
      );
      return 'lost';
    }
    this.logger.debug(`Outbox message ${message.id} (${message.kind} by ${message.channel}): ${change.said}`);
    if (change.failure)
      this.logFailure(message.id, message.channel, change.failure.class, change.failure.reason);
    return change.result;
  }

  /**
   * One warning per message given up, for whoever watches the logs: its id (to look it up at GET /outbox and send
   * it again), its channel and why, as a class and the stored reason (a status or a code, never personal data).
   */
  private logFailure(
    messageId: string,
    channel: ReminderChannel,
    reasonClass: FailureClass,
    reason: string,
  ): void {
    this.logger.warn({ messageId, channel, reasonClass, reason }, 'outbox message failed');
  }

  /** The columns an outcome sets (from $3 on), what it counts as, and what the log says of it. */
  private changeFor(
    message: ClaimedMessage,
    outcome: SendOutcome,
    at: Date,
  ): {
    set: string;
    values: unknown[];
    result: keyof DeliveryCounts;
    said: string;
    failure?: { class: FailureClass; reason: string };
  } {
    const { maxAttempts, retryDelayMs } = this.config.delivery;
    if (outcome.outcome === 'sent') {
      return {
        set: `status = 'sent', sent_at = $3, provider_message_id = $4, last_error = NULL, ${BLANK_ACTING_LINKS}`,
        values: [at, outcome.providerMessageId],
        result: 'sent',
        said: 'sent',
      };
    }
    if (outcome.outcome === 'retry' && message.attempts < maxAttempts) {
      const delay = retryDelay(message.attempts, retryDelayMs, outcome.retryAfterMs);
      return {
        set: `status = 'pending', next_attempt_at = $3, last_error = $4`,
        values: [new Date(at.getTime() + delay), outcome.reason],
        result: 'retried',
        said: `${outcome.reason}, attempt ${message.attempts}, again in ${delay} ms`,
      };
    }
    const reason =
      outcome.outcome === 'retry'
        ? `${outcome.reason}; gave up after ${message.attempts} attempts`
        : outcome.reason;
    return {
      set: `status = 'failed', last_error = $3`,
      values: [reason],
      result: 'failed',
      said: `failed: ${reason}`,
      failure: { class: outcome.outcome === 'retry' ? 'gave-up' : 'refused', reason },
    };
  }

  /** One statement outside any caller's transaction, so that a claim or an outcome is committed at once. */
  private async run(sql: string, parameters: unknown[]): Promise<{ records: unknown[]; affected: number }> {
    const runner = this.dataSource.createQueryRunner();
    try {
      const result = await runner.query(sql, parameters, true);
      return { records: result.records ?? [], affected: result.affected ?? 0 };
    } finally {
      await runner.release();
    }
  }
}
