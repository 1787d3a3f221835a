import { reasonCode } from '../../planning/reasons';
import { Injectable } from '@nestjs/common';
import { canComeOf } from '../../planning/joint/can-come';
import { Verdict } from '../../planning/joint/model';
import { instantToLocalMinute } from '../../planning/time/wall-clock';
import { ChildcareBooking } from '../childcare/childcare-booking.entity';
import { Session } from '../programmes/session.entity';
import { Route } from '../routes/route.entity';
import { BLOCKING_REASONS, JointInputService } from './joint-input.service';
import { CanComePart } from './plan-document';

/** Who can come by the plan as it stands, after planning and after every change since. */
@Injectable()
export class CanComeService {
  constructor(private readonly inputs: JointInputService) {}

  /**
   * Whether she can come to each of these stored sessions by the plan as it stands, with the reasons; her id is
   * the scenario's ref, the session's its own.
   */
  private async canCome(
    regionId: string,
    sessions: Session[],
    bookings: ChildcareBooking[],
    routes: Route[],
  ): Promise<Verdict[]> {
    if (sessions.length === 0) return [];
    const region = await this.inputs.regionData(regionId, 1);
    const ref = (id: string) => region.refOf.get(id) ?? id;
    const jointSessions = await this.inputs.storedSessions(sessions, region);
    const dateOf = new Map(jointSessions.map((session) => [session.id, session.date]));
    const minute = (sessionId: string, instant: Date) =>
      instantToLocalMinute(instant, dateOf.get(sessionId)!, region.zone);
    return canComeOf(
      { ...region.base, sessions: jointSessions, minutes: await this.inputs.busTravel(region) },
      bookings
        .filter((b) => dateOf.has(b.sessionId))
        .map((b) => ({
          childId: ref(b.childId),
          participantId: ref(b.participantId),
          sessionId: b.sessionId,
          providerId: ref(b.providerId),
          from: minute(b.sessionId, b.from),
          to: minute(b.sessionId, b.to),
        })),
      routes
        .filter((route) => dateOf.has(route.sessionId))
        .flatMap((route) =>
          route.stops.map((stop) => ({
            participantId: ref(stop.participantId),
            sessionId: route.sessionId,
            direction: route.direction,
            time: minute(route.sessionId, stop.time),
            children: stop.children,
          })),
        ),
    );
  }

  /** The `canCome` part of a plan document, with the ids it names made by `sessionRef` and `ref`. */
  async summary(
    regionId: string,
    sessions: Session[],
    bookings: ChildcareBooking[],
    routes: Route[],
    sessionRef: (id: string) => string,
    ref: (id: string) => string,
  ): Promise<CanComePart> {
    const verdicts = await this.canCome(regionId, sessions, bookings, routes);
    const groupOf = new Map(sessions.map((session) => [session.id, ref(session.groupId)]));
    const tally = (key: (verdict: Verdict) => string) => {
      const counts = new Map<string, { memberSessions: number; canCome: number }>();
      for (const verdict of verdicts) {
        const count = counts.get(key(verdict)) ?? { memberSessions: 0, canCome: 0 };
        count.memberSessions++;
        if (verdict.canCome) count.canCome++;
        counts.set(key(verdict), count);
      }
      return [...counts];
    };
    const canCome = verdicts.filter((verdict) => verdict.canCome).length;
    return {
      memberSessions: verdicts.length,
      canCome,
      share: verdicts.length ? Number((canCome / verdicts.length).toFixed(4)) : 0,
      upperBound: verdicts.filter(
        (verdict) => !verdict.reasons.some((reason) => BLOCKING_REASONS.has(reason)),
      ).length,
      groups: tally((verdict) => groupOf.get(verdict.sessionId)!).map(([groupId, count]) => ({
        groupId,
        ...count,
      })),
      sessions: tally((verdict) => verdict.sessionId).map(([sessionId, count]) => ({
        sessionId: sessionRef(sessionId),
        groupId: groupOf.get(sessionId)!,
        ...count,
      })),
      cannotCome: verdicts
        .filter((verdict) => !verdict.canCome)
        .map(({ participantId, sessionId, reasons }) => ({
          participantId,
          sessionId: sessionRef(sessionId),
          reasons,
          reasonCodes: reasons.map(reasonCode),
        })),
    };
  }
}
