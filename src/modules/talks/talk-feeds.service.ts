import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Injectable } from '@nestjs/common';
import { ArrayContains, FindOptionsWhere, MoreThanOrEqual } from 'typeorm';
import { TalkMessagesService, TalkWords } from './talk-messages.service';
import { TalkOccurrence } from './talk-occurrence.entity';
import { TalkSeries } from './talk-series.entity';

/** A planned talk as a calendar shows it: when, with whom, where, and whose talk it is. */
export interface TalkEntry {
  id: string;
  start: Date;
  end: Date;
  kind: TalkSeries['kind'];
  participantId: string;
  /** At her home: a staff member's feed gives the address. */
  atHome: boolean;
  words: TalkWords;
}

/** The planned talks a participant's calendar feed and a staff member's feed show. */
@Injectable()
export class TalkFeedsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly messages: TalkMessagesService,
  ) {}

  /** Her talks from `from` on. */
  forParticipant(regionId: string, participantId: string, from: Date): Promise<TalkEntry[]> {
    return this.entries(regionId, { participantId, status: 'planned', start: MoreThanOrEqual(from) });
  }

  /** The talks a staff member must be at from `from` on. */
  forStaffMember(regionId: string, staffMemberId: string, from: Date): Promise<TalkEntry[]> {
    return this.entries(regionId, {
      status: 'planned',
      start: MoreThanOrEqual(from),
      series: { staffMemberIds: ArrayContains([staffMemberId]) },
    });
  }

  private async entries(regionId: string, where: FindOptionsWhere<TalkOccurrence>): Promise<TalkEntry[]> {
    const talks = await this.repository().find({
      where: { regionId, ...where },
      relations: { series: true },
      order: { start: 'ASC', id: 'ASC' },
    });
    const words = await this.messages.wordsFor(regionId);
    return talks.map((talk) => ({
      id: talk.id,
      start: talk.start!,
      end: talk.end!,
      kind: talk.series.kind,
      participantId: talk.participantId,
      atHome: talk.series.place === 'home',
      words: words(talk.series, talk),
    }));
  }

  private repository() {
    return this.txHost.tx.getRepository(TalkOccurrence);
  }
}
