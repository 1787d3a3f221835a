import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { FindOptionsWhere, In, MoreThanOrEqual, Not } from 'typeorm';
import {
  CHILDCARE_PLACES_FOUND,
  ChildcarePlacesFound,
  PlaceFound,
} from '../../common/events/childcare-places-found.event';
import { emitInOrder } from '../../common/events/emit-in-order';
import { chunks } from '../../common/database/bulk-writes';
import { SIBLING_WITHOUT_PLACE } from '../../planning/joint/session-care';
import { ChildcareBooking } from './childcare-booking.entity';
import { ChildcareWaitingEntry } from './childcare-waiting-entry.entity';

/**
 * Why a plan left a child without a place that a freed place can mend: none left in her age band, or none for a
 * sister or brother (a mother's children go together or not at all). Not `too far` nor `closed then`, nor a
 * mother without a ride: a freed place changes nothing for them.
 */
export const WAITING_REASONS: readonly string[] = ['no place left in her age band', SIBLING_WITHOUT_PLACE];

/** A need left without a place, as a plan reports it. */
export interface WaitingNeed {
  regionId: string;
  sessionId: string;
  childId: string;
  participantId: string;
  reason: string;
  /** The session's local date, as its bookings count it. */
  careDate: string;
}

type WaitingRow = Pick<ChildcareWaitingEntry, 'childId' | 'sessionId'>;

/**
 * The rows of the waiting list. A plan (or a fill) says who waits in the sessions it judged: those still waiting
 * keep their turn, new ones join at the back, and those who left the list with a booking are told.
 */
@Injectable()
export class ChildcareWaitingEntriesService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly events: EventEmitter2,
  ) {}

  private get entries() {
    return this.txHost.tx.getRepository(ChildcareWaitingEntry);
  }

  /**
   * The waiting list of these sessions becomes `waiting` (the others' needs of these sessions are met or gone).
   * Children who left it and hold a booking of the session now got a place: their mothers are told.
   */
  async record(sessionIds: string[], unmet: WaitingNeed[]): Promise<void> {
    if (sessionIds.length === 0) return;
    const waiting = unmet.filter((need) => WAITING_REASONS.includes(need.reason));
    const left: WaitingRow[] = [];
    for (const chunk of chunks(sessionIds)) {
      // Deleted and read back in one statement: the caller (a fill) has read these rows already.
      const inChunk = new Set(chunk);
      left.push(
        ...((await this.txHost.tx.query(
          `WITH gone AS (
             DELETE FROM childcare_waiting_list entry
             WHERE entry.session_id = ANY($1::uuid[])
               AND NOT EXISTS (
                 SELECT 1 FROM jsonb_to_recordset($2::jsonb) AS stay(child_id uuid, session_id uuid)
                 WHERE stay.child_id = entry.child_id AND stay.session_id = entry.session_id)
             RETURNING entry.child_id, entry.session_id)
           SELECT child_id AS "childId", session_id AS "sessionId" FROM gone`,
          [
            chunk,
            JSON.stringify(
              waiting
                .filter((need) => inChunk.has(need.sessionId))
                .map((need) => ({ child_id: need.childId, session_id: need.sessionId })),
            ),
          ],
        )) as WaitingRow[]),
      );
    }
    for (const chunk of chunks(waiting)) {
      // An existing row keeps when she started waiting, and takes the session's date and reason now: a session
      // moved to another day must find her a place freed on that day.
      await this.txHost.tx.query(
        `INSERT INTO childcare_waiting_list (region_id, session_id, child_id, participant_id, reason, care_date)
         SELECT need.region_id, need.session_id, need.child_id, need.participant_id, need.reason, need.care_date
         FROM jsonb_to_recordset($1::jsonb) AS need(region_id uuid, session_id uuid, child_id uuid,
           participant_id uuid, reason text, care_date date)
         ON CONFLICT (child_id, session_id)
         DO UPDATE SET care_date = EXCLUDED.care_date, reason = EXCLUDED.reason`,
        [
          JSON.stringify(
            chunk.map((need) => ({
              region_id: need.regionId,
              session_id: need.sessionId,
              child_id: need.childId,
              participant_id: need.participantId,
              reason: need.reason,
              care_date: need.careDate,
            })),
          ),
        ],
      );
    }
    await this.tellPlaced(left);
  }

  private async tellPlaced(left: WaitingRow[]): Promise<void> {
    if (left.length === 0) return;
    const bookings = this.txHost.tx.getRepository(ChildcareBooking);
    const found = new Map<string, PlaceFound>();
    for (const chunk of chunks(left)) {
      const held = await bookings.find({
        where: chunk.map((entry) => ({
          childId: entry.childId,
          sessionId: entry.sessionId,
          status: Not('cancelled' as const),
        })),
        order: { from: 'ASC', id: 'ASC' },
      });
      for (const booking of held) {
        const key = `${booking.sessionId}|${booking.participantId}`;
        const place = found.get(key) ?? {
          regionId: booking.regionId,
          sessionId: booking.sessionId,
          participantId: booking.participantId,
          bookings: [],
        };
        place.bookings.push({
          id: booking.id,
          childId: booking.childId,
          providerId: booking.providerId,
          from: booking.from,
          to: booking.to,
        });
        found.set(key, place);
      }
    }
    if (found.size > 0)
      await emitInOrder(this.events, CHILDCARE_PLACES_FOUND, new ChildcarePlacesFound([...found.values()]));
  }

  /** Who waits in a region on these local dates (all dates from `from` on when none are named). */
  on(regionId: string, dates: string[] | { from: string }): Promise<ChildcareWaitingEntry[]> {
    const where: FindOptionsWhere<ChildcareWaitingEntry> = {
      regionId,
      careDate: Array.isArray(dates) ? In(dates) : MoreThanOrEqual(dates.from),
    };
    return this.entries.find({ where, relations: { child: true, participant: true } });
  }

  /** The rows the caller may see, by id and session only. */
  idsWhere(
    where: FindOptionsWhere<ChildcareWaitingEntry>,
  ): Promise<Pick<ChildcareWaitingEntry, 'id' | 'sessionId'>[]> {
    return this.entries.find({ where, select: { id: true, sessionId: true } });
  }

  /** Entries with their mother, child and session, e.g. every entry of some sessions. */
  find(where: FindOptionsWhere<ChildcareWaitingEntry>): Promise<ChildcareWaitingEntry[]> {
    return this.entries.find({ where, relations: { child: true, participant: true, session: true } });
  }
}
