import { Injectable } from '@nestjs/common';
import { AbsencesService } from '../../attendance/absences.service';
import { ChildcareBookingsService } from '../../childcare/childcare-bookings.service';
import { LocationsScenarioService } from '../../locations/locations-scenario.service';
import { ParticipantsService } from '../../participants/participants.service';
import { GroupsService } from '../../programmes/groups.service';
import { Session } from '../../programmes/session.entity';
import { SessionsService } from '../../programmes/sessions.service';
import { RegionsService } from '../../regions/regions.service';
import { RoutesService } from '../../routes/routes.service';
import { CalendarEvent } from '../ical/calendar-event';
import { MessageTexts, TextPart } from '../../reminders/message-texts';
import { allPages, FeedContent, windowStart } from './feed-window';
import { clockTime } from '../../../planning/time/wall-clock';
import { TalkFeedsService } from '../../talks/talk-feeds.service';
import { participantTalkEvent } from './talk-events';

/** What her feed says of a session besides when and where. */
interface HerSession {
  session: Session;
  groupName: string;
  location: { name: string; address: string };
  pickup?: Date;
  dropOff?: Date;
  absent: boolean;
  children: number;
}

/**
 * Her event in her language (the reminders' templates, `feed.*`; Dutch and English for a language without them),
 * every value isolated in its own direction as in her messages.
 */
export function participantEvent(
  her: HerSession,
  zone: string,
  texts: MessageTexts,
  language: string,
): CalendarEvent {
  const { session, groupName: group, location } = her;
  const cancelled = session.status === 'cancelled';
  const pickupTime = her.pickup && clockTime(her.pickup, zone);
  const summary = cancelled
    ? texts.line(language, 'feed.cancelledTitle', { group })
    : her.absent
      ? texts.line(language, 'feed.absentTitle', { group })
      : pickupTime
        ? texts.line(language, 'feed.pickupTitle', { group, pickupTime })
        : group;
  const lines: TextPart[] = [
    {
      key: 'feed.training',
      values: {
        group,
        place: location.name,
        start: clockTime(session.start, zone),
        end: clockTime(session.end, zone),
      },
    },
  ];
  if (cancelled) lines.push({ key: 'feed.cancelled' });
  else if (her.absent) lines.push({ key: 'feed.absent' });
  else {
    if (pickupTime) lines.push({ key: 'feed.pickup', values: { pickupTime } });
    if (her.dropOff) lines.push({ key: 'feed.dropOff', values: { homeTime: clockTime(her.dropOff, zone) } });
    if (her.children === 1) lines.push({ key: 'feed.childOne' });
    if (her.children > 1) lines.push({ key: 'feed.childMany', values: { children: String(her.children) } });
  }
  lines.push({ key: 'feed.slowRefresh' });
  return {
    uid: `session-${session.id}@trefpunt`,
    start: session.start,
    end: session.end,
    summary,
    description: texts.write(language, lines, '\n').text,
    location: `${location.name}, ${location.address}`,
    status: cancelled ? 'CANCELLED' : 'CONFIRMED',
  };
}

/**
 * A participant's feed, in her language: the sessions of her groups (the last eight weeks and all to come) and her
 * talks, with
 * her pickup time in the summary, her ride home and her children's care in the description. A session she
 * reported absence for stays, marked "Afgemeld"; a cancelled one stays with STATUS:CANCELLED.
 */
@Injectable()
export class ParticipantFeedService {
  constructor(
    private readonly participants: ParticipantsService,
    private readonly regions: RegionsService,
    private readonly groups: GroupsService,
    private readonly sessions: SessionsService,
    private readonly locations: LocationsScenarioService,
    private readonly routes: RoutesService,
    private readonly absences: AbsencesService,
    private readonly bookings: ChildcareBookingsService,
    private readonly texts: MessageTexts,
    private readonly talks: TalkFeedsService,
  ) {}

  async content(participantId: string, now: Date): Promise<FeedContent> {
    const participant = await this.participants.get(participantId);
    const { timezone: zone } = await this.regions.get(participant.regionId);
    const from = windowStart(now, zone).date;
    const locations = new Map(
      (await this.locations.exportLocations(participant.regionId)).map((location) => [location.id, location]),
    );
    const groups = await allPages((page) => this.groups.list({ participant: participantId, ...page }));
    const sessions: { session: Session; groupName: string }[] = [];
    for (const group of groups) {
      const own = await allPages((page) => this.sessions.list({ group: group.id, from, ...page }));
      sessions.push(...own.map((session) => ({ session, groupName: group.name })));
    }
    const ids = sessions.map(({ session }) => session.id);
    // Only her own rides, absences and bookings are read.
    const rides = await this.routes.ridesOf(participantId, ids);
    const absent = new Set((await this.absences.forSessions(ids, participantId)).map((a) => a.sessionId));
    const children = new Map<string, number>();
    for (const booking of await this.bookings.activeFor(ids, participantId)) {
      children.set(booking.sessionId, (children.get(booking.sessionId) ?? 0) + 1);
    }
    const talks = await this.talks.forParticipant(
      participant.regionId,
      participantId,
      windowStart(now, zone).instant,
    );
    const events = sessions.map(({ session, groupName }) =>
      participantEvent(
        {
          session,
          groupName,
          location: locations.get(session.locationId) ?? { name: '', address: '' },
          pickup: rides.get(`${session.id}|to`),
          dropOff: rides.get(`${session.id}|from`),
          absent: absent.has(session.id),
          children: children.get(session.id) ?? 0,
        },
        zone,
        this.texts,
        participant.language,
      ),
    );
    events.push(...talks.map((talk) => participantTalkEvent(talk, zone, this.texts, participant.language)));
    return {
      name: this.texts.line(participant.language, 'feed.name'),
      zone,
      events,
      read: [
        { recordType: 'participant', recordId: participantId, participantId, regionId: participant.regionId },
      ],
    };
  }
}
