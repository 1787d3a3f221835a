import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';
import { DateTime } from 'luxon';
import { Environment } from '../../../config/environment';
import { claimWork } from '../../common/database/claim-work';
import {
  PICKUPS_CHANGED,
  PickupsChanged,
  SESSIONS_CHANGED,
  SessionsChanged,
} from '../../common/events/sessions-changed.event';
import { REMINDERS_DUE, RemindersDue } from '../../common/events/reminders-due.event';
import { emitInOrder } from '../../common/events/emit-in-order';
import { AbsencesService } from '../attendance/absences.service';
import { ChildcareBookingsService } from '../childcare/childcare-bookings.service';
import { ChildcareScenarioService } from '../childcare/childcare-scenario.service';
import { LocationsScenarioService } from '../locations/locations-scenario.service';
import { NewMessage, OutboxService } from '../messages/outbox.service';
import { Participant } from '../participants/participant.entity';
import { ParticipantsScenarioService } from '../participants/participants-scenario.service';
import { GroupsService } from '../programmes/groups.service';
import { OnlinePeriodsService } from '../programmes/online-periods.service';
import { Session } from '../programmes/session.entity';
import { SessionsService } from '../programmes/sessions.service';
import { RegionsScenarioService } from '../regions/regions-scenario.service';
import { RoutesService } from '../routes/routes.service';
import { ConflictsService } from '../scheduling/conflicts.service';
import { TransportScenarioService } from '../transport/transport-scenario.service';
import { AbsenceLinksService } from './absence-links.service';
import { readyOn } from '../../planning/scheduling/rolling-start';
import { clockTime, instantToLocal } from '../../planning/time/wall-clock';
import { dayInWords, MessageTexts, TextPart } from './message-texts';
import { notBefore } from './quiet-hours';
import { recipientOf } from '../messages/recipient';

type Kind = 'reminder-evening' | 'reminder-morning' | 'change';

/**
 * A run as of an instant further back than this is catching up, not keeping time: the default timer's period
 * (TREFPUNT_REMINDERS_CRON). Only `POST /admin/reminders/run` with a past `at` can be that far back.
 */
const TIMER_PERIOD_MS = 5 * 60 * 1000;
const isBackfill = (at: Date, now: Date) => at.getTime() < now.getTime() - TIMER_PERIOD_MS;

/**
 * Writes the messages participants get: the evening before and the morning of each session, and at once when a
 * session moves or is cancelled or her pickup time changes. Each goes into the outbox in the transaction of its
 * cause, with a unique key, so that running the job again (or on two instances at once) adds nothing.
 */
@Injectable()
export class RemindersService {
  private readonly logger = new Logger(RemindersService.name);

  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly environment: Environment,
    private readonly texts: MessageTexts,
    private readonly regions: RegionsScenarioService,
    private readonly sessions: SessionsService,
    private readonly groups: GroupsService,
    private readonly online: OnlinePeriodsService,
    private readonly participants: ParticipantsScenarioService,
    private readonly locations: LocationsScenarioService,
    private readonly conflicts: ConflictsService,
    private readonly absences: AbsencesService,
    private readonly routes: RoutesService,
    private readonly fleet: TransportScenarioService,
    private readonly bookings: ChildcareBookingsService,
    private readonly careProviders: ChildcareScenarioService,
    private readonly links: AbsenceLinksService,
    private readonly outbox: OutboxService,
    private readonly events: EventEmitter2,
  ) {}

  /** The timed run (RemindersTimer): what is due now. */
  async tick(): Promise<{ enqueued: number; busyRegions: number }> {
    const { enqueued, busyRegions } = await this.run(new Date());
    if (enqueued > 0) this.logger.log({ enqueued }, 'reminders written');
    return { enqueued, busyRegions };
  }

  /**
   * The reminders due as of `at`: for sessions tomorrow once the evening time has passed, and for sessions later
   * today once the morning time has passed. A reminder already written is not written again.
   *
   * A run as of an instant more than one timer period before `now` is a back-fill: what was due then is written
   * as `backfilled` (kept as a record, never sent, and without an absence link, which would act for her), so that
   * catching up after an outage does not message every woman at once about days gone by. `send` writes them to be
   * sent all the same.
   */
  @Transactional()
  async run(
    at: Date,
    options: { now?: Date; send?: boolean } = {},
  ): Promise<{ sessions: number; enqueued: number; busyRegions: number; backfilled: boolean }> {
    const backfilled = !options.send && isBackfill(at, options.now ?? new Date());
    let sessions = 0;
    let enqueued = 0;
    let busyRegions = 0;
    for (const regionId of await this.regions.allIds()) {
      // The timer's run is one job on one instance, but POST /admin/reminders/run may race it (and a slow run may
      // still hold a region when the next period's starts): each region's reminders are written by one run at a
      // time, and a region held elsewhere is left to that run.
      if (!(await claimWork(this.txHost.tx, 'reminders', regionId))) {
        busyRegions += 1;
        continue;
      }
      const { timezone: zone } = await this.regions.exportRegion(regionId);
      const local = DateTime.fromJSDate(at, { zone });
      const time = local.toFormat('HH:mm');
      const due = (
        await this.sessions.inRange(
          regionId,
          local.startOf('day').toJSDate(),
          local.startOf('day').plus({ days: 2 }).toJSDate(),
        )
      ).filter((session) => session.status === 'planned' && session.start > at);
      const kinds = new Map<string, Kind>();
      for (const session of due) {
        const date = DateTime.fromJSDate(session.start, { zone }).toISODate();
        if (date === local.toISODate() && time >= this.environment.TREFPUNT_REMINDER_MORNING_AT) {
          kinds.set(session.id, 'reminder-morning');
        } else if (
          date === local.plus({ days: 1 }).toISODate() &&
          time >= this.environment.TREFPUNT_REMINDER_EVENING_AT
        ) {
          kinds.set(session.id, 'reminder-evening');
        }
      }
      // Talks follow the same rule, written by their module under this region's claim.
      const others = new RemindersDue(regionId, zone, at, backfilled);
      await emitInOrder(this.events, REMINDERS_DUE, others);
      enqueued += others.written.count;
      const chosen = due.filter((session) => kinds.has(session.id));
      sessions += chosen.length;
      if (chosen.length > 0) {
        enqueued += await this.write(
          regionId,
          zone,
          chosen,
          at,
          (session) => ({
            kind: kinds.get(session.id)!,
            version: session.start.toISOString(),
            first: {
              key: kinds.get(session.id) === 'reminder-morning' ? 'reminder.morning' : 'reminder.evening',
            },
          }),
          { includeAbsentLink: !backfilled, withDetails: true, backfill: backfilled },
        );
      }
    }
    return { sessions, enqueued, busyRegions, backfilled };
  }

  /** A session moved or was cancelled by hand: its members are told at once. */
  @OnEvent(SESSIONS_CHANGED, { promisify: true, suppressErrors: false })
  async onSessionsChanged(event: SessionsChanged): Promise<void> {
    if (event.programmeId || !event.before || event.sessionIds.length !== 1) return;
    const session = await this.sessions.get(event.sessionIds[0]);
    const before = event.before;
    if (before.start < event.now && session.start < event.now) return;
    const cancelled = session.status === 'cancelled' && before.status !== 'cancelled';
    const moved =
      session.status === 'planned' &&
      (session.start.getTime() !== before.start.getTime() || session.locationId !== before.locationId);
    if (!cancelled && !moved) return;
    const { timezone: zone } = await this.regions.exportRegion(session.regionId);
    await this.write(
      session.regionId,
      zone,
      [session],
      event.now,
      () => ({
        kind: 'change',
        version: cancelled
          ? `cancelled:${before.start.toISOString()}`
          : `moved:${session.start.toISOString()}:${session.locationId}`,
        first: cancelled
          ? { key: 'change.cancelled', at: before.start }
          : {
              key: 'change.moved',
              extra: { oldDay: (language: string) => dayInWords(before.start, zone, language) },
            },
      }),
      // Without the pickup: the rides are re-planned after this, and a moved pickup gets its own message.
      { includeAbsentLink: !cancelled, withDetails: false, toEveryMember: true },
    );
  }

  /** A re-plan moved her pickup noticeably: she is told at once. */
  @OnEvent(PICKUPS_CHANGED, { promisify: true, suppressErrors: false })
  async onPickupsChanged(event: PickupsChanged): Promise<void> {
    const now = new Date();
    const outbound = event.changes.filter((change) => change.direction === 'to' && change.after > now);
    if (outbound.length === 0) return;
    // One re-plan, one region: what the messages need is loaded once.
    const sessions = new Map(
      (await this.sessions.getMany([...new Set(outbound.map((change) => change.sessionId))])).map((s) => [
        s.id,
        s,
      ]),
    );
    const regionId = [...sessions.values()][0].regionId;
    const { timezone: zone } = await this.regions.exportRegion(regionId);
    const vehicles = new Map((await this.fleet.exportVehicles(regionId)).map((v) => [v.id, v.name]));
    const people = new Map((await this.participants.exportParticipants(regionId)).map((p) => [p.id, p]));
    await this.outbox.enqueue(
      outbound.flatMap((change) => {
        const person = people.get(change.participantId);
        const session = sessions.get(change.sessionId)!;
        if (!person) return [];
        const message = this.texts.write(person.language, [
          {
            key: 'change.pickup',
            values: {
              day: (language) => dayInWords(session.start, zone, language),
              vehicle: vehicles.get(change.vehicleId) ?? '',
              pickupTime: clockTime(change.after, zone),
              oldPickupTime: clockTime(change.before, zone),
            },
          },
        ]);
        return this.message(
          person,
          session,
          'change',
          `pickup:${change.after.toISOString()}`,
          message,
          now,
          zone,
        );
      }),
    );
  }

  /** Writes one message per expected member of each session; answers how many were new. */
  private async write(
    regionId: string,
    zone: string,
    sessions: Session[],
    at: Date,
    shape: (session: Session) => {
      kind: Kind;
      version: string;
      first: { key: string; at?: Date; extra?: Record<string, (language: string) => string> };
    },
    options: {
      includeAbsentLink?: boolean;
      withDetails?: boolean;
      toEveryMember?: boolean;
      backfill?: boolean;
    },
  ): Promise<number> {
    const ids = sessions.map((session) => session.id);
    // Reminders go to who is expected; news of a moved or cancelled session to every member who has not said she
    // will not come (a lesson that clashes now may be moved, and she should know the new time).
    const conflicts = options.toEveryMember ? [] : await this.conflicts.forSessions(ids);
    const away = new Set(
      [...conflicts, ...(await this.absences.forSessions(ids))].map(
        (row) => `${row.participantId}|${row.sessionId}`,
      ),
    );
    // What was written before is not composed again: the job runs every five minutes, mostly to find nothing new.
    const written = await this.outbox.writtenKeys(
      [...new Set(sessions.map((session) => shape(session).kind))],
      ids,
    );
    const members = await this.groups.membersOf(sessions.map((session) => session.groupId));
    const due = sessions.flatMap((session) => {
      const { kind, version } = shape(session);
      return members
        .get(session.groupId)!
        .filter((participantId) => {
          const key = `${participantId}|${session.id}`;
          return !away.has(key) && !written.has(`${key}|${kind}|${version}`);
        })
        .map((participantId) => ({ session, participantId }));
    });
    if (due.length === 0) return 0;

    const people = new Map((await this.participants.exportParticipants(regionId)).map((p) => [p.id, p]));
    const locations = new Map((await this.locations.exportLocations(regionId)).map((l) => [l.id, l]));
    const vehicles = new Map((await this.fleet.exportVehicles(regionId)).map((v) => [v.id, v.name]));
    const careNames = new Map(
      (await this.careProviders.exportProviders(regionId)).map((p) => [p.id, p.name]),
    );
    const pickups = new Map<string, { time: Date; vehicleId: string }>();
    for (const route of await this.routes.forSessions(ids, 'to')) {
      for (const stop of route.stops) {
        pickups.set(`${stop.participantId}|${route.sessionId}`, {
          time: stop.time,
          vehicleId: route.vehicleId,
        });
      }
    }
    // Collected women for whom the plan found no ride there: they are told, not left waiting at the door.
    const withoutRide = new Set(
      (await this.routes.unroutedFor(ids))
        .filter((row) => row.direction === 'to')
        .map((row) => `${row.participantId}|${row.sessionId}`),
    );
    const bookings = await this.bookings.activeFor(ids);
    // Mothers with a child the plan found no place for (not because she has no ride or cannot come: that is said
    // otherwise, or she is not expected), and none booked since: told before they come, not at the door.
    const withoutCare = await this.bookings.withoutCareFor(ids, bookings);
    const care = new Map<string, Set<string>>();
    for (const booking of bookings) {
      const key = `${booking.participantId}|${booking.sessionId}`;
      care.set(key, (care.get(key) ?? new Set()).add(careNames.get(booking.providerId) ?? ''));
    }

    const online = await this.online.onlineIn(sessions);
    const messages: NewMessage[] = [];
    for (const { session, participantId } of due) {
      const { kind, version, first } = shape(session);
      const person = people.get(participantId);
      // A session before the day she is ready is not hers (a group that started before she could join it).
      if (!person || !readyOn(person, instantToLocal(session.start, zone).date)) continue;
      const location = locations.get(session.locationId)!;
      const when = first.at ?? session.start;
      const key = `${participantId}|${session.id}`;
      const pickup = pickups.get(key);
      const parts: TextPart[] = [
        {
          key: first.key,
          values: {
            day: (language) => dayInWords(when, zone, language),
            time: clockTime(when, zone),
            place: location.name,
            address: location.address,
            ...first.extra,
          },
        },
      ];
      // From home: the link and the online length instead of the place, and no ride or care to tell of.
      const period = online.get(session.id)?.get(participantId);
      if (period && kind !== 'change') {
        parts[0] = {
          key: kind === 'reminder-morning' ? 'online.reminderMorning' : 'online.reminderEvening',
          values: { ...parts[0].values, link: period.videoUrl, minutes: String(period.durationMinutes) },
        };
      }
      if (options.withDetails && pickup && !period) {
        parts.push({
          key: 'pickup',
          values: { vehicle: vehicles.get(pickup.vehicleId) ?? '', pickupTime: clockTime(pickup.time, zone) },
        });
      }
      if (options.withDetails && !pickup && person.transport === 'pickup' && withoutRide.has(key)) {
        parts.push({ key: 'noRide' });
      }
      if (options.withDetails && withoutCare.has(key) && !period) parts.push({ key: 'noCare' });
      if (options.withDetails && care.has(key) && !period) {
        parts.push({ key: 'care', values: { care: [...care.get(key)!].join(', ') } });
      }
      if (options.includeAbsentLink) {
        parts.push({ key: 'absence', values: { link: await this.links.linkFor(participantId, session.id) } });
      }
      messages.push(
        ...this.message(person, session, kind, version, this.texts.write(person.language, parts), at, zone),
      );
    }
    return this.outbox.enqueue(messages, { backfill: options.backfill });
  }

  private message(
    person: Participant,
    session: Session,
    kind: Kind,
    version: string,
    text: { language: string; text: string },
    at: Date,
    zone: string,
  ): NewMessage[] {
    const to = recipientOf(person);
    if (!to) return [];
    const { channel, recipient } = to;
    return [
      {
        regionId: session.regionId,
        participantId: person.id,
        sessionId: session.id,
        kind,
        version,
        channel,
        language: text.language,
        recipient,
        // In the languages of the body: a language without templates gets Dutch and English here too.
        subject:
          channel === 'email'
            ? this.texts.line(person.language, 'subject', {
                day: (language) => dayInWords(session.start, zone, language),
              })
            : undefined,
        body: text.text,
        notBefore: notBefore(at, zone, this.environment.TREFPUNT_QUIET_HOURS),
      },
    ];
  }
}
