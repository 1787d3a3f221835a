import { reasonCode } from '../../planning/reasons';
import { rolesOf } from '../programmes/dto/session.dto';
import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { instantToLocalIso } from '../../planning/time/wall-clock';
import { AccessContext } from '../access/access-context';
import { AuditService } from '../audit/audit.service';
import { LanguageProvidersScenarioService } from '../language-providers/language-providers-scenario.service';
import { LocationsScenarioService } from '../locations/locations-scenario.service';
import { ParticipantsScenarioService } from '../participants/participants-scenario.service';
import { ProgrammesScenarioService } from '../programmes/programmes-scenario.service';
import { SessionsService } from '../programmes/sessions.service';
import { RegionsScenarioService } from '../regions/regions-scenario.service';
import { RegionsService } from '../regions/regions.service';
import { StaffScenarioService } from '../staff/staff-scenario.service';
import { ChildcarePlanningService } from '../childcare/childcare-planning.service';
import { ChildcareScenarioService } from '../childcare/childcare-scenario.service';
import { ConflictsService } from '../scheduling/conflicts.service';
import { RoutesService } from '../routes/routes.service';
import { TransportScenarioService } from '../transport/transport-scenario.service';
import { TalksScenarioService } from '../talks/talks-scenario.service';
import { CanComeService } from './can-come.service';
import { CanComePart, PLAN_FORMAT, PlanDocument } from './plan-document';
import { PlanOutcomesService } from './plan-outcomes.service';
import { CachedPlan, PlanExportCache } from './plan-export-cache';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

/** Gives the planned sessions of a region, their conflicts, childcare and routes as a plan document. */
@Injectable()
export class PlanExportService {
  constructor(
    private readonly regionsService: RegionsService,
    private readonly regions: RegionsScenarioService,
    private readonly programmes: ProgrammesScenarioService,
    private readonly locations: LocationsScenarioService,
    private readonly staff: StaffScenarioService,
    private readonly participants: ParticipantsScenarioService,
    private readonly providers: LanguageProvidersScenarioService,
    private readonly sessions: SessionsService,
    private readonly conflicts: ConflictsService,
    private readonly childcareProviders: ChildcareScenarioService,
    private readonly childcare: ChildcarePlanningService,
    private readonly routes: RoutesService,
    private readonly vehicles: TransportScenarioService,
    private readonly audit: AuditService,
    private readonly whoCanCome: CanComeService,
    private readonly outcomes: PlanOutcomesService,
    private readonly cache: PlanExportCache,
    private readonly access: AccessContext,
    private readonly talks: TalksScenarioService,
  ) {}

  async exportPlan(regionIdOrRef: string, from?: string, to?: string): Promise<PlanDocument> {
    const regionId = await this.regionsService.resolveId(regionIdOrRef);
    const { document, participantIds } = await this.build(regionId, from, to);
    this.auditExport(regionId, participantIds);
    return document;
  }

  /**
   * The plan as the JSON that is sent, built once per version of the data and kept (PlanExportCache): the same
   * document as exportPlan. Each export is written to the audit log, whether it was built or kept.
   */
  async exportPlanJson(regionIdOrRef: string, from?: string, to?: string): Promise<CachedPlan> {
    // The region is resolved within the build: answers are kept per name and reach, as the name resolves the same.
    const key = JSON.stringify([regionIdOrRef, from ?? '', to ?? '', this.access.reachKey()]);
    const plan = await this.cache.get(key, async () => {
      const regionId = await this.regionsService.resolveId(regionIdOrRef);
      const { document, participantIds } = await this.build(regionId, from, to);
      const json = Buffer.from(JSON.stringify(document));
      return { json, gzip: await gzipped(json), participantIds, regionId };
    });
    this.auditExport(plan.regionId, plan.participantIds);
    return plan;
  }

  private auditExport(regionId: string, participantIds: string[]): void {
    this.audit.recordParticipantsRead('export', regionId, participantIds);
  }

  private async build(
    regionId: string,
    from?: string,
    to?: string,
  ): Promise<{ document: PlanDocument; participantIds: string[] }> {
    const region = await this.regions.exportRegion(regionId);
    const zone = region.timezone;
    const start = from ? DateTime.fromISO(from, { zone }).toJSDate() : new Date(0);
    const end = to ? DateTime.fromISO(to, { zone }).plus({ days: 1 }).toJSDate() : new Date(8.64e15);
    const sessions = (await this.sessions.inRange(regionId, start, end)).filter(
      (session) => session.status === 'planned',
    );
    const conflicts = await this.conflicts.forSessions(sessions.map((session) => session.id));

    const refs = new Map<string, string>();
    const remember = (records: { id: string; ref: string | null }[]) =>
      records.forEach((record) => refs.set(record.id, record.ref ?? record.id));
    remember(await this.programmes.programmesOfRegion(regionId));
    remember(await this.programmes.groupsOfRegion(regionId));
    remember(await this.locations.exportLocations(regionId));
    remember(await this.staff.exportTrainers(regionId));
    remember(await this.staff.exportInterpreters(regionId));
    remember(await this.staff.exportStaffMembers(regionId));
    const participants = await this.participants.exportParticipants(regionId);
    remember(participants);
    remember(await this.providers.exportProviders(regionId));
    remember(await this.childcareProviders.exportProviders(regionId));
    remember(await this.participants.exportChildren(regionId));
    remember(await this.vehicles.exportVehicles(regionId));
    const homes = new Map(participants.map((p) => [p.id, { lat: p.position.lat, lon: p.position.lon }]));
    const ref = (id: string) => refs.get(id) ?? id;
    const local = (instant: Date) => instantToLocalIso(instant, zone);
    const sessionRefs = new Map(sessions.map((session) => [session.id, session.ref ?? session.id]));
    const sessionRef = (id: string) => sessionRefs.get(id) ?? id;

    const sessionIds = sessions.map((session) => session.id);
    const { bookings, unmet } = await this.childcare.careIn(sessions);
    const routes = await this.routes.forSessions(sessionIds);
    const unrouted = await this.routes.unroutedFor(sessionIds);
    const riders = routes.flatMap((route) => route.stops);
    const closing = (await this.talks.closingTalksIn(regionId, { start, end, from, to })).sort((a, b) =>
      ref(a.participantId).localeCompare(ref(b.participantId), 'en', { numeric: true }),
    );
    const participantIds = [
      ...new Set(
        [...conflicts, ...bookings, ...unmet, ...riders, ...unrouted, ...closing].map(
          (row) => row.participantId,
        ),
      ),
    ];
    const absent = new Map(
      conflicts.map((conflict) => [`${conflict.participantId}|${conflict.sessionId}`, conflict]),
    );
    const dates = sessions.map((session) => local(session.start).slice(0, 10));
    const canCome: CanComePart = {
      ...(await this.whoCanCome.summary(regionId, sessions, bookings, routes, sessionRef, ref)),
      atPlanning: (await this.outcomes.ofRegion(regionId)).map((outcome) => ({
        programmeId: ref(outcome.programmeId),
        plannedAt: outcome.plannedAt.toISOString(),
        memberSessions: outcome.memberSessions,
        canCome: outcome.canCome,
        upperBound: outcome.upperBound,
        advice: outcome.advice,
      })),
    };
    const document: PlanDocument = {
      format: PLAN_FORMAT,
      region: region.ref,
      from: from ?? dates[0] ?? '',
      to: to ?? dates.at(-1) ?? '',
      sessions: sessions.map((session) => ({
        id: session.ref ?? session.id,
        groupId: ref(session.groupId),
        locationId: ref(session.locationId),
        start: local(session.start),
        end: local(session.end),
        trainerId: session.trainerId && ref(session.trainerId),
        interpreterIds: session.interpreters.map((interpreter) => ref(interpreter.id)).sort(),
        ...((session.roles ?? []).length > 0 && {
          roles: rolesOf(session).map(({ role, staffMemberId }) => ({ role, staffId: ref(staffMemberId) })),
        }),
      })),
      conflicts: conflicts
        .filter((conflict) => conflict.kind !== 'appointment')
        .map((conflict) => ({
          participantId: ref(conflict.participantId),
          sessionId: sessionRef(conflict.sessionId),
          providerId: ref(conflict.providerId!),
          lessonStart: local(conflict.causeStart),
          lessonEnd: local(conflict.causeEnd),
          overlapMinutes: conflict.overlapMinutes,
          kind: conflict.kind as 'overlap' | 'travel',
        })),
      absentByConflict: [...absent.values()].map((conflict) => ({
        participantId: ref(conflict.participantId),
        sessionId: sessionRef(conflict.sessionId),
      })),
      childcare: bookings.map((booking) => ({
        childId: ref(booking.childId),
        participantId: ref(booking.participantId),
        sessionId: sessionRef(booking.sessionId),
        providerId: ref(booking.providerId),
        from: local(booking.from),
        to: local(booking.to),
      })),
      childcareUnmet: unmet.map((need) => ({
        childId: ref(need.childId),
        participantId: ref(need.participantId),
        sessionId: sessionRef(need.sessionId),
        reason: need.reason,
        reasonCode: reasonCode(need.reason),
      })),
      routes: routes.map((route) => ({
        id: route.id,
        sessionId: sessionRef(route.sessionId),
        vehicleId: ref(route.vehicleId),
        direction: route.direction,
        depart: local(route.depart),
        arrive: local(route.arrive),
        stops: route.stops.map((stop) => ({
          participantId: ref(stop.participantId),
          position: homes.get(stop.participantId) ?? { lat: 0, lon: 0 },
          time: local(stop.time),
          children: stop.children,
        })),
      })),
      unrouted: unrouted.map((row) => ({
        participantId: ref(row.participantId),
        sessionId: sessionRef(row.sessionId),
        direction: row.direction,
        reason: row.reason,
        reasonCode: reasonCode(row.reason),
      })),
      canCome,
      ...(closing.length > 0 && {
        closingTalks: closing
          .filter((talk) => talk.status === 'planned')
          .map((talk) => ({
            participantId: ref(talk.participantId),
            programmeId: ref(talk.series.programmeId),
            start: local(talk.start!),
            end: local(talk.end!),
            locationId: talk.locationId && ref(talk.locationId),
            trainerId: talk.series.trainerId && ref(talk.series.trainerId),
            staffIds: talk.series.staffMemberIds.map(ref).sort(),
          })),
        closingTalksUnplaced: closing
          .filter((talk) => talk.status === 'unplaced')
          .map((talk) => ({
            participantId: ref(talk.participantId),
            programmeId: ref(talk.series.programmeId),
            reason: talk.reason ?? 'not placed',
          })),
      }),
      stats: {
        sessions: sessions.length,
        conflicts: conflicts.length,
        absentByConflict: absent.size,
        childcareBooked: bookings.length,
        childcareUnmet: unmet.length,
        routes: routes.length,
        riders: riders.length,
        unrouted: unrouted.length,
        vehicleMinutes: routes.reduce(
          (sum, route) => sum + Math.round((route.arrive.getTime() - route.depart.getTime()) / 60000),
          0,
        ),
        driveMinutes: routes.reduce((sum, route) => sum + route.driveMinutes, 0),
      },
    };
    return { document, participantIds };
  }
}

/** Off the event loop (zlib's thread pool): other requests go on while a new version is compressed. */
const gzipped = promisify(gzip);
