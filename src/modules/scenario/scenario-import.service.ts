import { DEFAULT_MAX_EARLY_MINUTES } from '../../planning/transport/session-rides';
import { Transactional } from '@nestjs-cls/transactional';
import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { SCHEDULE_CHANGED, ScheduleChanged } from '../../common/events/schedule-changed.event';
import { ChangeCount, RowChanges, UpsertOutcome } from '../../common/database/bulk-writes';
import { ChildcareScenarioService } from '../childcare/childcare-scenario.service';
import { CostRatesService } from '../costs/cost-rates.service';
import { LanguageProvidersScenarioService } from '../language-providers/language-providers-scenario.service';
import { LocationsScenarioService } from '../locations/locations-scenario.service';
import { ParticipantsScenarioService } from '../participants/participants-scenario.service';
import { ProgrammesScenarioService } from '../programmes/programmes-scenario.service';
import { OutingsService } from '../programmes/outings.service';
import { RegionsScenarioService } from '../regions/regions-scenario.service';
import { RegionsService } from '../regions/regions.service';
import { AuditService } from '../audit/audit.service';
import { StaffScenarioService } from '../staff/staff-scenario.service';
import { TalksScenarioService } from '../talks/talks-scenario.service';
import { TransportScenarioService } from '../transport/transport-scenario.service';
import { ScenarioDto } from './dto/scenario.dto';
import { ScenarioProgrammeDto } from './dto/scenario-programme.dto';
import { ProgrammePhase, programmeTotals } from '../programmes/programme-phase';
import { isUsableAppointment } from './scenario-rules';
import { validateScenarioOffThread } from './scenario-validation';
import { ImportProgress, importSteps } from './scenario-import-progress';
import { emitInOrder } from '../../common/events/emit-in-order';

export const DEFAULT_PROGRAMME_REF = 'programme';

export interface ImportSummary {
  region: { id: string; ref: string; created: boolean };
  /** False when the import found everything as the file says (importing the same file again). */
  changed: boolean;
  /** Records with an id in the file: how many were created, updated, or found as they are. */
  records: Record<string, ChangeCount>;
  /** Lists without ids (lessons, appointments, hours, places, group members): rows added and removed. */
  lists: Record<string, RowChanges>;
  warnings: string[];
  durationMs: number;
}

/** A document read and checked, ready to store; what an import job keeps until it runs. */
export interface CheckedScenario {
  scenario: ScenarioDto;
  warnings: string[];
  /** How long reading and checking it took. */
  checkedMs: number;
}

/** On the command line the check of a document is this share of the import (its bar). */
const CHECK_SHARE = 0.3;

const withoutIds = ({ created, updated, unchanged }: UpsertOutcome): ChangeCount => ({
  created,
  updated,
  unchanged,
});
const sum = (...changes: RowChanges[]): RowChanges => ({
  created: changes.reduce((total, change) => total + change.created, 0),
  deleted: changes.reduce((total, change) => total + change.deleted, 0),
});

/** A programme's rhythm as stored: with phases, its own fields are what the phases add up to. */
function programmeFields(programme: ScenarioProgrammeDto) {
  const phases: ProgrammePhase[] = (programme.phases ?? []).map((phase) => ({
    ...(phase.sessions !== undefined && { sessions: phase.sessions }),
    ...(phase.endDate !== undefined && { endDate: phase.endDate }),
    sessionsPerWeek: phase.sessionsPerWeek,
    intervalWeeks: phase.intervalWeeks,
    durationMinutes: phase.durationMinutes,
    ...(phase.themes !== undefined && { themes: [...phase.themes] }),
    ...(phase.roles !== undefined && { roles: [...phase.roles] }),
  }));
  return {
    ...(phases.length > 0
      ? programmeTotals(phases)
      : {
          sessionsPerGroup: programme.sessionsPerGroup,
          sessionsPerWeek: programme.sessionsPerWeek,
          intervalWeeks: programme.intervalWeeks ?? 1,
          durationMinutes: programme.durationMinutes,
        }),
    phases,
    avoidReligiousPeriods: programme.avoidReligiousPeriods ?? false,
    roles: programme.roles ?? [],
  };
}

/**
 * Imports a region from a scenario document: all of it in one transaction, or nothing. Records are matched by
 * their scenario id (`ref`) within the region: new ones are created, changed ones updated, and none is deleted.
 * The lists inside a record that have no ids of their own (a participant's lessons and appointments, opening
 * hours, availability, places, a group's members and trainers) are made exactly as the file says.
 */
@Injectable()
export class ScenarioImportService {
  private readonly logger = new Logger(ScenarioImportService.name);

  constructor(
    private readonly regions: RegionsScenarioService,
    private readonly locations: LocationsScenarioService,
    private readonly languageProviders: LanguageProvidersScenarioService,
    private readonly participants: ParticipantsScenarioService,
    private readonly staff: StaffScenarioService,
    private readonly transport: TransportScenarioService,
    private readonly childcare: ChildcareScenarioService,
    private readonly programmes: ProgrammesScenarioService,
    private readonly outings: OutingsService,
    private readonly regionsService: RegionsService,
    private readonly audit: AuditService,
    private readonly events: EventEmitter2,
    private readonly costRates: CostRatesService,
    private readonly talks: TalksScenarioService,
  ) {}

  /** `document`: the bytes of a JSON document (as uploaded), or a document already read. */
  async importScenario(document: Uint8Array | unknown, progress?: ImportProgress): Promise<ImportSummary> {
    progress?.(0, 'checking');
    const checked = await this.check(document);
    return this.importChecked(checked, (fraction, step) =>
      progress?.(CHECK_SHARE + (1 - CHECK_SHARE) * fraction, step),
    );
  }

  /**
   * Reads and checks a document and whether the caller may import its region: 400 naming every problem, or 403,
   * before anything is stored (or queued).
   */
  async check(document: Uint8Array | unknown): Promise<CheckedScenario> {
    const started = performance.now();
    const { scenario, warnings } = await validateScenarioOffThread(document);
    await this.regionsService.assertImportable(scenario.region);
    return { scenario, warnings, checkedMs: Math.round(performance.now() - started) };
  }

  /** Stores a checked document, reporting each step of the storing. */
  async importChecked(
    { scenario, warnings, checkedMs }: CheckedScenario,
    progress?: ImportProgress,
  ): Promise<ImportSummary> {
    const started = performance.now();
    const summary = await this.store(scenario, importSteps(scenario, progress));
    const durationMs = checkedMs + Math.round(performance.now() - started);
    this.logger.log(
      {
        region: scenario.region,
        changed: summary.changed,
        participants: scenario.participants.length,
        durationMs,
      },
      'scenario imported',
    );
    return { ...summary, warnings, durationMs };
  }

  @Transactional()
  private async store(
    scenario: ScenarioDto,
    step: ReturnType<typeof importSteps>,
  ): Promise<Omit<ImportSummary, 'warnings' | 'durationMs'>> {
    step('region and locations');
    const region = await this.regions.importRegion({
      ref: scenario.region,
      name: scenario.name,
      timezone: scenario.timezone,
      policy: {
        ...scenario.policy,
        maxEarlyMinutes: scenario.policy.maxEarlyMinutes ?? DEFAULT_MAX_EARLY_MINUTES,
      },
      schoolHours: scenario.schoolHours,
      closedDates: scenario.closedDates.map(({ from, to, reason }) => ({ from, to, reason: reason ?? '' })),
    });
    const regionId = region.id;
    if (scenario.costs) await this.costRates.importRates(regionId, scenario.costs);
    const position = ({ lat, lon }: { lat: number; lon: number }) => ({ lat, lon });

    const municipalities = await this.regions.importMunicipalities(
      regionId,
      scenario.municipalities.map(({ id, name }) => ({ ref: id, name })),
    );
    const locations = await this.locations.importLocations(
      regionId,
      scenario.locations.map((location) => ({
        ref: location.id,
        municipalityId: municipalities.ids.get(location.municipalityId)!,
        name: location.name,
        address: location.address,
        position: position(location.position),
        rooms: location.rooms,
        openingHours: location.openingHours,
      })),
    );
    const providers = await this.languageProviders.importProviders(
      regionId,
      scenario.languageProviders.map(({ id, name, email }) => ({ ref: id, name, email: email ?? null })),
    );
    step('participants');
    const participants = await this.participants.importParticipants(
      regionId,
      scenario.participants.map((participant) => ({
        ref: participant.id,
        municipalityId: municipalities.ids.get(participant.municipalityId)!,
        name: participant.name,
        phone: participant.phone,
        email: participant.email ?? null,
        language: participant.language,
        interpreterNeeded: participant.interpreterNeeded,
        level: participant.level ?? null,
        readyFrom: participant.readyFrom ?? null,
        reminderChannel: participant.reminderChannel,
        transport: participant.transport,
        carSeatsOffered: participant.carSeatsOffered ?? 0,
        address: participant.address,
        position: position(participant.position),
      })),
    );
    const participantIds = [...participants.ids.values()];
    await this.audit.record(
      'import',
      participantIds.map((id) => ({ recordType: 'participant', recordId: id, participantId: id, regionId })),
    );
    const idOf = (participantRef: string) => participants.ids.get(participantRef)!;
    step('children');
    const children = await this.participants.importChildren(
      regionId,
      scenario.participants.flatMap((participant) =>
        participant.children.map((child) => ({
          ref: child.id,
          participantId: idOf(participant.id),
          birthDate: child.birthDate,
          careByPartner: child.careByPartner,
        })),
      ),
    );
    step('lessons');
    const lessons = await this.languageProviders.importLessons(
      participantIds,
      scenario.participants.flatMap((participant) =>
        participant.lessons.map((lesson) => ({
          participantId: idOf(participant.id),
          providerId: providers.ids.get(lesson.providerId)!,
          weekday: lesson.weekday,
          from: lesson.from,
          to: lesson.to,
          position: position(lesson.position),
          validFrom: lesson.validFrom,
          validTo: lesson.validTo,
        })),
      ),
    );
    step('appointments');
    const appointments = await this.participants.importAppointments(
      participantIds,
      scenario.participants.flatMap((participant) =>
        participant.appointments.filter(isUsableAppointment).map((appointment) => ({
          participantId: idOf(participant.id),
          date: appointment.date,
          from: appointment.from,
          to: appointment.to,
          what: appointment.what ?? '',
        })),
      ),
    );
    step('staff');
    const trainers = await this.staff.importTrainers(
      regionId,
      scenario.trainers.map(({ id, name, availability }) => ({ ref: id, name, availability })),
    );
    const interpreters = await this.staff.importInterpreters(
      regionId,
      scenario.interpreters.map(({ id, name, languages, availability }) => ({
        ref: id,
        name,
        languages,
        availability,
      })),
    );
    const staffMembers = await this.staff.importStaffMembers(
      regionId,
      (scenario.staff ?? []).map(({ id, name, roles, availability }) => ({
        ref: id,
        name,
        roles,
        availability,
      })),
    );
    step('vehicles');
    const vehicles = await this.transport.importVehicles(
      regionId,
      scenario.vehicles.map((vehicle) => ({
        ref: vehicle.id,
        name: vehicle.name,
        kind: vehicle.kind,
        seats: vehicle.seats,
        childSeats: vehicle.childSeats,
        depot: position(vehicle.depot),
        volunteerDriven: vehicle.volunteerDriven,
        municipalityIds: (vehicle.municipalityIds ?? []).map((ref) => municipalities.ids.get(ref)!).sort(),
        availability: vehicle.availability,
      })),
    );
    step('childcare');
    const childcare = await this.childcare.importProviders(
      regionId,
      scenario.childcareProviders.map((provider) => ({
        ref: provider.id,
        name: provider.name,
        kind: provider.kind,
        locationId: provider.locationId === undefined ? null : locations.ids.get(provider.locationId)!,
        position: position(provider.position),
        pricePerHour: provider.pricePerHour,
        openingHours: provider.openingHours,
        places: provider.places.map(({ minAgeMonths, maxAgeMonths, capacity }) => ({
          minAgeMonths,
          maxAgeMonths,
          capacity,
        })),
      })),
    );
    step('programme and groups');
    const programme = scenario.programme
      ? await this.programmes.importProgramme(
          regionId,
          {
            ref: scenario.programme.id ?? DEFAULT_PROGRAMME_REF,
            name: scenario.programme.name,
            startDate: scenario.programme.startDate,
            ...programmeFields(scenario.programme),
          },
          scenario.programme.groups.map((group) => ({
            ref: group.id,
            name: group.name,
            locationId: locations.ids.get(group.locationId)!,
            interpreterLanguages: group.interpreterLanguages,
            participantIds: group.participantIds.map(idOf),
            trainerIds: group.trainerIds.map((ref) => trainers.ids.get(ref)!),
            startDate: group.startDate ?? null,
            rollingStartMinReady: group.rollingStart?.minReady ?? null,
            afterRef: group.after ?? null,
          })),
          await this.participants.erasedIds(regionId),
        )
      : undefined;
    // Version 2's online ranges, once the groups have their ids; left as they are by a file without them.
    const onlineChanged =
      programme && scenario.programme?.online
        ? await this.programmes.importOnline(
            programme.programme.ids.get(scenario.programme.id ?? DEFAULT_PROGRAMME_REF)!,
            regionId,
            scenario.programme.online.map((online) => ({
              from: online.from,
              to: online.to,
              groupId: online.group === undefined ? null : programme.groups.ids.get(online.group)!,
              participantIds: (online.participantIds ?? []).map(idOf),
              videoUrl: online.videoUrl,
              durationMinutes: online.durationMinutes,
            })),
          )
        : false;
    // Version 2's closing talks; left as they are by a file without them.
    const closing = scenario.programme?.closingTalks;
    const closingChanged =
      programme && closing
        ? await this.talks.importClosingTalks(
            programme.programme.ids.get(scenario.programme!.id ?? DEFAULT_PROGRAMME_REF)!,
            regionId,
            {
              roles: closing.roles,
              durationMinutes: closing.durationMinutes ?? 60,
              place: closing.place ?? 'location',
              locationId: closing.locationId === undefined ? null : locations.ids.get(closing.locationId)!,
            },
          )
        : false;
    // Version 2's outings by group and date, stored to wait for the plan; left as they are by a file without them.
    const outingsChanged =
      programme && scenario.programme?.outings
        ? await this.outings.replaceDated(
            programme.programme.ids.get(scenario.programme.id ?? DEFAULT_PROGRAMME_REF)!,
            regionId,
            scenario.programme.outings.map((outing) => ({
              groupId: programme.groups.ids.get(outing.group)!,
              date: outing.date,
              places: outing.places.map(({ name, address, position: { lat, lon }, arrive, leave }) => ({
                name,
                address,
                position: { lat, lon },
                arrive,
                leave,
              })),
            })),
          )
        : false;

    const records: Record<string, ChangeCount> = {
      municipalities: withoutIds(municipalities),
      locations: withoutIds(locations),
      languageProviders: withoutIds(providers),
      participants: withoutIds(participants),
      children: withoutIds(children),
      trainers: withoutIds(trainers),
      interpreters: withoutIds(interpreters),
      ...(scenario.staff && { staff: withoutIds(staffMembers) }),
      vehicles: withoutIds(vehicles),
      childcareProviders: withoutIds(childcare),
      ...(programme && { programmes: withoutIds(programme.programme), groups: withoutIds(programme.groups) }),
    };
    const lists: Record<string, RowChanges> = {
      lessons,
      appointments,
      weeklyHours: sum(
        region.changes,
        locations.windows,
        trainers.windows,
        interpreters.windows,
        staffMembers.windows,
        vehicles.windows,
        childcare.windows,
      ),
      childcarePlaces: childcare.places,
      groupMembersAndTrainers: programme?.members ?? { created: 0, deleted: 0 },
    };
    const schedulesChanged = [lessons, appointments, lists.groupMembersAndTrainers].some(
      (change) => change.created + change.deleted > 0,
    );
    step('conflicts');
    // Planned sessions may have new conflicts now; found again within this transaction.
    if (schedulesChanged)
      await emitInOrder(this.events, SCHEDULE_CHANGED, new ScheduleChanged(participantIds));
    const changed =
      region.created ||
      region.changes.updated ||
      onlineChanged ||
      closingChanged ||
      outingsChanged ||
      Object.values(records).some((count) => count.created + count.updated > 0) ||
      Object.values(lists).some((change) => change.created + change.deleted > 0);
    return {
      region: { id: regionId, ref: scenario.region, created: region.created },
      changed,
      records,
      lists,
    };
  }
}
