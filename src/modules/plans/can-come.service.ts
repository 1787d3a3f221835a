import { Injectable } from '@nestjs/common';
import { canComeOf, Verdict } from '../../planning/joint/can-come';
import { instantToLocalMinute } from '../../planning/time/wall-clock';
import { ChildcareBooking } from '../childcare/childcare-booking.entity';
import { Session } from '../programmes/session.entity';
import { Route } from '../routes/route.entity';
import { JointInputService } from './joint-input.service';

/** Who can come by the plan as it stands, after planning and after every change since. */
@Injectable()
export class CanComeService {
  constructor(private readonly inputs: JointInputService) {}

  /**
   * Whether she can come to each of these stored sessions by the plan as it stands, with the reasons; her id is
   * the scenario's ref, the session's its own.
   */
  async canCome(
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
      { ...region.base, sessions: jointSessions },
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
}
