import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { CarPoolOfferSession } from './car-pool-offer-session.entity';
import { CarPoolOffer, CarPoolStatus } from './car-pool-offer.entity';
import { chunks } from '../../common/database/bulk-writes';

/** Offers that stand: not made again, and (offered or accepted) holding her seat and the passenger's session. */
export const STANDING: CarPoolStatus[] = ['offered', 'accepted', 'declined'];

export interface NewCarPoolOffer {
  regionId: string;
  programmeId: string;
  driverId: string;
  passengerId: string;
  children: number;
  sessionIds: string[];
}

/**
 * The car-pool offers table: what the routes and the plan read (who rides with another woman to which session)
 * and what the car-pool use cases write. No access checks here: callers check the programme or the participant.
 */
@Injectable()
export class CarPoolOffersService {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  private get offers() {
    return this.txHost.tx.getRepository(CarPoolOffer);
  }

  /** Per session, the women who ride with another woman there and back (an accepted offer): no vehicle for them. */
  async carPooledIn(sessionIds: string[]): Promise<Map<string, Set<string>>> {
    const pooled = new Map<string, Set<string>>();
    if (sessionIds.length === 0) return pooled;
    const rows = await this.txHost.tx
      .getRepository(CarPoolOfferSession)
      .createQueryBuilder('s')
      .innerJoin('s.offer', 'o')
      .select(['s.sessionId AS "sessionId"', 'o.passengerId AS "passengerId"'])
      .where('s.sessionId IN (:...ids)', { ids: [...new Set(sessionIds)] })
      .andWhere(`o.status = 'accepted'`)
      .getRawMany<{ sessionId: string; passengerId: string }>();
    for (const row of rows) {
      const riders = pooled.get(row.sessionId) ?? new Set<string>();
      riders.add(row.passengerId);
      pooled.set(row.sessionId, riders);
    }
    return pooled;
  }

  /**
   * When she is erased: the offers she made or was made go (their sessions with them), so an erased driver takes
   * nobody along any more and her passengers go back to the vehicles at the next plan.
   */
  async deleteForParticipant(participantId: string): Promise<void> {
    await this.offers.delete([{ driverId: participantId }, { passengerId: participantId }]);
  }

  /** The offers of a programme, with their sessions; only those of these statuses when given. */
  ofProgramme(programmeId: string, statuses?: CarPoolStatus[]): Promise<CarPoolOffer[]> {
    return this.offers.find({
      where: { programmeId, ...(statuses && { status: In(statuses) }) },
      relations: { sessions: true },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** Her offers as the driver or as the passenger, with their sessions. */
  ofParticipant(participantId: string, statuses: CarPoolStatus[]): Promise<CarPoolOffer[]> {
    return this.offers.find({
      where: [
        { driverId: participantId, status: In(statuses) },
        { passengerId: participantId, status: In(statuses) },
      ],
      relations: { sessions: true },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  get(id: string): Promise<CarPoolOffer | null> {
    return this.offers.findOne({ where: { id }, relations: { sessions: true } });
  }

  /** Locks the offer for an answer, so that two answers at once cannot both pass the status check. */
  async lock(id: string): Promise<CarPoolOffer | null> {
    const row = await this.offers.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    return row ? this.get(row.id) : null;
  }

  /**
   * The offers with their sessions, three statements per thousand rows whatever their number (in pieces: a
   * statement takes at most 65 535 parameters); returned in the order given.
   */
  async create(offers: NewCarPoolOffer[]): Promise<CarPoolOffer[]> {
    if (offers.length === 0) return [];
    const ids: string[] = [];
    for (const part of chunks(offers)) {
      const { identifiers } = await this.offers.insert(
        part.map(({ sessionIds, ...offer }) => ({ ...offer, status: 'offered' as const })),
      );
      ids.push(...identifiers.map((identifier) => identifier.id as string));
    }
    const sessions = offers.flatMap(({ sessionIds }, index) =>
      sessionIds.map((sessionId) => ({ offerId: ids[index], sessionId })),
    );
    for (const part of chunks(sessions)) await this.txHost.tx.getRepository(CarPoolOfferSession).insert(part);
    const saved = new Map<string, CarPoolOffer>();
    for (const part of chunks(ids))
      for (const row of await this.offers.find({ where: { id: In(part) }, relations: { sessions: true } }))
        saved.set(row.id, row);
    return ids.map((id) => saved.get(id)!);
  }

  async setStatus(id: string, status: CarPoolStatus, at: Date): Promise<void> {
    await this.offers.update({ id }, { status, answeredAt: at });
  }
}
