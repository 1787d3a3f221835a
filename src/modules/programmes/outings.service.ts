import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Injectable, NotFoundException } from '@nestjs/common';
import { In } from 'typeorm';
import { chunks } from '../../common/database/bulk-writes';
import { matchDatedOutings } from '../../planning/scheduling/dated-outings';
import { toMinutes } from '../../planning/time/calendar';
import { instantToLocal, instantToLocalMinute } from '../../planning/time/wall-clock';
import { Position } from '../../planning/travel/offline-travel';
import { LocationsService } from '../locations/locations.service';
import { Location } from '../locations/location.entity';
import { Group } from './group.entity';
import { GroupOuting } from './group-outing.entity';
import { OutingPlace, SessionOuting } from './session-outing.entity';
import { Session } from './session.entity';

/** A place of a new outing as the coordinator names it. */
export interface NewOutingPlace {
  name: string;
  address: string;
  position: Position;
  arrive?: string;
  leave?: string;
}

/** An outing of a group on a local date, as a scenario gives it. */
export interface NewDatedOuting {
  groupId: string;
  date: string;
  places: NewOutingPlace[];
}

/** A dated outing a plan could not put on a session, and why. */
export interface WaitingOuting {
  groupId: string;
  date: string;
  reason: string;
}

/** Where the rides of an outing end and start: its first place and its last, with their times of day. */
export interface OutingEnds {
  first: { locationId: string; arrive?: string };
  last: { locationId: string; leave?: string };
}

/**
 * The outings of sessions: stored and asked where a session's rides go. What follows from an outing (care, rides,
 * messages) is said by the outings module.
 */
@Injectable()
export class OutingsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly locations: LocationsService,
  ) {}

  private get outings() {
    return this.txHost.tx.getRepository(SessionOuting);
  }

  private get dated() {
    return this.txHost.tx.getRepository(GroupOuting);
  }

  async of(sessionId: string): Promise<SessionOuting | null> {
    return this.outings.findOne({ where: { sessionId } });
  }

  /** The outing of each of these sessions that has one. */
  async ofSessions(sessionIds: string[]): Promise<Map<string, SessionOuting>> {
    const found = new Map<string, SessionOuting>();
    for (const chunk of chunks([...new Set(sessionIds)]))
      for (const outing of await this.outings.find({ where: { sessionId: In(chunk) } }))
        found.set(outing.sessionId, outing);
    return found;
  }

  /** The first and last place of each of these sessions that is an outing. */
  async endsOf(sessionIds: string[]): Promise<Map<string, OutingEnds>> {
    const ends = new Map<string, OutingEnds>();
    for (const [sessionId, { places }] of await this.ofSessions(sessionIds)) {
      const first = places[0];
      const last = places[places.length - 1];
      ends.set(sessionId, {
        first: { locationId: first.locationId, arrive: first.arrive },
        last: { locationId: last.locationId, leave: last.leave },
      });
    }
    return ends;
  }

  /**
   * Makes the session an outing to these places in order (each a location of the region, found or added), or
   * changes the places of the outing it is; answers the outing and its locations in order.
   */
  async set(
    session: Session,
    places: NewOutingPlace[],
  ): Promise<{ outing: SessionOuting; locations: Location[] }> {
    const existing = await this.of(session.id);
    const usualLocationId = existing?.usualLocationId ?? session.locationId;
    const usual = await this.locations.get(usualLocationId);
    const { stored, locations } = await this.storedPlaces(session.regionId, usual.municipalityId, places);
    const outing = await this.outings.save(
      existing
        ? { ...existing, places: stored, byDate: false }
        : this.outings.create({
            regionId: session.regionId,
            sessionId: session.id,
            usualLocationId,
            places: stored,
          }),
    );
    return { outing, locations };
  }

  /** Removes the session's outing; answers it (404 when the session is no outing). */
  async remove(sessionId: string): Promise<SessionOuting> {
    const outing = await this.of(sessionId);
    if (!outing) throw new NotFoundException(`session ${sessionId} is no outing`);
    await this.outings.delete({ id: outing.id });
    return outing;
  }

  /** A programme's outings by date, in order of date (then group). */
  async datedOf(programmeId: string): Promise<GroupOuting[]> {
    return this.dated.find({ where: { programmeId }, order: { date: 'ASC', groupId: 'ASC' } });
  }

  /**
   * A programme's outings as a scenario holds them, by group and local date: those by date, and those a
   * coordinator set on a session by hand (of a date no outing by date holds), in order of date (then group).
   */
  async allByDateOf(
    programmeId: string,
    zone: string,
  ): Promise<Pick<GroupOuting, 'groupId' | 'date' | 'places'>[]> {
    const dated = await this.datedOf(programmeId);
    const held = new Set(dated.map((outing) => `${outing.groupId}|${outing.date}`));
    const byHand = await this.outings
      .createQueryBuilder('outing')
      .innerJoinAndSelect('outing.session', 'session')
      .innerJoin('session.group', 'grp')
      .where('grp.programmeId = :programmeId', { programmeId })
      .andWhere('outing.byDate = false')
      .andWhere("session.status = 'planned'")
      .getMany();
    const set = byHand
      .map((outing) => ({
        groupId: outing.session.groupId,
        date: instantToLocal(outing.session.start, zone).date,
        places: outing.places,
      }))
      .filter((outing) => !held.has(`${outing.groupId}|${outing.date}`));
    return [...dated, ...set].sort(
      (a, b) => a.date.localeCompare(b.date) || a.groupId.localeCompare(b.groupId),
    );
  }

  /**
   * Puts the outings of an import in place of a programme's, unless they are the same; answers whether they
   * changed. Each place is found or added as a location of the region, in the municipality of the group's usual
   * location. The sessions follow at the next plan.
   */
  async replaceDated(programmeId: string, regionId: string, wanted: NewDatedOuting[]): Promise<boolean> {
    const groups = await this.txHost.tx
      .getRepository(Group)
      .find({ where: { programmeId }, select: { id: true, locationId: true } });
    const municipalityOfLocation = await this.locations.municipalitiesOf(
      groups.map((group) => group.locationId),
    );
    const municipalityOf = new Map(
      groups.map((group) => [group.id, municipalityOfLocation.get(group.locationId)!]),
    );
    const rows: Pick<GroupOuting, 'groupId' | 'date' | 'places'>[] = [];
    for (const outing of wanted) {
      const municipalityId = municipalityOf.get(outing.groupId)!;
      const { stored } = await this.storedPlaces(regionId, municipalityId, outing.places);
      rows.push({ groupId: outing.groupId, date: outing.date, places: stored });
    }
    const key = (row: Pick<GroupOuting, 'groupId' | 'date' | 'places'>) =>
      JSON.stringify([row.groupId, row.date, row.places.map((p) => [p.locationId, p.arrive, p.leave])]);
    const current = await this.datedOf(programmeId);
    if (current.map(key).sort().join() === rows.map(key).sort().join()) return false;
    await this.dated.delete({ programmeId });
    await this.dated.save(rows.map((row) => this.dated.create({ regionId, programmeId, ...row })));
    return true;
  }

  /** Each place found or added as a location of the region in the municipality, stored with its times. */
  private async storedPlaces(
    regionId: string,
    municipalityId: string,
    places: NewOutingPlace[],
  ): Promise<{ stored: OutingPlace[]; locations: Location[] }> {
    const locations: Location[] = [];
    for (const { name, address, position } of places)
      locations.push(await this.locations.placeFor(regionId, municipalityId, { name, address, position }));
    const stored = places.map((place, k): OutingPlace => ({
      locationId: locations[k].id,
      ...(place.arrive && { arrive: place.arrive }),
      ...(place.leave && { leave: place.leave }),
    }));
    return { stored, locations };
  }

  /**
   * After a plan: each outing of these groups' dates is put on the group's planned session of that date (the
   * session moves to its first place, its usual location kept), and an outing put on a session by an earlier plan
   * whose date no longer holds one is taken off (the plan left it at its usual place). Outings made by hand stay.
   * Answers the sessions that are outings by date now, and the outings that wait.
   */
  async applyDated(
    groupIds: string[],
    sessions: Session[],
    zone: string,
  ): Promise<{ sessionIds: string[]; waiting: WaitingOuting[] }> {
    const dated =
      groupIds.length === 0
        ? []
        : await this.dated.find({ where: { groupId: In(groupIds) }, order: { date: 'ASC', groupId: 'ASC' } });
    const planned = sessions.filter((session) => session.status === 'planned');
    const existing = await this.ofSessions(planned.map((session) => session.id));
    const days = planned.map((session) => {
      const { date, time } = instantToLocal(session.start, zone);
      return {
        id: session.id,
        groupId: session.groupId,
        date,
        start: toMinutes(time),
        end: instantToLocalMinute(session.end, date, zone),
        handMade: existing.has(session.id) && !existing.get(session.id)!.byDate,
      };
    });
    const match = matchDatedOutings(dated, days);
    const byId = new Map(planned.map((session) => [session.id, session]));
    const sessionIds: string[] = [];
    for (const { outing, sessionId } of match.applied) {
      const { places } = dated[outing];
      const session = byId.get(sessionId)!;
      const before = existing.get(sessionId);
      // The plan has just put the session at its usual location: the outing remembers that one.
      await this.outings.save(
        before
          ? { ...before, usualLocationId: session.locationId, places, byDate: true }
          : this.outings.create({
              regionId: session.regionId,
              sessionId,
              usualLocationId: session.locationId,
              places,
              byDate: true,
            }),
      );
      await this.txHost.tx
        .getRepository(Session)
        .update({ id: sessionId }, { locationId: places[0].locationId });
      sessionIds.push(sessionId);
    }
    const stale = [...existing.values()]
      .filter((outing) => outing.byDate && !sessionIds.includes(outing.sessionId))
      .map((outing) => outing.id);
    for (const chunk of chunks(stale)) await this.outings.delete({ id: In(chunk) });
    return {
      sessionIds,
      waiting: match.waiting.map(({ outing, reason }) => ({
        groupId: dated[outing].groupId,
        date: dated[outing].date,
        reason,
      })),
    };
  }
}
