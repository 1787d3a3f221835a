import { Transactional } from '@nestjs-cls/transactional';
import { readyMembers } from '../../planning/scheduling/rolling-start';
import { Injectable, Logger } from '@nestjs/common';
import { planCareAndRides } from '../../planning/joint/plan-care-and-rides';
import { JointPlan, JointSession } from '../../planning/joint/model';
import { ChosenSlots, improveSlots, Judgement } from '../../planning/joint/improve-slots';
import { estimatedCanCome, JudgedGroup } from '../../planning/joint/programme-estimate';
import { PlanningInput, ProgrammePlan } from '../../planning/scheduling/model';
import { addDays, weekdayOf } from '../../planning/time/calendar';
import { instantToLocal, localMinuteToInstant } from '../../planning/time/wall-clock';
import { advise, Advice } from '../../planning/joint/advice';
import { canComeBound } from '../../planning/joint/can-come-bound';
import { withOptimum } from '../../planning/joint/shared-times-bound';
import { canComeByPlan } from '../../planning/joint/can-come';
import { ChildcareBookingsService } from '../childcare/childcare-bookings.service';
import { ChildcareWaitingListService } from '../childcare/childcare-waiting-list.service';
import { ProgrammesService } from '../programmes/programmes.service';
import { Session } from '../programmes/session.entity';
import { SessionsService } from '../programmes/sessions.service';
import { RoutesService } from '../routes/routes.service';
import { SchedulingService } from '../scheduling/scheduling.service';
import { PlanSummary } from '../scheduling/dto/plan.dto';
import { TransportScenarioService } from '../transport/transport-scenario.service';
import { StepTimes } from '../../common/logging/step-times';
import { LinearProgramSolver } from '../../common/linear-program/linear-program-solver';
import { ClosingTalksOutcome, TalksScenarioService } from '../talks/talks-scenario.service';
import { PlanOutcomesService } from './plan-outcomes.service';
import {
  JointInputService,
  type PlanningData,
  REASON_OF_CONFLICT,
  sharedResources,
} from './joint-input.service';

/** What a joint plan of care and rides did, in counts. */
export interface CareAndRidesSummary {
  sessions: number;
  bookings: number;
  unmet: number;
  routes: number;
  unrouted: number;
  memberSessions: number;
  canCome: number;
  /**
   * No plan of any weekly times lets more member-sessions come, with the care places and the fleet counted
   * (see canComeBound); absent where care and rides were planned without a slot search. Over the plans that
   * give every group its interpreters, or over all plans when the plan made leaves a language uncovered.
   */
  upperBound?: number;
  /** What one more vehicle or a few more care places would change, where women are left without. */
  advice: Advice[];
  durationMs: number;
}

/**
 * The slot search judges at most this many plans (each a joint plan of two weeks, its dates remembered). On the
 * generated 1000 region, 40 let 11 145 member-sessions come, 80 let 11 223 and 120 let 11 206: past 80 the
 * search's two-week estimate hardly rises.
 */
const MAX_SLOT_EVALUATIONS = 80;
/** The days from the first session that the slot search judges: two weeks, most programmes repeat weekly. */
const JUDGED_DAYS = 14;
/** The share of the routing search a judged plan gets. */
const JUDGING_EFFORT = 0.25;
/** Other orders of a day's sessions the judge tries: one, as each costs a plan of the day again. */
const JUDGING_ORDER_TRIALS = 1;

/** How far a plan got: a fraction from 0 to 1 and the step it is in (loading, choosing times, …). */
export type PlanProgress = (fraction: number, step: string) => void;

/** The share of a plan's time, roughly, that each step ends at (a region of 600 participants on 2 cores). */
const PROGRESS = { loaded: 0.1, timesChosen: 0.5, careAndRidesPlanned: 0.65 };

/** Plans judged, and the member-sessions she could come to (as the search estimates them), before and after. */
export type SlotSearchSummary = Omit<ChosenSlots, 'plan'>;

/**
 * The order of planning a programme, in one place: its sessions first (times, staff, conflicts), then care and
 * rides together for those sessions (the joint core), then the closing talks of a programme that ends with them
 * (around the sessions as they now stand), stored in one transaction. What one step loaded is passed
 * to the next; every local date and minute becomes an instant by `localMinuteToInstant`.
 */
@Injectable()
export class PlanningCascadeService {
  private readonly logger = new Logger(PlanningCascadeService.name);

  constructor(
    private readonly scheduling: SchedulingService,
    private readonly programmes: ProgrammesService,
    private readonly sessions: SessionsService,
    private readonly inputs: JointInputService,
    private readonly bookings: ChildcareBookingsService,
    private readonly fleet: TransportScenarioService,
    private readonly routes: RoutesService,
    private readonly outcomes: PlanOutcomesService,
    private readonly waitingList: ChildcareWaitingListService,
    private readonly talks: TalksScenarioService,
    private readonly linearPrograms: LinearProgramSolver,
  ) {}

  /**
   * Plans a programme's sessions, then their care and rides together. The weekly times are chosen with who can
   * come in view: the slot planner's plan, then moves of one group at a time judged by the joint plan of care
   * and rides over the programme's first two weeks. `progress` hears of each step (a job shows it).
   */
  @Transactional()
  async planProgramme(
    programmeId: string,
    now: Date,
    progress: PlanProgress = () => undefined,
  ): Promise<
    PlanSummary & {
      careAndRides: CareAndRidesSummary;
      slotSearch: SlotSearchSummary;
      closingTalks?: ClosingTalksOutcome;
    }
  > {
    const steps = new StepTimes();
    progress(0, 'loading');
    const { regionId } = await this.programmes.get(programmeId);
    // The region is loaded once: the slot search judges plans with it, and care and rides are planned with it.
    const region = await this.inputs.withTravel(regionId, await this.inputs.regionData(regionId));
    steps.lap('load');
    progress(PROGRESS.loaded, 'choosing times');
    let search: ChosenSlots | undefined;
    // The bound of the counts apart, and its linear program being solved on the other core meanwhile.
    let apart = 0;
    let optimum: Promise<number | undefined> = Promise.resolve(undefined);
    const summary = await this.scheduling.plan(programmeId, now, {
      announce: false,
      resources: sharedResources(region),
      chooseSlots: (input) => {
        steps.lap('load programme');
        const refOf = (id: string) => region.refOf.get(id) ?? id;
        const maxEvaluations = Math.min(MAX_SLOT_EVALUATIONS, 1 + input.groups.length * 3);
        let judged = 0;
        // The dates judged before: a move changes the plans of a few dates only.
        const rememberedDates = new Map<string, JointPlan>();
        const judge = (plan: ProgrammePlan) => {
          const share = Math.min(1, judged++ / maxEvaluations);
          progress(PROGRESS.loaded + share * (PROGRESS.timesChosen - PROGRESS.loaded), 'choosing times');
          return steps.part('of which judging', () => this.judge(plan, input, region, rememberedDates));
        };
        search = improveSlots(input, judge, { maxEvaluations, optionsPerGroup: 6 });
        steps.lap('slot search');
        // Over the plans that give every group its interpreters where this plan does; over all plans where not.
        const interpretedOnly = search.plan.groups.every((group) => group.missingLanguages.length === 0);
        const bound = canComeBound(input, region.base, refOf, { interpretedOnly, linearProgram: true });
        apart = bound.total;
        if (bound.program) optimum = this.linearPrograms.solve(bound.program);
        steps.lap('bound');
        return search;
      },
    });
    steps.lap('store sessions');
    progress(PROGRESS.timesChosen, 'care and rides');
    const careAndRides = await this.planCareAndRides(programmeId, regionId, now, region, progress, steps);
    const upperBound = withOptimum(apart, await optimum);
    steps.lap('bound solved');
    await this.outcomes.record({
      programmeId,
      regionId,
      plannedAt: new Date(),
      memberSessions: careAndRides.memberSessions,
      canCome: careAndRides.canCome,
      upperBound,
      advice: careAndRides.advice,
    });
    steps.lap('outcome');
    progress(PROGRESS.careAndRidesPlanned, 'closing talks');
    const closingTalks = await this.talks.planClosingOf(programmeId);
    steps.lap('closing talks');
    this.logger.debug({ programmeId, ...steps.ms }, 'plan steps in ms');
    const { evaluations, trials, before, after } = search!;
    return {
      ...summary,
      careAndRides: { ...careAndRides, upperBound },
      slotSearch: { evaluations, trials, before: Math.round(before), after: Math.round(after) },
      ...(closingTalks && { closingTalks }),
    };
  }

  /** Plans care and rides of a programme's planned sessions from `now` on, replacing what stood. */
  private async planCareAndRides(
    programmeId: string,
    regionId: string,
    now: Date,
    region: PlanningData,
    progress: PlanProgress,
    steps: StepTimes,
  ): Promise<CareAndRidesSummary> {
    const started = performance.now();
    const sessions = await this.sessions.plannedOfProgramme(programmeId, now);
    const input = { ...region.base, sessions: await this.inputs.storedSessions(sessions, region) };
    steps.lap('load sessions');
    const plan = planCareAndRides(input);
    steps.lap('care and rides');
    progress(PROGRESS.careAndRidesPlanned, 'storing');
    await this.store(regionId, sessions, plan, region.zone, region.idOf);
    steps.lap('store care and rides');
    const advice = advise(input, plan, { location: (ref) => region.locationNames.get(ref) ?? ref });
    steps.lap('advice');
    // As the export and the plan checker count it, not by the planner's stricter verdicts.
    const verdicts = canComeByPlan(input, plan);
    steps.lap('who can come');
    const result: CareAndRidesSummary = {
      sessions: sessions.length,
      bookings: plan.bookings.length,
      unmet: plan.unmet.length,
      routes: plan.rides.length,
      unrouted: plan.unrouted.length,
      memberSessions: verdicts.length,
      canCome: verdicts.filter((verdict) => verdict.canCome).length,
      advice,
      durationMs: Math.round(performance.now() - started),
    };
    this.logger.log({ programmeId, ...result, advice: advice.length }, 'care and rides planned');
    return result;
  }

  /**
   * How the slot search judges a plan of the slot planner: the member-sessions she could come to over the whole
   * programme, estimated. Care and rides are planned for its first two weeks only (a full plan per trial costs
   * too much); each group's share of who could come then, of those free of lessons and appointments, is carried
   * over to all of its sessions, whose lessons and appointments are known. Judged on the two weeks alone, the
   * search chose times whose lessons clash later in the programme (lessons change over it).
   */
  private judge(
    plan: ProgrammePlan,
    input: PlanningInput,
    region: PlanningData,
    rememberedDates: Map<string, JointPlan>,
  ): Judgement {
    const groups = new Map(input.groups.map((group) => [group.id, group]));
    const dates = plan.groups.flatMap((group) => group.sessions.map((session) => session.date)).sort();
    if (dates.length === 0) return { canCome: 0 };
    const until = addDays(dates[0], JUDGED_DAYS);
    const ref = (id: string) => region.refOf.get(id) ?? id;
    const free = new Map<string, JudgedGroup>();
    const sessions: JointSession[] = plan.groups.flatMap((groupPlan) => {
      const group = groups.get(groupPlan.groupId)!;
      const figures = { free: 0, judged: 0, canCome: 0 };
      free.set(ref(group.id), figures);
      return groupPlan.sessions.flatMap((session) => {
        const blocked = new Map<string, string>();
        for (const conflict of session.conflicts)
          if (!blocked.has(ref(conflict.participantId)))
            blocked.set(ref(conflict.participantId), REASON_OF_CONFLICT[conflict.kind]);
        const memberIds = readyMembers(group.memberIds, region.readyFromOf, session.date).map(ref);
        figures.free += memberIds.filter((id) => !blocked.has(id)).length;
        if (session.date >= until) return [];
        return [
          {
            id: `${ref(group.id)}|${session.date}|${session.start}`,
            groupId: ref(group.id),
            locationId: ref(group.locationId),
            date: session.date,
            weekday: weekdayOf(session.date),
            start: session.start,
            end: session.end,
            memberIds,
            blocked,
          },
        ];
      });
    });
    // Plans are compared here, not kept: a smaller routing search serves, and one other order of each day.
    const { verdicts } = planCareAndRides({
      ...region.base,
      sessions,
      rememberedDates,
      effort: JUDGING_EFFORT,
      orderTrials: JUDGING_ORDER_TRIALS,
    });
    const sessionById = new Map(sessions.map((session) => [session.id, session]));
    const groupIdOf = new Map(input.groups.map((group) => [ref(group.id), group.id]));
    const lostByGroup = new Map<string, number>();
    for (const verdict of verdicts) {
      const session = sessionById.get(verdict.sessionId);
      if (!session || session.blocked.has(verdict.participantId)) continue;
      const figures = free.get(session.groupId)!;
      figures.judged++;
      if (verdict.canCome) {
        figures.canCome++;
        continue;
      }
      const groupId = groupIdOf.get(session.groupId)!;
      lostByGroup.set(groupId, (lostByGroup.get(groupId) ?? 0) + 1);
    }
    const canCome = estimatedCanCome([...free.values()]);
    return { canCome, lostByGroup };
  }

  private async store(
    regionId: string,
    sessions: Session[],
    plan: JointPlan,
    zone: string,
    idOf: Map<string, string>,
  ): Promise<void> {
    const id = (ref: string) => idOf.get(ref) ?? ref;
    const dateOf = new Map(sessions.map((s) => [s.id, instantToLocal(s.start, zone).date]));
    const instant = (sessionId: string, minute: number) =>
      localMinuteToInstant(dateOf.get(sessionId)!, minute, zone);
    await this.bookings.replaceForSessions(
      sessions.map((s) => s.id),
      'planned again',
      plan.bookings.map((b) => ({
        regionId,
        childId: id(b.childId),
        participantId: id(b.participantId),
        sessionId: b.sessionId,
        providerId: id(b.providerId),
        ageMonths: b.ageMonths,
        careDate: b.date,
        from: instant(b.sessionId, b.from),
        to: instant(b.sessionId, b.to),
      })),
      plan.unmet.map((u) => ({
        regionId,
        sessionId: u.sessionId,
        childId: id(u.childId),
        participantId: id(u.participantId),
        reason: u.reason,
      })),
    );
    await this.waitingList.recordPlanned(regionId, sessions, new Set(plan.unmet.map((u) => u.sessionId)));
    const drivers = await this.fleet.exportDrivers(regionId);
    // Each vehicle's driver: the first by name where it has several.
    const driverOf = new Map<string | null, string>();
    for (const driver of drivers)
      if (!driverOf.has(driver.vehicleId)) driverOf.set(driver.vehicleId, driver.id);
    const planned = new Set(sessions.map((session) => session.id));
    await this.routes.replaceForSessions(
      sessions.map((session) => session.id),
      plan.rides
        .filter((ride) => planned.has(ride.sessionId))
        .map((ride) => ({
          regionId,
          sessionId: ride.sessionId,
          vehicleId: id(ride.vehicleId),
          driverId: driverOf.get(id(ride.vehicleId)) ?? null,
          direction: ride.direction,
          depart: instant(ride.sessionId, ride.depart),
          arrive: instant(ride.sessionId, ride.arrive),
          driveMinutes: ride.driveMinutes,
          stops: ride.stops.map((stop) => ({
            participantId: id(stop.participantId),
            time: instant(ride.sessionId, stop.time),
            children: stop.children,
          })),
        })),
      plan.unrouted
        .filter((u) => planned.has(u.sessionId))
        .map((u) => ({
          sessionId: u.sessionId,
          direction: u.direction,
          participantId: id(u.participantId),
          reason: u.reason,
        })),
    );
  }
}
