import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ConflictException, Injectable } from '@nestjs/common';
import { FindOptionsWhere, In } from 'typeorm';
import { Page } from '../../common/api/page';
import { notFound } from '../../common/errors/not-found';
import { RecordScope } from '../access/access-context';
import { participantScopeOf } from '../access/record-scopes';
import { AuditService } from '../audit/audit.service';
import type { ReminderChannel } from '../participants/participant.entity';
import { ParticipantsService } from '../participants/participants.service';
import { OutboxListQueryDto } from './dto/outbox-message.dto';
import { MessageChannels } from './message-channels';
import { DeliveryCounts, OutboxDelivery } from './outbox-delivery.service';
import { OutboxMessage, type OutboxStatus } from './outbox-message.entity';

/** A message to write to the outbox, in the transaction of the change that causes it. */
export interface NewMessage {
  regionId: string;
  participantId: string;
  sessionId: string | null;
  /** 'reminder-evening' | 'reminder-morning' | 'change' | … */
  kind: string;
  /** Part of the unique key, e.g. the session's start ISO or a change counter. */
  version: string;
  channel: ReminderChannel;
  /** The language the body is in (e.g. 'ar', or 'nl+en' for the fallback). */
  language: string;
  /** A phone number or an e-mail address. */
  recipient: string;
  /** E-mail only. */
  subject?: string;
  body: string;
  /** Quiet hours: not sent before this instant. */
  notBefore?: Date;
}

/** Rows per INSERT: well below PostgreSQL's limit of 65535 parameters. */
const CHUNK = 1000;

/**
 * The outbox: messages are written in the caller's transaction, at most once per (participant, session, kind,
 * version), and sent by the delivery worker. A message for a channel that is not configured is held: kept and
 * shown at GET /outbox, never sent.
 */
@Injectable()
export class OutboxService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly channels: MessageChannels,
    private readonly delivery: OutboxDelivery,
    private readonly participants: ParticipantsService,
    private readonly audit: AuditService,
  ) {}

  private get messages() {
    return this.txHost.tx.getRepository(OutboxMessage);
  }

  /**
   * In the caller's transaction; a message whose unique key (participantId, sessionId, kind, version) exists is
   * skipped (ON CONFLICT DO NOTHING). Answers how many were new. `backfill`: the messages are written as a record
   * of what was due (status backfilled) and never sent, and their keys are taken, so they are not written again.
   */
  async enqueue(messages: NewMessage[], options: { backfill?: boolean } = {}): Promise<number> {
    const configured = new Set(this.channels.configured);
    const statusOf = (channel: ReminderChannel): OutboxStatus =>
      options.backfill ? 'backfilled' : configured.has(channel) ? 'pending' : 'held';
    let added = 0;
    for (let start = 0; start < messages.length; start += CHUNK) {
      const rows = messages.slice(start, start + CHUNK).map((message) => ({
        regionId: message.regionId,
        participantId: message.participantId,
        sessionId: message.sessionId,
        kind: message.kind,
        version: message.version,
        channel: message.channel,
        language: message.language,
        recipient: message.recipient,
        subject: message.subject ?? null,
        body: message.body,
        status: statusOf(message.channel),
        // Left out, the column's default: now.
        nextAttemptAt: message.notBefore,
      }));
      const result = await this.messages
        .createQueryBuilder()
        .insert()
        .into(OutboxMessage)
        .values(rows)
        .orIgnore()
        .returning('id')
        .updateEntity(false)
        .execute();
      added += (result.raw as unknown[]).length;
    }
    return added;
  }

  /**
   * The keys (`participantId|sessionId|kind|version`) of the messages of these kinds already written for these
   * sessions: a job that runs every few minutes writes only what is new, without composing the rest again.
   */
  async writtenKeys(kinds: string[], sessionIds: string[]): Promise<Set<string>> {
    if (kinds.length === 0 || sessionIds.length === 0) return new Set();
    const rows = await this.messages.find({
      where: { kind: In(kinds), sessionId: In(sessionIds) },
      select: { participantId: true, sessionId: true, kind: true, version: true },
    });
    return new Set(rows.map((row) => `${row.participantId}|${row.sessionId}|${row.kind}|${row.version}`));
  }

  /** The messages of the participants the caller may reach, newest first. */
  async list(query: OutboxListQueryDto): Promise<Page<OutboxMessage>> {
    const where: FindOptionsWhere<OutboxMessage> = {
      participant: await this.participants.reachableWhere(query.region),
    };
    if (query.participant) where.participantId = query.participant;
    if (query.status) where.status = query.status;
    const [items, total] = await this.messages.findAndCount({
      where,
      relations: { participant: true },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items, total };
  }

  scopeOf(id: string): Promise<RecordScope | undefined> {
    return participantScopeOf(this.messages, id);
  }

  /**
   * A failed message goes out again: due now, with a full set of attempts, under the same id, so that a provider
   * that did deliver an attempt whose outcome was lost recognises it. Held when its channel is no longer
   * configured. 409 for a message in any other state; the audit log records who asked.
   */
  @Transactional()
  async resend(id: string): Promise<OutboxMessage> {
    const message = await this.messages.findOne({ where: { id }, relations: { participant: true } });
    if (!message) throw notFound('outbox message', id);
    const status = this.channels.configured.includes(message.channel) ? 'pending' : 'held';
    // Only while it is still failed: of two requests at once, one sends it again and the other is told it is not.
    const { affected } = await this.messages.update(
      { id, status: 'failed' },
      { status, attempts: 0, nextAttemptAt: new Date(), claimedBy: null, claimedUntil: null },
    );
    if (!affected) {
      const now = await this.messages.findOneByOrFail({ id });
      throw new ConflictException(
        `status: only a failed message can be sent again; this one is ${now.status}`,
      );
    }
    await this.audit.record('update', [
      {
        recordType: 'outbox message',
        recordId: id,
        participantId: message.participantId,
        regionId: message.regionId,
      },
    ]);
    return { ...message, status, attempts: 0 };
  }

  /** Runs one delivery round now (the worker's tick); answers counts. For tests and the admin job. */
  async deliverDue(now?: Date): Promise<DeliveryCounts> {
    const { sent, failed, retried } = await this.delivery.round(now);
    return { sent, failed, retried };
  }

  /** For erasure: her messages go, whatever their state. */
  async deleteForParticipant(participantId: string): Promise<void> {
    await this.messages.delete({ participantId });
  }
}
