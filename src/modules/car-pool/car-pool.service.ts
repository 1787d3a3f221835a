import { Transactional } from '@nestjs-cls/transactional';
import { ConflictException, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { notFound } from '../../common/errors/not-found';
import {
  CarPoolDriver,
  CarPoolRider,
  DEFAULT_CAR_POOL_RULES,
  proposeCarPools,
} from '../../planning/transport/car-pool';
import type { CarPoolRules } from '../../planning/transport/car-pool';
import { rideLimit } from '../../planning/transport/ride-rules';
import { readyOn } from '../../planning/scheduling/rolling-start';
import { instantToLocal } from '../../planning/time/wall-clock';
import { Position } from '../../planning/travel/offline-travel';
import { AbsencesService } from '../attendance/absences.service';
import { ChildcareBookingsService } from '../childcare/childcare-bookings.service';
import { ChildcarePlanningService } from '../childcare/childcare-planning.service';
import { ChildcareScenarioService } from '../childcare/childcare-scenario.service';
import { LocationsScenarioService } from '../locations/locations-scenario.service';
import { Participant } from '../participants/participant.entity';
import { ParticipantsScenarioService } from '../participants/participants-scenario.service';
import { ParticipantsService } from '../participants/participants.service';
import { GroupsService } from '../programmes/groups.service';
import { OnlinePeriodsService } from '../programmes/online-periods.service';
import { ProgrammesService } from '../programmes/programmes.service';
import { Session } from '../programmes/session.entity';
import { SessionsService } from '../programmes/sessions.service';
import { RegionsScenarioService } from '../regions/regions-scenario.service';
import { RoutePlanningService } from '../routes/route-planning.service';
import { RoutesService } from '../routes/routes.service';
import { ConflictsService } from '../scheduling/conflicts.service';
import { TravelTimesService } from '../travel/travel-times.service';
import { CarPoolOffer } from './car-pool-offer.entity';
import { CarPoolMessagesService, CarPoolNotice, firstName } from './car-pool-messages.service';
import { CarPoolOffersService, NewCarPoolOffer, STANDING } from './car-pool-offers.service';
import { ofCareAge } from '../../planning/childcare/need';

/**
 * Car-pooling among the women of a programme: proposes who could ride with a woman who drives herself, offers it
 * to her, and on her yes takes the passenger out of the vehicle routes of those sessions (the routes are
 * re-planned as little as possible), telling both women in their language.
 */
@Injectable()
export class CarPoolService {
  constructor(
    private readonly offers: CarPoolOffersService,
    private readonly programmes: ProgrammesService,
    private readonly sessions: SessionsService,
    private readonly groups: GroupsService,
    private readonly online: OnlinePeriodsService,
    private readonly regions: RegionsScenarioService,
    private readonly locations: LocationsScenarioService,
    private readonly people: ParticipantsScenarioService,
    private readonly participants: ParticipantsService,
    private readonly conflicts: ConflictsService,
    private readonly absences: AbsencesService,
    private readonly bookings: ChildcareBookingsService,
    private readonly careProviders: ChildcareScenarioService,
    private readonly childcare: ChildcarePlanningService,
    private readonly routes: RoutesService,
    private readonly routePlanning: RoutePlanningService,
    private readonly travel: TravelTimesService,
    private readonly messages: CarPoolMessagesService,
  ) {}

  /**
   * New offers for the programme's planned sessions from `now` on: per pair of women, the sessions where the
   * passenger lies on the driver's way. Pairs with a standing offer are left as they are; a passenger already
   * offered a car for a session, and seats already offered, are not offered twice.
   */
  @Transactional()
  async propose(
    programmeId: string,
    now: Date,
    rules: CarPoolRules = DEFAULT_CAR_POOL_RULES,
  ): Promise<{ sessions: Session[]; offers: CarPoolOffer[]; told: number }> {
    const { regionId } = await this.programmes.get(programmeId);
    const sessions = (await this.sessions.plannedOfProgramme(programmeId, now)).sort(byStart);
    if (sessions.length === 0) return { sessions, offers: [], told: 0 };
    const region = await this.regions.exportRegion(regionId);
    const people = new Map((await this.people.exportParticipants(regionId)).map((p) => [p.id, p]));
    const refOf = (id: string) => people.get(id)?.ref ?? id;
    const idOfRef = new Map([...people.values()].map((p) => [p.ref ?? p.id, p.id]));
    const locations = new Map((await this.locations.exportLocations(regionId)).map((l) => [l.id, l]));
    const ids = sessions.map((session) => session.id);
    const away = await this.awayIn(sessions);
    const riding = await this.childrenRidingAlong(sessions, regionId, region.timezone);
    const routed = new Set(
      (await this.routes.forSessions(ids, 'to')).flatMap((route) =>
        route.stops.map((stop) => `${stop.participantId}|${route.sessionId}`),
      ),
    );
    const standing = await this.offers.ofProgramme(programmeId, STANDING);
    const notTogether = new Set(standing.map((o) => `${refOf(o.driverId)}|${refOf(o.passengerId)}`));
    const seatsTaken = new Map<string, number>();
    const offered = new Set<string>();
    for (const offer of standing.filter((o) => o.status !== 'declined'))
      for (const { sessionId } of offer.sessions) {
        const key = `${offer.driverId}|${sessionId}`;
        seatsTaken.set(key, (seatsTaken.get(key) ?? 0) + 1 + offer.children);
        offered.add(`${offer.passengerId}|${sessionId}`);
      }

    const members = await this.groups.membersOf(sessions.map((session) => session.groupId));
    // A coordinator limited to some municipalities pairs the women of those only.
    const reachable = await this.participants.reachableIds([...people.keys()]);
    // A session before her ready date (rolling start) is not hers: she neither drives nor rides to it.
    const dateOf = new Map(
      sessions.map((session) => [session.id, instantToLocal(session.start, region.timezone).date]),
    );
    const homes = (session: Session) =>
      (members.get(session.groupId) ?? [])
        .map((id) => people.get(id))
        .filter(
          (p): p is Participant =>
            p?.position?.lat != null &&
            reachable.has(p.id) &&
            !away.has(`${p.id}|${session.id}`) &&
            readyOn(p, dateOf.get(session.id)!),
        );
    const places: Position[] = [
      ...sessions.map((session) => locations.get(session.locationId)!.position),
      ...sessions.flatMap((session) => homes(session).map((p) => p.position as Position)),
    ];
    const minutes = await this.travel.minutesLookup(
      [[places, places]],
      DateTime.fromJSDate(sessions[0].start, { zone: region.timezone }),
    );

    const pairs = new Map<string, NewCarPoolOffer>();
    for (const session of sessions) {
      const location = locations.get(session.locationId)!.position;
      const here = homes(session);
      const drivers: CarPoolDriver[] = here
        .filter((p) => p.transport === 'own' && p.carSeatsOffered > 0)
        .map((p) => ({
          id: refOf(p.id),
          home: p.position as Position,
          seats: p.carSeatsOffered - (seatsTaken.get(`${p.id}|${session.id}`) ?? 0),
        }));
      const riders: CarPoolRider[] = here
        .filter((p) => p.transport === 'pickup' && !offered.has(`${p.id}|${session.id}`))
        .map((p) => ({
          id: refOf(p.id),
          home: p.position as Position,
          children: riding.get(`${p.id}|${session.id}`) ?? 0,
          routed: routed.has(`${p.id}|${session.id}`),
          maxRideMinutes: rideLimit(region.policy, minutes(p.position as Position, location)),
        }));
      if (drivers.length === 0 || riders.length === 0) continue;
      for (const proposal of proposeCarPools({ location, drivers, riders, minutes, notTogether, rules })) {
        const driverId = idOfRef.get(proposal.driverId)!;
        for (const riderRef of proposal.riderIds) {
          const passengerId = idOfRef.get(riderRef)!;
          const key = `${proposal.driverId}|${riderRef}`;
          const pair = pairs.get(key) ?? {
            regionId,
            programmeId,
            driverId,
            passengerId,
            children: 0,
            sessionIds: [],
          };
          pair.sessionIds.push(session.id);
          pair.children = Math.max(pair.children, riding.get(`${passengerId}|${session.id}`) ?? 0);
          pairs.set(key, pair);
        }
      }
    }
    const created = await this.offers.create([...pairs.keys()].sort().map((key) => pairs.get(key)!));
    const startOf = new Map(sessions.map((session) => [session.id, session]));
    const told = await this.messages.tell(
      regionId,
      region.timezone,
      created.map((offer): CarPoolNotice => {
        const first = this.firstSession(offer, startOf);
        return {
          to: people.get(offer.driverId)!,
          message: 'offer',
          offerId: offer.id,
          firstStart: first.start,
          values: {
            passenger: firstName(people.get(offer.passengerId)!),
            place: locations.get(first.locationId)?.name ?? '',
            count: String(offer.sessions.length),
          },
        };
      }),
      now,
    );
    return { sessions, offers: created, told };
  }

  /** The offers of a programme, those about women out of the caller's reach counted apart. */
  async list(
    programmeId: string,
  ): Promise<{ items: CarPoolOffer[]; hidden: number; order: Map<string, number> }> {
    await this.programmes.get(programmeId);
    const all = await this.offers.ofProgramme(programmeId);
    const reachable = await this.participants.reachableIds(all.flatMap((o) => [o.driverId, o.passengerId]));
    const items = all.filter((o) => reachable.has(o.driverId) && reachable.has(o.passengerId));
    return { items, hidden: all.length - items.length, order: await this.sessionOrder(items) };
  }

  /** Her offers, as the driver (offered or accepted) or as the passenger (accepted). */
  async mine(
    participantId: string,
  ): Promise<{ offers: CarPoolOffer[]; people: Map<string, Participant>; sessions: Map<string, Session> }> {
    const offers = (await this.offers.ofParticipant(participantId, ['offered', 'accepted'])).filter(
      (offer) => offer.driverId === participantId || offer.status === 'accepted',
    );
    const me = await this.participants.get(participantId);
    const others = await this.people.participantsOf(
      me.regionId,
      offers.map((o) => (o.driverId === participantId ? o.passengerId : o.driverId)),
    );
    const sessions = await this.sessions.getMany(offers.flatMap((o) => o.sessions.map((s) => s.sessionId)));
    return {
      offers,
      people: new Map(others.map((p) => [p.id, p])),
      sessions: new Map(sessions.map((session) => [session.id, session])),
    };
  }

  /**
   * The driver's answer. Yes: the passenger rides with her to those sessions, the vehicles stop collecting her
   * there (routes re-planned as little as possible), and both are told. No: nothing else changes, and the pair is
   * not offered again.
   */
  @Transactional()
  async answer(participantId: string, offerId: string, accept: boolean, now: Date): Promise<CarPoolOffer> {
    const offer = await this.offers.lock(offerId);
    if (!offer || offer.driverId !== participantId) throw notFound('car-pool offer', offerId);
    if (offer.status !== 'offered')
      throw new ConflictException(`status: the offer is ${offer.status}, not offered`);
    await this.offers.setStatus(offer.id, accept ? 'accepted' : 'declined', now);
    if (accept) {
      await this.replanRoutes(offer);
      await this.tellBoth(offer, 'accepted', 'riding', now);
    }
    return (await this.offers.get(offer.id))!;
  }

  /**
   * A coordinator takes an offer back (offered or accepted): an accepted one gives the passenger back to the
   * vehicles, and she is told.
   */
  @Transactional()
  async withdraw(offerId: string, now: Date): Promise<CarPoolOffer> {
    const offer = await this.offers.lock(offerId);
    if (!offer) throw notFound('car-pool offer', offerId);
    await this.programmes.get(offer.programmeId);
    const reachable = await this.participants.reachableIds([offer.driverId, offer.passengerId]);
    if (reachable.size < 2) throw notFound('car-pool offer', offerId);
    if (offer.status !== 'offered' && offer.status !== 'accepted')
      throw new ConflictException(
        `status: the offer is ${offer.status}; only an open offer can be withdrawn`,
      );
    await this.offers.setStatus(offer.id, 'withdrawn', now);
    if (offer.status === 'accepted') {
      await this.replanRoutes(offer);
      await this.tellBoth(offer, undefined, 'ended', now);
    }
    return (await this.offers.get(offer.id))!;
  }

  /** The index of each session in order of start, to list an offer's sessions in that order. */
  async sessionOrder(offers: CarPoolOffer[]): Promise<Map<string, number>> {
    const sessions = (
      await this.sessions.getMany(offers.flatMap((o) => o.sessions.map((s) => s.sessionId)))
    ).sort(byStart);
    return new Map(sessions.map((session, index) => [session.id, index]));
  }

  /**
   * Care and rides of the offer's sessions follow who rides with whom: care first (a mother who now has a ride
   * gets her children's places), then the routes of the sessions that have them, changed as little as possible.
   */
  private async replanRoutes(offer: CarPoolOffer): Promise<void> {
    const sessionIds = offer.sessions.map((s) => s.sessionId);
    await this.childcare.planSessions(sessionIds);
    const ids = [...(await this.routes.plannedSessionIds(sessionIds))];
    if (ids.length > 0) await this.routePlanning.replan(ids);
  }

  private async tellBoth(
    offer: CarPoolOffer,
    toDriver: 'accepted' | undefined,
    toPassenger: 'riding' | 'ended',
    now: Date,
  ): Promise<void> {
    const [driver, passenger] = await Promise.all([
      this.participants.get(offer.driverId),
      this.participants.get(offer.passengerId),
    ]);
    const { timezone } = await this.regions.exportRegion(offer.regionId);
    const sessions = new Map(
      (await this.sessions.getMany(offer.sessions.map((s) => s.sessionId))).map((s) => [s.id, s]),
    );
    const upcoming = [...sessions.values()].filter((s) => s.start >= now);
    if (upcoming.length === 0) return;
    const first = upcoming.sort(byStart)[0];
    const place = (await this.locations.exportLocations(offer.regionId)).find(
      (l) => l.id === first.locationId,
    );
    const values = {
      driver: firstName(driver),
      passenger: firstName(passenger),
      place: place?.name ?? '',
      count: String(upcoming.length),
      address: passenger.address,
      phone: passenger.phone,
    };
    const notices: CarPoolNotice[] = [
      { to: passenger, message: toPassenger, offerId: offer.id, values, firstStart: first.start },
    ];
    if (toDriver)
      notices.push({ to: driver, message: toDriver, offerId: offer.id, values, firstStart: first.start });
    await this.messages.tell(offer.regionId, timezone, notices, now);
  }

  private firstSession(offer: CarPoolOffer, sessions: Map<string, Session>): Session {
    return offer.sessions.map((s) => sessions.get(s.sessionId)!).sort(byStart)[0];
  }

  /** Who is kept away from a session whatever the ride: a lesson, an appointment, an absence, or online from home. */
  private async awayIn(sessions: Session[]): Promise<Set<string>> {
    const ids = sessions.map((session) => session.id);
    const away = new Set(
      [...(await this.conflicts.forSessions(ids)), ...(await this.absences.forSessions(ids))].map(
        (row) => `${row.participantId}|${row.sessionId}`,
      ),
    );
    for (const [sessionId, members] of await this.online.onlineIn(sessions))
      for (const participantId of members.keys()) away.add(`${participantId}|${sessionId}`);
    return away;
  }

  /**
   * Her children who ride with her: those cared for at the session's location itself, as the routes count them.
   * A mother with no care booked for a session (she had no ride, so nothing was booked) is counted with every
   * child of hers under 13 whom her partner does not look after: the seats are never too few once care follows.
   */
  private async childrenRidingAlong(
    sessions: Session[],
    regionId: string,
    zone: string,
  ): Promise<Map<string, number>> {
    const volunteerCare = new Map(
      (await this.careProviders.exportProviders(regionId))
        .filter((provider) => provider.kind === 'volunteer' && provider.locationId)
        .map((provider) => [provider.id, provider.locationId!]),
    );
    const byId = new Map(sessions.map((session) => [session.id, session]));
    const riding = new Map<string, number>();
    const booked = new Set<string>();
    for (const booking of await this.bookings.activeFor([...byId.keys()])) {
      const key = `${booking.participantId}|${booking.sessionId}`;
      booked.add(key);
      if (volunteerCare.get(booking.providerId) !== byId.get(booking.sessionId)!.locationId) continue;
      riding.set(key, (riding.get(key) ?? 0) + 1);
    }
    const children = (await this.people.exportChildren(regionId)).filter((child) => !child.careByPartner);
    for (const session of sessions) {
      const date = instantToLocal(session.start, zone).date;
      for (const child of children) {
        const key = `${child.participantId}|${session.id}`;
        if (booked.has(key) || !ofCareAge(child.birthDate, date)) continue;
        riding.set(key, (riding.get(key) ?? 0) + 1);
      }
    }
    return riding;
  }
}

const byStart = (a: Session, b: Session) => a.start.getTime() - b.start.getTime() || a.id.localeCompare(b.id);
