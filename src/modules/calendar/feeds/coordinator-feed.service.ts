import { Injectable } from '@nestjs/common';
import { AccessContext } from '../../access/access-context';
import { AbsencesService } from '../../attendance/absences.service';
import { LocationsScenarioService } from '../../locations/locations-scenario.service';
import { GroupsService } from '../../programmes/groups.service';
import { Session } from '../../programmes/session.entity';
import { SessionsService } from '../../programmes/sessions.service';
import { RegionsService } from '../../regions/regions.service';
import { CalendarEvent } from '../ical/calendar-event';
import { allPages, FeedContent, SLOW_REFRESH_NOTE, windowStart } from './feed-window';
import { clockTime } from '../../../planning/time/wall-clock';

export interface RegionSession {
  session: Session;
  groupName: string;
  location: { name: string; address: string };
  members: number;
  absent: number;
}

export function coordinatorEvent(item: RegionSession, zone: string): CalendarEvent {
  const { session, groupName, location } = item;
  const cancelled = session.status === 'cancelled';
  const title = `${groupName} – ${location.name}`;
  const lines = [
    `${groupName}, ${clockTime(session.start, zone)}–${clockTime(session.end, zone)} in ${location.name}.`,
    cancelled
      ? 'Afgelast.'
      : `${item.members} ${item.members === 1 ? 'deelnemer' : 'deelnemers'}, ${item.absent} afgemeld.`,
    SLOW_REFRESH_NOTE,
  ];
  return {
    uid: `session-${session.id}@trefpunt`,
    start: session.start,
    end: session.end,
    summary: cancelled ? `Afgelast: ${title}` : title,
    description: lines.join('\n'),
    location: `${location.name}, ${location.address}`,
    status: cancelled ? 'CANCELLED' : 'CONFIRMED',
  };
}

/**
 * A coordinator's feed: every session of her regions (of her municipalities' locations, when her token is limited
 * to some), with how many take part and how many reported absence. It names nobody. Works with the reach of the
 * coordinator's token, which the caller has put in place.
 */
@Injectable()
export class CoordinatorFeedService {
  constructor(
    private readonly access: AccessContext,
    private readonly regions: RegionsService,
    private readonly groups: GroupsService,
    private readonly sessions: SessionsService,
    private readonly locations: LocationsScenarioService,
    private readonly absences: AbsencesService,
  ) {}

  async content(now: Date): Promise<FeedContent> {
    const municipalities = this.access.municipalityIds();
    const regionNames: string[] = [];
    const items: RegionSession[] = [];
    let zone: string | undefined;
    for (const regionId of this.access.principal().regionIds) {
      const region = await this.regions.get(regionId);
      zone ??= region.timezone;
      regionNames.push(region.name);
      const from = windowStart(now, region.timezone).date;
      const locations = new Map(
        (await this.locations.exportLocations(regionId))
          .filter((location) => !municipalities || municipalities.includes(location.municipalityId))
          .map((location) => [location.id, location]),
      );
      const groups = new Map(
        (await allPages((page) => this.groups.list({ region: regionId, ...page }))).map((group) => [
          group.id,
          group,
        ]),
      );
      const sessions = (
        await allPages((page) => this.sessions.list({ region: regionId, from, ...page }))
      ).filter((session) => locations.has(session.locationId));
      const absent = new Map<string, number>();
      for (const absence of await this.absences.forSessions(sessions.map((session) => session.id))) {
        absent.set(absence.sessionId, (absent.get(absence.sessionId) ?? 0) + 1);
      }
      for (const session of sessions) {
        const group = groups.get(session.groupId);
        items.push({
          session,
          groupName: group?.name ?? '',
          location: locations.get(session.locationId)!,
          members: group?.members.length ?? 0,
          absent: absent.get(session.id) ?? 0,
        });
      }
    }
    const feedZone = zone ?? 'Europe/Amsterdam';
    return {
      name: `Trefpunt – ${regionNames.join(', ')}`,
      zone: feedZone,
      events: items.map((item) => coordinatorEvent(item, feedZone)),
      read: [],
    };
  }
}
