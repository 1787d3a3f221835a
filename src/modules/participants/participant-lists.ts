import { Injectable } from '@nestjs/common';
import { Page } from '../../common/api/page';
import { DataVersion } from '../../common/database/data-version';
import { VersionedCache } from '../../common/database/versioned-cache';
import { AccessContext } from '../access/access-context';
import { ParticipantDto, ParticipantListQueryDto } from './dto/participant.dto';
import { ParticipantsService } from './participants.service';

/** Pages kept per instance: a coordinator's filters and pages, for a few reaches. */
const MAX_ENTRIES = 256;

/**
 * Pages of the participant list as answered, built once per version of the data, query and reach of the caller
 * (VersionedCache): the list is what the coordinators' pages open most. Each read is still written to the
 * audit log (by @Audited, from the answered items).
 */
@Injectable()
export class ParticipantLists {
  private readonly pages: VersionedCache<Page<ParticipantDto>>;

  constructor(
    dataVersion: DataVersion,
    private readonly participants: ParticipantsService,
    private readonly access: AccessContext,
  ) {
    this.pages = new VersionedCache(dataVersion, MAX_ENTRIES);
  }

  async page(query: ParticipantListQueryDto): Promise<Page<ParticipantDto>> {
    const key = JSON.stringify([query, this.access.reachKey()]);
    const { value } = await this.pages.get(key, async () => {
      const page = await this.participants.list(query);
      return { items: page.items.map(ParticipantDto.from), total: page.total };
    });
    return value;
  }
}
