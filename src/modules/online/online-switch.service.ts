import { Transactional } from '@nestjs-cls/transactional';
import { Injectable, Logger } from '@nestjs/common';
import { OnlineRange } from '../../planning/scheduling/online-periods';
import { ChildcareBookingsService } from '../childcare/childcare-bookings.service';
import { ChildcarePlanningService } from '../childcare/childcare-planning.service';
import type { NewOnlinePeriod } from '../programmes/online-periods.service';
import { OnlinePeriodsService } from '../programmes/online-periods.service';
import { ProgrammesService } from '../programmes/programmes.service';
import { Session } from '../programmes/session.entity';
import { OnlineMessagesService } from '../reminders/online-messages.service';
import { RoutePlanningService } from '../routes/route-planning.service';

export interface OnlineSwitch {
  period: OnlineRange;
  sessions: number;
  memberSessions: number;
  cancelledBookings: number;
  told: number;
}

const CANCELLED_ONLINE = 'she takes part online from home';

/**
 * The order of switching sessions online and back, in one place and one transaction: the period is stored (or
 * removed); the care of the women concerned is cancelled (or planned again) and the rest of the sessions' care
 * follows; then the rides of those sessions are re-planned with as few changes as possible (others whose pickup
 * moved are told by the routes module); last, every woman concerned is told once in her language.
 */
@Injectable()
export class OnlineSwitchService {
  private readonly logger = new Logger(OnlineSwitchService.name);

  constructor(
    private readonly programmes: ProgrammesService,
    private readonly periods: OnlinePeriodsService,
    private readonly bookings: ChildcareBookingsService,
    private readonly childcare: ChildcarePlanningService,
    private readonly routes: RoutePlanningService,
    private readonly messages: OnlineMessagesService,
  ) {}

  list(programmeId: string): Promise<OnlineRange[]> {
    return this.periods.list(programmeId);
  }

  @Transactional()
  async switchOnline(programmeId: string, input: NewOnlinePeriod, now: Date): Promise<OnlineSwitch> {
    const period = await this.periods.create(programmeId, input);
    const sessions = await this.periods.sessionsOf(period, now);
    const members = await this.periods.membersOnline(period, sessions);
    let cancelledBookings = 0;
    for (const session of sessions)
      for (const participantId of members.get(session.id) ?? [])
        cancelledBookings += await this.bookings.cancelForSessions(
          [session.id],
          CANCELLED_ONLINE,
          participantId,
        );
    return this.follow('online', period, sessions, members, cancelledBookings, now);
  }

  @Transactional()
  async switchBack(programmeId: string, periodId: string, now: Date): Promise<OnlineSwitch> {
    const period = await this.periods.get(programmeId, periodId);
    const sessions = await this.periods.sessionsOf(period, now);
    const members = await this.periods.membersOnline(period, sessions);
    await this.periods.remove(programmeId, periodId);
    return this.follow('physical', period, sessions, members, 0, now);
  }

  /** Care, then rides, then the messages, for the sessions a switch touched. */
  private async follow(
    switched: 'online' | 'physical',
    period: OnlineRange,
    sessions: Session[],
    members: Map<string, string[]>,
    cancelledBookings: number,
    now: Date,
  ): Promise<OnlineSwitch> {
    const ids = sessions.map((session) => session.id);
    if (ids.length > 0) {
      await this.childcare.planSessions(ids);
      await this.routes.replan(ids);
    }
    const { regionId } = await this.programmes.get(period.programmeId);
    const told = await this.messages.tell(switched, period, regionId, sessions, members, now);
    const result = {
      period,
      sessions: sessions.length,
      memberSessions: [...members.values()].reduce((sum, list) => sum + list.length, 0),
      cancelledBookings,
      told,
    };
    this.logger.log(
      { programmeId: period.programmeId, periodId: period.id, switched, ...result, period: undefined },
      'online switch',
    );
    return result;
  }
}
