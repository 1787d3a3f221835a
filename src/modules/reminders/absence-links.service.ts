import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { Environment } from '../../../config/environment';
import { publicUrlOf } from '../../common/configuration/public-url';
import { AbsenceLink } from './absence-link.entity';

const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** 12 characters of 56: about 70 bits, far beyond guessing at the rate limits. */
const LENGTH = 12;

/** The one-tap "I cannot come" links in messages: a short random code per participant and session. */
@Injectable()
export class AbsenceLinksService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly environment: Environment,
  ) {}

  private get links() {
    return this.txHost.tx.getRepository(AbsenceLink);
  }

  /** Her link for a session: the same one every time it is asked for. */
  async linkFor(participantId: string, sessionId: string): Promise<string> {
    const code = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    await this.links
      .createQueryBuilder()
      .insert()
      .values({ code, participantId, sessionId })
      .orIgnore()
      .execute();
    const link = await this.links.findOneByOrFail({ participantId, sessionId });
    return `${publicUrlOf(this.environment)}/r/${link.code}`;
  }

  find(code: string): Promise<AbsenceLink | null> {
    return this.links.findOneBy({ code });
  }

  /** For erasure. */
  async deleteForParticipant(participantId: string): Promise<void> {
    await this.links.delete({ participantId });
  }
}
