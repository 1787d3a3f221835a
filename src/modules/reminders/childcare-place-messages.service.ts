import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { Environment } from '../../../config/environment';
import {
  CHILDCARE_PLACES_FOUND,
  ChildcarePlacesFound,
} from '../../common/events/childcare-places-found.event';
import { clockTime } from '../../planning/time/wall-clock';
import { ChildcareScenarioService } from '../childcare/childcare-scenario.service';
import { NewMessage, OutboxService } from '../messages/outbox.service';
import { ParticipantsScenarioService } from '../participants/participants-scenario.service';
import { RegionsScenarioService } from '../regions/regions-scenario.service';
import { dayInWords, MessageTexts } from './message-texts';
import { recipientOf } from '../messages/recipient';
import { notBefore } from './quiet-hours';

/** The outbox kind of the message that a waiting child has a care place now. */
export const PLACE_FOUND_KIND = 'childcare-place-found';

/**
 * Tells a mother whose waiting children got care places, in her language: the day, the provider and the time to
 * bring and fetch them. Written to the outbox in the transaction of the booking; one message per booking made
 * (its ids are the version), so a place lost and found again is told again.
 */
@Injectable()
export class ChildcarePlaceMessagesService {
  constructor(
    private readonly environment: Environment,
    private readonly texts: MessageTexts,
    private readonly regions: RegionsScenarioService,
    private readonly participants: ParticipantsScenarioService,
    private readonly providers: ChildcareScenarioService,
    private readonly outbox: OutboxService,
  ) {}

  @OnEvent(CHILDCARE_PLACES_FOUND, { promisify: true, suppressErrors: false })
  async onPlacesFound(event: ChildcarePlacesFound): Promise<void> {
    const messages: NewMessage[] = [];
    for (const regionId of new Set(event.places.map((place) => place.regionId))) {
      const { timezone: zone } = await this.regions.exportRegion(regionId);
      const mine = event.places.filter((found) => found.regionId === regionId);
      const mothers = await this.participants.participantsOf(
        regionId,
        mine.map((place) => place.participantId),
      );
      const people = new Map(mothers.map((p) => [p.id, p]));
      const names = new Map((await this.providers.exportProviders(regionId)).map((p) => [p.id, p.name]));
      const now = new Date();
      for (const place of mine) {
        const person = people.get(place.participantId);
        const to = person && recipientOf(person);
        if (!person || !to) continue;
        const from = new Date(Math.min(...place.bookings.map((booking) => booking.from.getTime())));
        const until = new Date(Math.max(...place.bookings.map((booking) => booking.to.getTime())));
        const day = (language: string) => dayInWords(from, zone, language);
        const text = this.texts.write(person.language, [
          {
            key: place.bookings.length === 1 ? 'placeFound.one' : 'placeFound.many',
            values: {
              day,
              provider: [...new Set(place.bookings.map((b) => names.get(b.providerId) ?? ''))].join(', '),
              from: clockTime(from, zone),
              to: clockTime(until, zone),
              children: String(place.bookings.length),
            },
          },
        ]);
        messages.push({
          regionId,
          participantId: place.participantId,
          sessionId: place.sessionId,
          kind: PLACE_FOUND_KIND,
          version: place.bookings
            .map((booking) => booking.id)
            .sort()
            .join(','),
          ...to,
          language: text.language,
          subject: to.channel === 'email' ? this.texts.line(person.language, 'subject', { day }) : undefined,
          body: text.text,
          notBefore: notBefore(now, zone, this.environment.TREFPUNT_QUIET_HOURS),
        });
      }
    }
    await this.outbox.enqueue(messages);
  }
}
