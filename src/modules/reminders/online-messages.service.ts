import { Injectable } from '@nestjs/common';
import { Environment } from '../../../config/environment';
import { OnlineRange } from '../../planning/scheduling/online-periods';
import { localToInstant } from '../../planning/time/wall-clock';
import { LocationsScenarioService } from '../locations/locations-scenario.service';
import { NewMessage, OutboxService } from '../messages/outbox.service';
import { ParticipantsScenarioService } from '../participants/participants-scenario.service';
import { Session } from '../programmes/session.entity';
import { RegionsScenarioService } from '../regions/regions-scenario.service';
import { dayInWords, MessageTexts } from './message-texts';
import { notBefore } from './quiet-hours';
import { recipientOf } from '../messages/recipient';

/**
 * Tells the women concerned, in their language, that their sessions of a date range are online (the link, the
 * length, no ride and no care) or back at their place. One message each per switch, written to the outbox in the
 * transaction of the switch.
 */
@Injectable()
export class OnlineMessagesService {
  constructor(
    private readonly environment: Environment,
    private readonly texts: MessageTexts,
    private readonly regions: RegionsScenarioService,
    private readonly participants: ParticipantsScenarioService,
    private readonly locations: LocationsScenarioService,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * `members`: per session of the range, the members it concerns. Answers how many messages were new; each woman
   * is told once per switch, whatever the number of her sessions.
   */
  async tell(
    switched: 'online' | 'physical',
    range: OnlineRange,
    regionId: string,
    sessions: Session[],
    members: Map<string, string[]>,
    now: Date,
  ): Promise<number> {
    const firstSession = new Map<string, Session>();
    for (const session of sessions)
      for (const participantId of members.get(session.id) ?? [])
        if (!firstSession.has(participantId)) firstSession.set(participantId, session);
    if (firstSession.size === 0) return 0;
    const { timezone: zone } = await this.regions.exportRegion(regionId);
    const people = new Map((await this.participants.exportParticipants(regionId)).map((p) => [p.id, p]));
    const places = new Map((await this.locations.exportLocations(regionId)).map((l) => [l.id, l.name]));
    // Midday: a date of the range in words, whatever the offset that day.
    const day = (date: string) => (language: string) =>
      dayInWords(localToInstant(date, '12:00', zone), zone, language);
    const messages: NewMessage[] = [];
    for (const [participantId, session] of firstSession) {
      const person = people.get(participantId);
      const to = person && recipientOf(person);
      if (!person || !to) continue;
      const { channel, recipient } = to;
      const text = this.texts.write(person.language, [
        {
          key: switched === 'online' ? 'online.switched' : 'online.back',
          values: {
            from: day(range.from),
            to: day(range.to),
            link: range.videoUrl,
            minutes: String(range.durationMinutes),
            place: places.get(session.locationId) ?? '',
          },
        },
      ]);
      messages.push({
        regionId,
        participantId,
        sessionId: null,
        kind: 'change',
        version: `${switched}:${range.id}`,
        channel,
        language: text.language,
        recipient,
        subject:
          channel === 'email'
            ? this.texts.line(person.language, 'subject', { day: day(range.from) })
            : undefined,
        body: text.text,
        notBefore: notBefore(now, zone, this.environment.TREFPUNT_QUIET_HOURS),
      });
    }
    return this.outbox.enqueue(messages);
  }
}
