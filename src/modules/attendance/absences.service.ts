import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { BadRequestException, Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { In } from 'typeorm';
import { notFound } from '../../common/errors/not-found';
import { ATTENDANCE_CHANGED, AttendanceChanged } from '../../common/events/sessions-changed.event';
import { AccessContext } from '../access/access-context';
import { ParticipantsService } from '../participants/participants.service';
import { GroupsService } from '../programmes/groups.service';
import { SessionsService } from '../programmes/sessions.service';
import { ConflictsService } from '../scheduling/conflicts.service';
import { Absence } from './absence.entity';
import { AttendanceDto, ReportAbsenceDto } from './dto/absence.dto';
import { emitInOrder } from '../../common/events/emit-in-order';

/** Who will not be at a session, and why; childcare and transport follow through the ATTENDANCE_CHANGED event. */
@Injectable()
export class AbsencesService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly sessions: SessionsService,
    private readonly groups: GroupsService,
    private readonly participants: ParticipantsService,
    private readonly conflicts: ConflictsService,
    private readonly access: AccessContext,
    private readonly events: EventEmitter2,
  ) {}

  private get absences() {
    return this.txHost.tx.getRepository(Absence);
  }

  /** The absences reported for these sessions; only hers when she is named. */
  forSessions(sessionIds: string[], participantId?: string): Promise<Absence[]> {
    if (sessionIds.length === 0) return Promise.resolve([]);
    return this.absences.find({
      where: { sessionId: In(sessionIds), ...(participantId && { participantId }) },
    });
  }

  /** Records her absence (a second report replaces the reason) and lets the rest follow, in one transaction. */
  @Transactional()
  async report(sessionId: string, dto: ReportAbsenceDto, reportedBy?: string): Promise<Absence> {
    const session = await this.sessions.get(sessionId);
    await this.requireMember(session.groupId, dto.participantId);
    await this.absences.upsert(
      {
        regionId: session.regionId,
        sessionId,
        participantId: dto.participantId,
        reason: dto.reason,
        reportedBy: reportedBy ?? this.access.principal().role,
      },
      ['sessionId', 'participantId'],
    );
    await emitInOrder(
      this.events,
      ATTENDANCE_CHANGED,
      new AttendanceChanged(sessionId, dto.participantId, true),
    );
    return (await this.absences.findOneBy({ sessionId, participantId: dto.participantId }))!;
  }

  /** Withdraws a report: she comes after all, and her care and ride are planned again. */
  @Transactional()
  async withdraw(sessionId: string, participantId: string): Promise<void> {
    const absence = await this.absences.findOneBy({ sessionId, participantId });
    // Out of the caller's reach is answered as no absence at all: nothing to learn about her.
    if (!absence || !(await this.participants.reachableIds([participantId])).has(participantId))
      throw notFound('absence of participant', participantId);
    await this.absences.delete({ id: absence.id });
    await emitInOrder(
      this.events,
      ATTENDANCE_CHANGED,
      new AttendanceChanged(sessionId, participantId, false),
    );
  }

  /**
   * Every member of the session's group: expected, absent (with the reason), or kept away by a conflict. A
   * coordinator limited to some municipalities gets the members of those; the others are counted only. The plans
   * module's SessionAttendanceService tells, of the expected, who the plan left without care or a ride.
   */
  async attendance(sessionId: string): Promise<AttendanceDto> {
    const session = await this.sessions.get(sessionId);
    const allMemberIds = await this.groups.memberIds(session.groupId);
    const reachable = await this.participants.reachableIds(allMemberIds);
    const memberIds = allMemberIds.filter((participantId) => reachable.has(participantId));
    const absent = new Map((await this.forSessions([sessionId])).map((a) => [a.participantId, a.reason]));
    const conflicted = new Set((await this.conflicts.forSessions([sessionId])).map((c) => c.participantId));
    return {
      sessionId,
      items: memberIds.map((participantId) => ({
        participantId,
        state: absent.has(participantId)
          ? 'absent'
          : conflicted.has(participantId)
            ? 'cannot-attend'
            : 'expected',
        reason: absent.get(participantId) ?? null,
      })),
      hiddenParticipants: allMemberIds.length - memberIds.length,
    };
  }

  private async requireMember(groupId: string, participantId: string): Promise<void> {
    await this.participants.findReachable(participantId);
    if (!(await this.groups.memberIds(groupId)).includes(participantId)) {
      throw new BadRequestException(
        `participantId: participant ${participantId} is not a member of this session's group`,
      );
    }
  }

  /** For erasure: her records go, whatever their state. */
  async deleteForParticipant(participantId: string): Promise<void> {
    await this.absences.delete({ participantId });
  }
}
