import { Transactional } from '@nestjs-cls/transactional';
import { BadRequestException, Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { SESSIONS_CHANGED, SessionsChanged } from '../../common/events/sessions-changed.event';
import { MemberConflict, PlanningInput, SharedResources } from '../../planning/scheduling/model';
import { ChosenSlots } from '../../planning/joint/improve-slots';
import { planProgramme } from '../../planning/scheduling/plan-programme';
import { slotOptions } from '../../planning/scheduling/slot-options';
import { toTimeOfDay } from '../../planning/time/calendar';
import { localMinuteToInstant } from '../../planning/time/wall-clock';
import { GroupsService } from '../programmes/groups.service';
import { ProgrammesService } from '../programmes/programmes.service';
import { NewSession, SessionsService } from '../programmes/sessions.service';
import { OutingsService } from '../programmes/outings.service';
import { ConflictDetectionService } from './conflict-detection.service';
import { ConflictsService } from './conflicts.service';
import { AuditService } from '../audit/audit.service';
import { PlanningContext, PlanningInputService } from './planning-input.service';
import { GroupPlanSummary, PlanSummary, SlotCandidate } from './dto/plan.dto';
import { emitInOrder } from '../../common/events/emit-in-order';

/** Plans a programme's sessions with the pure planner and stores them with their conflicts. */
@Injectable()
export class SchedulingService {
  private readonly logger = new Logger(SchedulingService.name);

  constructor(
    private readonly inputs: PlanningInputService,
    private readonly programmes: ProgrammesService,
    private readonly groups: GroupsService,
    private readonly sessions: SessionsService,
    private readonly conflicts: ConflictsService,
    private readonly detection: ConflictDetectionService,
    private readonly outings: OutingsService,
    private readonly audit: AuditService,
    private readonly events: EventEmitter2,
  ) {}

  /**
   * Lays out every group's series and replaces its planned sessions from `now` on (sessions held, and cancelled
   * ones, stay), with the conflicts of each member. One transaction.
   */
  @Transactional()
  async plan(
    programmeId: string,
    now: Date,
    options: {
      announce?: boolean;
      resources?: SharedResources;
      /**
       * Chooses the weekly times itself (the planning cascade, which judges them by who can come): the programme
       * is planned with these times, and the groups a coordinator pinned keep theirs.
       */
      chooseSlots?: (input: PlanningInput) => ChosenSlots;
    } = {},
  ): Promise<PlanSummary> {
    const started = performance.now();
    await this.programmes.get(programmeId);
    const context = await this.inputs.load(programmeId);
    const input = { ...context.input, resources: options.resources };
    const plan = options.chooseSlots ? options.chooseSlots(input).plan : planProgramme(input);
    const zone = context.region.timezone;
    const instant = (date: string, minutes: number) => localMinuteToInstant(date, minutes, zone);
    const groupsById = new Map(context.groups.map((group) => [group.id, group]));

    const planned = plan.groups.flatMap((groupPlan) =>
      groupPlan.sessions
        .map((session) => ({ session, start: instant(session.date, session.start) }))
        .filter(({ start }) => start >= now)
        .map(({ session, start }) => ({ groupId: groupPlan.groupId, session, start })),
    );
    const created = await this.sessions.replacePlanned(
      context.groups.map((group) => group.id),
      now,
      planned.map(({ groupId, session, start }): NewSession => ({
        regionId: context.region.id,
        groupId,
        locationId: groupsById.get(groupId)!.locationId,
        start,
        end: instant(session.date, session.end),
        trainerId: session.trainerId,
        interpreterIds: session.interpreterIds,
        roles: session.roles,
      })),
    );
    // Sessions that kept their place in the series keep their id: their conflicts are found afresh below.
    await this.conflicts.removeForSessions(created.map((session) => session.id));
    const sessionIdOf = new Map(
      created.map((session) => [`${session.groupId}|${session.start.toISOString()}`, session.id]),
    );
    await this.conflicts.add(
      planned.flatMap(({ groupId, session, start }) =>
        session.conflicts.map((conflict) => ({
          sessionId: sessionIdOf.get(`${groupId}|${start.toISOString()}`)!,
          participantId: conflict.participantId,
          lessonId: conflict.lessonId ?? null,
          providerId: conflict.providerId ?? null,
          appointmentId: conflict.appointmentId ?? null,
          kind: conflict.kind,
          overlapMinutes: conflict.overlapMinutes,
          causeStart: instant(conflict.date, conflict.causeFrom),
          causeEnd: instant(conflict.date, conflict.causeTo),
          isNew: false,
        })),
      ),
    );
    // The outings of dates go on the sessions of those dates; their members' conflicts are judged at the places.
    const outings = await this.outings.applyDated(
      context.groups.map((group) => group.id),
      created,
      zone,
    );
    if (outings.sessionIds.length > 0) {
      const moved = new Set(created.filter((s) => outings.sessionIds.includes(s.id)).map((s) => s.groupId));
      await this.detection.redetect(
        [
          ...new Set(
            context.groups.filter((g) => moved.has(g.id)).flatMap((g) => g.members.map((m) => m.id)),
          ),
        ],
        now,
      );
    }
    // The replaced sessions took their childcare bookings with them: childcare is planned again at once, unless
    // the caller plans care and rides itself (the planning cascade).
    if (options.announce !== false)
      await emitInOrder(
        this.events,
        SESSIONS_CHANGED,
        new SessionsChanged(
          created.map((session) => session.id),
          now,
          programmeId,
        ),
      );
    const durationMs = Math.round(performance.now() - started);
    this.logger.log(
      { programmeId, sessions: created.length, groups: plan.groups.length, durationMs },
      'programme planned',
    );
    return {
      programmeId,
      sessions: created.length,
      attendable: plan.attendable,
      memberSessions: plan.memberSessions,
      upperBound: plan.upperBound,
      conflicts: planned.reduce((sum, { session }) => sum + session.conflicts.length, 0),
      groups: plan.groups.map((groupPlan): GroupPlanSummary => ({
        groupId: groupPlan.groupId,
        name: groupsById.get(groupPlan.groupId)!.name,
        weekly: groupPlan.slots.map((slot) => ({
          weekday: slot.weekday,
          start: toTimeOfDay(slot.start),
          end: toTimeOfDay(slot.end),
          trainerId: slot.trainerId,
          interpreterIds: slot.interpreterIds,
          roles: slot.roles.map(({ role, staffId }) => ({ role, staffMemberId: staffId })),
          pinned: slot.pinned,
        })),
        sessions: groupPlan.sessions.length,
        firstDate: groupPlan.sessions[0]?.date ?? null,
        lastDate: groupPlan.sessions.at(-1)?.date ?? null,
        attendable: groupPlan.attendable,
        memberSessions: groupPlan.memberSessions,
        missingLanguages: groupPlan.missingLanguages,
        missingRoles: groupPlan.missingRoles,
      })),
      unplanned: plan.unplanned.map(({ groupId, reason }) => ({
        groupId,
        name: groupsById.get(groupId)!.name,
        reason,
      })),
      warnings: plan.warnings,
      outingsWaiting: outings.waiting,
      durationMs,
    };
  }

  /** The weekly times a group could meet, best first, with who can come and why the others cannot. */
  async slots(groupId: string, limit: number): Promise<SlotCandidate[]> {
    const group = await this.groups.get(groupId);
    const context: PlanningContext = await this.inputs.load(group.programmeId);
    const groupInput = context.input.groups.find((candidate) => candidate.id === groupId)!;
    if (!groupInput) throw new BadRequestException(`group ${groupId}: not part of a programme`);
    // All times, also those pinned, so that the coordinator sees what else there is.
    const options = slotOptions(context.input, { ...groupInput, pinned: undefined });
    // The answer tells when members have lessons and appointments: a read of their personal data.
    await this.audit.record(
      'read',
      groupInput.memberIds.map((id) => ({
        recordType: 'participant',
        recordId: id,
        participantId: id,
        regionId: group.regionId,
      })),
    );
    return options.slice(0, limit).map((option) => ({
      weekday: option.slot.weekday,
      start: toTimeOfDay(option.slot.start),
      end: toTimeOfDay(option.slot.end),
      sessions: option.dates.length,
      attendable: option.attendable,
      memberSessions: option.memberSessions,
      providerConflicts: option.providerConflicts,
      trainerIds: option.trainerIds,
      missingTrainer: option.trainerIds.length === 0,
      missingLanguages: option.missingLanguages,
      canCome: groupInput.memberIds.filter((id) => !option.conflicts.has(id)),
      cannotCome: [...option.conflicts].map(([participantId, conflicts]) => ({
        participantId,
        sessionsMissed: new Set(conflicts.map((conflict) => conflict.date)).size,
        reasons: reasonsOf(conflicts),
      })),
    }));
  }
}

function reasonsOf(conflicts: MemberConflict[]) {
  const byCause = new Map<
    string,
    {
      kind: string;
      lessonId?: string;
      providerId?: string;
      appointmentId?: string;
      from: string;
      to: string;
      dates: string[];
    }
  >();
  for (const conflict of conflicts) {
    const key = `${conflict.kind}|${conflict.lessonId ?? conflict.appointmentId}`;
    const reason = byCause.get(key) ?? {
      kind: conflict.kind,
      lessonId: conflict.lessonId,
      providerId: conflict.providerId,
      appointmentId: conflict.appointmentId,
      from: toTimeOfDay(conflict.causeFrom),
      to: toTimeOfDay(conflict.causeTo),
      dates: [],
    };
    reason.dates.push(conflict.date);
    byCause.set(key, reason);
  }
  return [...byCause.values()];
}
