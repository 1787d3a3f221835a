import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { DateTime } from 'luxon';
import { And, LessThan, MoreThan } from 'typeorm';
import { Environment } from '../../../config/environment';
import { REMINDERS_DUE, RemindersDue } from '../../common/events/reminders-due.event';
import { clockTime } from '../../planning/time/wall-clock';
import { LocationsScenarioService } from '../locations/locations-scenario.service';
import { NewMessage, OutboxService } from '../messages/outbox.service';
import { Participant } from '../participants/participant.entity';
import { ParticipantsScenarioService } from '../participants/participants-scenario.service';
import { dayInWords, MessageTexts, TextValues } from '../reminders/message-texts';
import { notBefore } from '../reminders/quiet-hours';
import { StaffScenarioService } from '../staff/staff-scenario.service';
import { TalkOccurrence } from './talk-occurrence.entity';
import { staffOf } from './talk-planning.service';
import { TalkSeries } from './talk-series.entity';
import { recipientOf } from '../messages/recipient';

type TalkMessageKind = 'talk-reminder-evening' | 'talk-reminder-morning' | 'talk-change';

/** Who she meets and where, as the values of her messages and her calendar: names, and the place in her words. */
export interface TalkWords {
  who: string;
  where: (language: string) => string;
  /** For a calendar's LOCATION. */
  place: string;
}

/**
 * Her talks' messages: a reminder the evening before and the morning of each talk (as for sessions, in the run of
 * the reminder job), and a message at once when a talk moves. Written to the outbox, once per talk and time.
 */
@Injectable()
export class TalkMessagesService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly environment: Environment,
    private readonly texts: MessageTexts,
    private readonly outbox: OutboxService,
    private readonly participants: ParticipantsScenarioService,
    private readonly locations: LocationsScenarioService,
    private readonly staff: StaffScenarioService,
  ) {}

  @OnEvent(REMINDERS_DUE, { promisify: true, suppressErrors: false })
  async onRemindersDue(event: RemindersDue): Promise<void> {
    const { regionId, zone, at } = event;
    const local = DateTime.fromJSDate(at, { zone });
    const time = local.toFormat('HH:mm');
    const talks = await this.txHost.tx.getRepository(TalkOccurrence).find({
      where: {
        regionId,
        status: 'planned',
        start: And(MoreThan(at), LessThan(local.startOf('day').plus({ days: 2 }).toJSDate())),
      },
      relations: { series: true },
      order: { start: 'ASC', id: 'ASC' },
    });
    const due = talks.flatMap((talk): { talk: TalkOccurrence; kind: TalkMessageKind }[] => {
      const date = DateTime.fromJSDate(talk.start!, { zone }).toISODate();
      if (date === local.toISODate() && time >= this.environment.TREFPUNT_REMINDER_MORNING_AT) {
        return [{ talk, kind: 'talk-reminder-morning' }];
      }
      if (
        date === local.plus({ days: 1 }).toISODate() &&
        time >= this.environment.TREFPUNT_REMINDER_EVENING_AT
      ) {
        return [{ talk, kind: 'talk-reminder-evening' }];
      }
      return [];
    });
    if (due.length === 0) return;
    const words = await this.wordsFor(regionId);
    const people = await this.peopleOf(
      regionId,
      due.map(({ talk }) => talk.participantId),
    );
    const messages = due.flatMap(({ talk, kind }) =>
      this.message(people.get(talk.participantId), talk, kind, words(talk.series, talk), at, zone),
    );
    event.written.count += await this.outbox.enqueue(messages, { backfill: event.backfill });
  }

  /** These talks moved (to a new time, or off the plan): she is told at once of each new time. */
  async moved(regionId: string, zone: string, talks: TalkOccurrence[], now: Date): Promise<number> {
    const upcoming = talks.filter((talk) => talk.status === 'planned' && talk.start! > now);
    if (upcoming.length === 0) return 0;
    const words = await this.wordsFor(regionId);
    const people = await this.peopleOf(
      regionId,
      upcoming.map((talk) => talk.participantId),
    );
    return this.outbox.enqueue(
      upcoming.flatMap((talk) =>
        this.message(
          people.get(talk.participantId),
          talk,
          'talk-change',
          words(talk.series, talk),
          now,
          zone,
        ),
      ),
    );
  }

  /** How her messages and her calendar name a talk's people and place. */
  async wordsFor(regionId: string): Promise<(series: TalkSeries, talk: TalkOccurrence) => TalkWords> {
    const names = new Map(
      [
        ...(await this.staff.exportTrainers(regionId)),
        ...(await this.staff.exportStaffMembers(regionId)),
      ].map((person) => [person.id, person.name]),
    );
    const locations = new Map((await this.locations.exportLocations(regionId)).map((l) => [l.id, l]));
    return (series, talk) => {
      const who = staffOf(series)
        .map((id) => names.get(id) ?? '')
        .filter(Boolean)
        .join(', ');
      const location = talk.locationId ? locations.get(talk.locationId) : undefined;
      if (location) {
        const values = { place: location.name, address: location.address };
        return {
          who,
          where: (language) => this.texts.text(language, 'talk.at', values),
          place: `${location.name}, ${location.address}`,
        };
      }
      const key = series.place === 'home' ? 'talk.home' : 'talk.online';
      return { who, where: (language) => this.texts.text(language, key), place: this.texts.text('nl', key) };
    };
  }

  private async peopleOf(regionId: string, ids: string[]): Promise<Map<string, Participant>> {
    return new Map((await this.participants.participantsOf(regionId, ids)).map((p) => [p.id, p]));
  }

  private message(
    person: Participant | undefined,
    talk: TalkOccurrence,
    kind: TalkMessageKind,
    words: TalkWords,
    at: Date,
    zone: string,
  ): NewMessage[] {
    if (!person) return [];
    const to = recipientOf(person);
    if (!to) return [];
    const { channel, recipient } = to;
    const values: TextValues = {
      day: (language) => dayInWords(talk.start!, zone, language),
      time: clockTime(talk.start!, zone),
      who: words.who,
      where: words.where,
    };
    const key =
      kind === 'talk-change'
        ? 'talk.moved'
        : kind === 'talk-reminder-morning'
          ? 'talk.morning'
          : 'talk.evening';
    const text = this.texts.write(person.language, [{ key, values }]);
    return [
      {
        regionId: talk.regionId,
        participantId: person.id,
        sessionId: null,
        kind,
        // One message per talk and time: a talk moved again is reminded of again.
        version: `${talk.id}@${talk.start!.toISOString()}`,
        channel,
        language: text.language,
        recipient,
        subject:
          channel === 'email'
            ? this.texts.line(person.language, 'subject', {
                day: (language) => dayInWords(talk.start!, zone, language),
              })
            : undefined,
        body: text.text,
        notBefore: notBefore(at, zone, this.environment.TREFPUNT_QUIET_HOURS),
      },
    ];
  }
}
