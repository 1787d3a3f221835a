import { Transactional } from '@nestjs-cls/transactional';
import { BadRequestException, Injectable, Logger } from '@nestjs/common';
import { outingTimesProblem } from '../../planning/scheduling/outing-times';
import { instantToLocal, instantToLocalMinute } from '../../planning/time/wall-clock';
import { toMinutes } from '../../planning/time/calendar';
import { Location } from '../locations/location.entity';
import { LocationsService } from '../locations/locations.service';
import { NewOutingPlace, OutingsService } from '../programmes/outings.service';
import { SessionOuting } from '../programmes/session-outing.entity';
import { SessionsService } from '../programmes/sessions.service';
import { RegionsService } from '../regions/regions.service';
import { OutingMessagesService } from '../reminders/outing-messages.service';

export interface OutingSwitch {
  outing: SessionOuting | null;
  locations: Map<string, Location>;
  told: number;
}

/**
 * The order of making a session an outing and undoing it, in one transaction: the places are stored (found or
 * added as locations of the region); the session moves to the first place, so that its members' conflicts, care
 * and rides follow it (the rides go to the first place and home from the last, in one bus where the fleet has one);
 * last, every member is told once in her language.
 */
@Injectable()
export class OutingSwitchService {
  private readonly logger = new Logger(OutingSwitchService.name);

  constructor(
    private readonly sessions: SessionsService,
    private readonly outings: OutingsService,
    private readonly locations: LocationsService,
    private readonly regions: RegionsService,
    private readonly messages: OutingMessagesService,
  ) {}

  async get(sessionId: string): Promise<OutingSwitch> {
    await this.sessions.get(sessionId);
    const outing = await this.outings.of(sessionId);
    return { outing, locations: await this.locationsOf(outing), told: 0 };
  }

  @Transactional()
  async set(sessionId: string, places: NewOutingPlace[], now: Date): Promise<OutingSwitch> {
    const session = await this.sessions.get(sessionId);
    if (session.status !== 'planned') throw new BadRequestException('sessionId: the session is cancelled');
    const [zone] = (await this.regions.timezones([session.regionId])).values();
    const date = instantToLocal(session.start, zone).date;
    const problem = outingTimesProblem(
      places,
      toMinutes(instantToLocal(session.start, zone).time),
      instantToLocalMinute(session.end, date, zone),
    );
    if (problem) throw new BadRequestException(problem);
    const { outing, locations } = await this.outings.set(session, places);
    await this.sessions.relocate(session.id, locations[0].id, now);
    const told = await this.messages.tell(
      session,
      'outing',
      outing.places.map((p) => p.locationId),
      now,
    );
    this.logger.log({ sessionId, places: places.length, told }, 'outing set');
    return { outing, locations: new Map(locations.map((l) => [l.id, l])), told };
  }

  @Transactional()
  async undo(sessionId: string, now: Date): Promise<OutingSwitch> {
    const session = await this.sessions.get(sessionId);
    const outing = await this.outings.remove(sessionId);
    await this.sessions.relocate(session.id, outing.usualLocationId, now);
    const told = await this.messages.tell(session, 'back', [outing.usualLocationId], now);
    this.logger.log({ sessionId, told }, 'outing undone');
    return { outing: null, locations: new Map(), told };
  }

  private async locationsOf(outing: SessionOuting | null): Promise<Map<string, Location>> {
    const found = new Map<string, Location>();
    for (const place of outing?.places ?? [])
      found.set(place.locationId, await this.locations.get(place.locationId));
    return found;
  }
}
