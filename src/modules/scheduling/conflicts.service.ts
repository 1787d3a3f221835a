import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Injectable } from '@nestjs/common';
import { DeepPartial, In } from 'typeorm';
import { SessionConflict } from './session-conflict.entity';

/** The scheduling module's conflicts between sessions and the lessons and appointments of their members. */
@Injectable()
export class ConflictsService {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  private get conflicts() {
    return this.txHost.tx.getRepository(SessionConflict);
  }

  /** Stores the conflicts of freshly planned sessions (their old conflicts went with the old sessions). */
  async add(rows: DeepPartial<SessionConflict>[]): Promise<void> {
    for (let index = 0; index < rows.length; index += 1000) {
      await this.conflicts.insert(rows.slice(index, index + 1000) as never);
    }
  }

  forSessions(sessionIds: string[]): Promise<SessionConflict[]> {
    if (sessionIds.length === 0) return Promise.resolve([]);
    return this.conflicts.find({
      where: { sessionId: In(sessionIds) },
      order: { causeStart: 'ASC', id: 'ASC' },
    });
  }
}
