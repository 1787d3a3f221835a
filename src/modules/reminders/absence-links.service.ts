import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { Environment } from '../../../config/environment';
import { publicUrlOf } from '../../common/configuration/public-url';
import { hashToken } from '../access/token-value';
import { AbsenceLink } from './absence-link.entity';

const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/**
 * 12 characters of 56: about 70 bits, far beyond guessing at the rate limits, and far beyond reversing the
 * stored SHA-256 by trying codes (no secret key needed for that, so none to configure or lose).
 */
const LENGTH = 12;
/** What a code looks like; anything else cannot be one and is not looked up. */
export const ABSENCE_CODE_SHAPE = /^[A-Za-z0-9]{12}$/;

/** The one-tap "I cannot come" links in messages: a random code per message, kept only as its hash. */
@Injectable()
export class AbsenceLinksService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly environment: Environment,
  ) {}

  private get links() {
    return this.txHost.tx.getRepository(AbsenceLink);
  }

  /**
   * A new link for her and a session, in the caller's transaction. The plain code is not kept, so it cannot be
   * handed out again: each message gets its own, and the links of earlier messages keep working.
   */
  async linkFor(participantId: string, sessionId: string): Promise<string> {
    const code = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    await this.links.insert({ codeHash: hashToken(code), participantId, sessionId });
    return `${publicUrlOf(this.environment)}/r/${code}`;
  }

  find(code: string): Promise<AbsenceLink | null> {
    if (!ABSENCE_CODE_SHAPE.test(code)) return Promise.resolve(null);
    return this.links.findOneBy({ codeHash: hashToken(code) });
  }

  /** For erasure. */
  async deleteForParticipant(participantId: string): Promise<void> {
    await this.links.delete({ participantId });
  }
}
