import { Transactional } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import { Environment } from '../../../config/environment';
import { publicUrlOf } from '../../common/configuration/public-url';
import { TokensService } from '../access/tokens.service';
import { DriverLinkDto } from './dto/driver-link.dto';

/** Recorded on the token, so that a coordinator tells her links from tokens made for scripts. */
const DRIVER_LINK_LABEL = 'rijderslink';

/**
 * A driver's personal link to her rides page: a driver token in the query of /driver, as a phone opens it
 * without any header. Only its hash is kept, so a lost link is replaced, never shown again.
 */
@Injectable()
export class DriverLinksService {
  constructor(
    private readonly tokens: TokensService,
    private readonly environment: Environment,
  ) {}

  /** A new link; her earlier links stop working, so that only the phone she was last given one opens it. */
  @Transactional()
  async renew(driverId: string, now: Date): Promise<DriverLinkDto> {
    await this.revoke(driverId, now);
    const { token, value } = await this.tokens.create(
      { role: 'driver', driverId, label: DRIVER_LINK_LABEL },
      now,
    );
    const url = `${publicUrlOf(this.environment)}/driver?token=${encodeURIComponent(value)}`;
    return { url, tokenId: token.id };
  }

  /** Her links stop working (tokens made for her scripts under another label stay). */
  @Transactional()
  async revoke(driverId: string, now: Date): Promise<number> {
    const page = await this.tokens.list({ role: 'driver', driver: driverId, limit: 1000, offset: 0 });
    const links = page.items.filter((token) => token.label === DRIVER_LINK_LABEL && !token.revokedAt);
    for (const token of links) await this.tokens.revoke(token.id, now);
    return links.length;
  }
}
