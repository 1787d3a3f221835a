import { Transactional } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import { TokensService } from '../access/tokens.service';
import { CalendarConfig } from './calendar-config';
import { CalendarFeedsService } from './calendar-feeds.service';
import { ParticipantLinksDto } from './dto/participant-links.dto';
import { allPages } from './feeds/feed-window';

/** Recorded on the token; never her name (a label is not personal data). */
const PERSONAL_LINK_LABEL = 'persoonlijke link';

/**
 * Her personal link and her calendar feed, to hand to her. Plain secrets are not kept, so both are made anew:
 * her earlier personal links are revoked and her earlier feed URL stops working, in one transaction.
 */
@Injectable()
export class ParticipantLinksService {
  constructor(
    private readonly tokens: TokensService,
    private readonly feeds: CalendarFeedsService,
    private readonly config: CalendarConfig,
  ) {}

  @Transactional()
  async renew(participantId: string, now: Date): Promise<ParticipantLinksDto> {
    const earlier = await allPages((page) =>
      this.tokens.list({ role: 'participant', participant: participantId, ...page }),
    );
    const { value } = await this.tokens.create(
      { role: 'participant', participantId, label: PERSONAL_LINK_LABEL },
      now,
    );
    for (const token of earlier.filter((token) => !token.revokedAt)) await this.tokens.revoke(token.id, now);
    const { secret } = await this.feeds.issue({ kind: 'participant', participantId }, now);
    return { personal: this.config.personalUrl(value), calendar: this.config.feedUrl(secret) };
  }
}
