import { Injectable } from '@nestjs/common';
import { Environment } from '../../../config/environment';
import { LocationsScenarioService } from '../locations/locations-scenario.service';
import { NewMessage, OutboxService } from '../messages/outbox.service';
import { ParticipantsScenarioService } from '../participants/participants-scenario.service';
import { GroupsService } from '../programmes/groups.service';
import { Session } from '../programmes/session.entity';
import { RegionsScenarioService } from '../regions/regions-scenario.service';
import { readyOn } from '../../planning/scheduling/rolling-start';
import { clockTime, instantToLocal } from '../../planning/time/wall-clock';
import { dayInWords, MessageTexts } from './message-texts';
import { notBefore } from './quiet-hours';
import { recipientOf } from '../messages/recipient';

/**
 * Tells every member of a session's group, in her language, that it has become an outing (the places in order,
 * where to be first and when) or is back at its usual place. Written to the outbox in the transaction of the change;
 * a moved pickup gets its own message from the re-plan of the rides.
 */
@Injectable()
export class OutingMessagesService {
  constructor(
    private readonly environment: Environment,
    private readonly texts: MessageTexts,
    private readonly regions: RegionsScenarioService,
    private readonly participants: ParticipantsScenarioService,
    private readonly locations: LocationsScenarioService,
    private readonly groups: GroupsService,
    private readonly outbox: OutboxService,
  ) {}

  /** `placeIds`: the outing's places in order, or the usual location alone when it is back. Answers how many were new. */
  async tell(session: Session, switched: 'outing' | 'back', placeIds: string[], now: Date): Promise<number> {
    const { timezone: zone } = await this.regions.exportRegion(session.regionId);
    const members = (await this.groups.membersOf([session.groupId])).get(session.groupId) ?? [];
    const people = new Map(
      (await this.participants.exportParticipants(session.regionId)).map((p) => [p.id, p]),
    );
    const locations = new Map((await this.locations.exportLocations(session.regionId)).map((l) => [l.id, l]));
    const places = placeIds.map((id) => locations.get(id)!);
    const day = (language: string) => dayInWords(session.start, zone, language);
    const messages: NewMessage[] = [];
    for (const participantId of members) {
      const person = people.get(participantId);
      const to = person && recipientOf(person);
      // A session before the day she is ready is not hers.
      if (!person || !to || !readyOn(person, instantToLocal(session.start, zone).date)) continue;
      const text = this.texts.write(person.language, [
        {
          key: switched === 'outing' ? 'outing.set' : 'outing.back',
          values: {
            day,
            time: clockTime(session.start, zone),
            places: places.map((place) => place.name).join(' → '),
            place: places[0].name,
            address: places[0].address,
          },
        },
      ]);
      messages.push({
        regionId: session.regionId,
        participantId,
        sessionId: session.id,
        kind: 'change',
        version: `${switched}:${placeIds.join(',')}:${now.toISOString()}`,
        ...to,
        language: text.language,
        subject: to.channel === 'email' ? this.texts.line(person.language, 'subject', { day }) : undefined,
        body: text.text,
        notBefore: notBefore(now, zone, this.environment.TREFPUNT_QUIET_HOURS),
      });
    }
    return this.outbox.enqueue(messages);
  }
}
