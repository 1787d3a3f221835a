import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Injectable } from '@nestjs/common';
import { DeepPartial, In, MoreThanOrEqual } from 'typeorm';
import { chunks } from '../../common/database/bulk-writes';
import { SessionConflict } from './session-conflict.entity';

/** The scheduling module's conflicts between sessions and the lessons and appointments of their members. */
@Injectable()
export class ConflictsService {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  private get conflicts() {
    return this.txHost.tx.getRepository(SessionConflict);
  }

  /** The conflicts of these sessions go: they are found again when the sessions are planned again. */
  async removeForSessions(sessionIds: string[]): Promise<void> {
    for (const chunk of chunks(sessionIds)) await this.conflicts.delete({ sessionId: In(chunk) });
  }

  /** Stores the conflicts of freshly planned sessions. */
  async add(rows: DeepPartial<SessionConflict>[]): Promise<void> {
    for (const chunk of chunks(rows)) await this.conflicts.insert(chunk as never);
  }

  /**
   * The conflicts of these participants on sessions from `from` on (a conflict's cause is on its session's date,
   * so the start of that day is the bound).
   */
  forParticipantsFrom(participantIds: string[], from: Date): Promise<SessionConflict[]> {
    const startOfDay = new Date(from.getTime() - 24 * 60 * 60 * 1000);
    return this.conflicts.find({
      where: { participantId: In(participantIds), causeStart: MoreThanOrEqual(startOfDay) },
    });
  }

  async remove(ids: string[]): Promise<void> {
    for (const chunk of chunks(ids)) await this.conflicts.delete(chunk);
  }

  forSessions(sessionIds: string[]): Promise<SessionConflict[]> {
    if (sessionIds.length === 0) return Promise.resolve([]);
    // Ties by what the conflict is, not by its random id: a lesson and an appointment at the same minute came in
    // either order, and so did the reason the export gives first.
    return this.conflicts.find({
      where: { sessionId: In(sessionIds) },
      order: { causeStart: 'ASC', causeEnd: 'ASC', kind: 'ASC', overlapMinutes: 'DESC', id: 'ASC' },
    });
  }

  /** The lesson conflicts (`overlap`, `travel`) with a taalaanbieder's lessons, within these sessions. */
  forProvider(providerId: string, sessionIds: string[]): Promise<SessionConflict[]> {
    if (sessionIds.length === 0) return Promise.resolve([]);
    return this.conflicts.find({
      where: { providerId, sessionId: In(sessionIds), kind: In(['overlap', 'travel']) },
      order: { causeStart: 'ASC', id: 'ASC' },
    });
  }
}
