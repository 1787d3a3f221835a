import { Injectable } from '@nestjs/common';
import { reasonText } from '../../planning/reasons';
import { AbsencesService } from '../attendance/absences.service';
import { AttendanceDto } from '../attendance/dto/absence.dto';
import { ChildcareBookingsService } from '../childcare/childcare-bookings.service';
import { RoutesService } from '../routes/routes.service';

/**
 * Who comes to a session as the plan stands: the attendance module knows who reported absence and who has a
 * conflict; care and rides, which listen to it, know who the plan leaves without a place or a ride. Joined here,
 * where both are in reach, so that "expected" means she can come.
 */
@Injectable()
export class SessionAttendanceService {
  constructor(
    private readonly absences: AbsencesService,
    private readonly bookings: ChildcareBookingsService,
    private readonly routes: RoutesService,
  ) {}

  async attendance(sessionId: string): Promise<AttendanceDto> {
    const attendance = await this.absences.attendance(sessionId);
    const withoutCare = await this.bookings.withoutCareFor([sessionId]);
    const withoutRide = new Map<string, Set<'to' | 'from'>>();
    for (const { participantId, direction } of await this.routes.unroutedFor([sessionId]))
      withoutRide.set(participantId, (withoutRide.get(participantId) ?? new Set()).add(direction));
    return {
      ...attendance,
      items: attendance.items.map((item) => {
        if (item.state !== 'expected') return item;
        const ways = withoutRide.get(item.participantId);
        const lacking = [
          ...(withoutCare.has(`${item.participantId}|${sessionId}`) ? [reasonText('no-care-place')] : []),
          ...(ways?.has('to') ? [reasonText('no-ride-there')] : []),
          ...(ways?.has('from') ? [reasonText('no-ride-back')] : []),
        ];
        return lacking.length > 0 ? { ...item, state: 'without-care-or-ride', lacking } : item;
      }),
    };
  }
}
