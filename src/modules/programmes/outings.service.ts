import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Injectable, NotFoundException } from '@nestjs/common';
import { In } from 'typeorm';
import { chunks } from '../../common/database/bulk-writes';
import { Position } from '../../planning/travel/offline-travel';
import { LocationsService } from '../locations/locations.service';
import { Location } from '../locations/location.entity';
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
    const locations: Location[] = [];
    for (const { name, address, position } of places)
      locations.push(
        await this.locations.placeFor(session.regionId, usual.municipalityId, { name, address, position }),
      );
    const stored: OutingPlace[] = places.map((place, k) => ({
      locationId: locations[k].id,
      ...(place.arrive && { arrive: place.arrive }),
      ...(place.leave && { leave: place.leave }),
    }));
    const outing = await this.outings.save(
      existing
        ? { ...existing, places: stored }
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
}
