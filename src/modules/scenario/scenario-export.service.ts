import { ForbiddenException, Injectable } from '@nestjs/common';
import { AccessContext } from '../access/access-context';
import { AuditService } from '../audit/audit.service';
import { sortWindows } from '../../common/database/weekly-windows';
import { ChildcareScenarioService } from '../childcare/childcare-scenario.service';
import { LanguageProvidersScenarioService } from '../language-providers/language-providers-scenario.service';
import { LocationsScenarioService } from '../locations/locations-scenario.service';
import { ParticipantsScenarioService } from '../participants/participants-scenario.service';
import { ProgrammesScenarioService } from '../programmes/programmes-scenario.service';
import { OutingsService } from '../programmes/outings.service';
import { RegionsScenarioService } from '../regions/regions-scenario.service';
import { RegionsService } from '../regions/regions.service';
import { StaffScenarioService } from '../staff/staff-scenario.service';
import { TalksScenarioService } from '../talks/talks-scenario.service';
import { TransportScenarioService } from '../transport/transport-scenario.service';
import { SCENARIO_FORMAT, SCENARIO_FORMAT_2, ScenarioDto } from './dto/scenario.dto';
import { DEFAULT_PROGRAMME_REF } from './scenario-import.service';

interface Identified {
  id: string;
  ref: string | null;
}

/** The id a record has in a scenario: its ref, or its own id when it was made through the API. */
const scenarioId = (record: Identified) => record.ref ?? record.id;
const byScenarioId = <T extends Identified>(records: T[]): T[] =>
  [...records].sort((a, b) => scenarioId(a).localeCompare(scenarioId(b), 'en', { numeric: true }));
const position = ({ lat, lon }: { lat: number; lon: number }) => ({ lat, lon });

/** Gives a region back as a scenario document, in the format the import reads. */
@Injectable()
export class ScenarioExportService {
  constructor(
    private readonly regionsService: RegionsService,
    private readonly regions: RegionsScenarioService,
    private readonly locations: LocationsScenarioService,
    private readonly languageProviders: LanguageProvidersScenarioService,
    private readonly participants: ParticipantsScenarioService,
    private readonly staff: StaffScenarioService,
    private readonly transport: TransportScenarioService,
    private readonly childcare: ChildcareScenarioService,
    private readonly programmes: ProgrammesScenarioService,
    private readonly outings: OutingsService,
    private readonly access: AccessContext,
    private readonly audit: AuditService,
    private readonly talks: TalksScenarioService,
  ) {}

  async exportScenario(regionIdOrRef: string, programmeRef?: string): Promise<ScenarioDto> {
    const regionId = await this.regionsService.resolveId(regionIdOrRef);
    if (this.access.municipalityIds()) {
      throw new ForbiddenException(
        'region: a scenario is the whole region; yours is limited to some municipalities',
      );
    }
    const region = await this.regions.exportRegion(regionId);
    const municipalities = byScenarioId(await this.regions.exportMunicipalities(regionId));
    const locations = byScenarioId(await this.locations.exportLocations(regionId));
    const providers = byScenarioId(await this.languageProviders.exportProviders(regionId));
    const participants = byScenarioId(await this.participants.exportParticipants(regionId));
    const participantIds = participants.map((participant) => participant.id);
    await this.audit.record(
      'export',
      participantIds.map((id) => ({ recordType: 'participant', recordId: id, participantId: id, regionId })),
    );
    const children = byScenarioId(await this.participants.exportChildren(regionId));
    const lessons = await this.languageProviders.exportLessons(participantIds);
    const appointments = await this.participants.exportAppointments(participantIds);
    const trainers = byScenarioId(await this.staff.exportTrainers(regionId));
    const interpreters = byScenarioId(await this.staff.exportInterpreters(regionId));
    // Staff with their roles at sessions and in talks (jobcoach, case manager, …), as version 2 holds them.
    const staffMembers = byScenarioId(await this.staff.exportStaffMembers(regionId)).filter(
      (member) => member.roles.length > 0,
    );
    const vehicles = byScenarioId(await this.transport.exportVehicles(regionId));
    const childcareProviders = byScenarioId(await this.childcare.exportProviders(regionId));
    const programme = await this.programmes.exportProgramme(regionId, programmeRef);
    const closingTalks = programme && (await this.talks.exportClosingTalks(programme.programme.id));

    const refOf = new Map<string, string>(
      [...municipalities, ...locations, ...providers, ...participants, ...trainers].map((record) => [
        record.id,
        scenarioId(record),
      ]),
    );
    const ofParticipant = <T extends { participantId: string }>(rows: T[]) => {
      const grouped = new Map<string, T[]>();
      for (const row of rows)
        grouped.set(row.participantId, [...(grouped.get(row.participantId) ?? []), row]);
      return (participantId: string) => grouped.get(participantId) ?? [];
    };
    const childrenOf = ofParticipant(children);
    const lessonsOf = ofParticipant(lessons);
    const appointmentsOf = ofParticipant(appointments);

    // Version 1 while the region uses nothing of version 2, so that readers of version 1 still read its export.
    const p = programme?.programme;
    const seriesGroups = (programme?.groups ?? []).some(
      (g) => g.startDate !== null || g.afterGroupId !== null || g.rollingStartMinReady !== null,
    );
    const readyDates = participants.some((participant) => participant.readyFrom !== null);
    const online = programme?.online ?? [];
    const outings = programme ? await this.outings.allByDateOf(programme.programme.id, region.timezone) : [];
    const locationById = new Map(locations.map((location) => [location.id, location]));
    const newer =
      staffMembers.length > 0 ||
      readyDates ||
      Boolean(
        p &&
        (p.phases.length > 0 ||
          p.avoidReligiousPeriods ||
          p.roles.length > 0 ||
          seriesGroups ||
          online.length > 0 ||
          closingTalks ||
          outings.length > 0),
      );
    const groupRef = new Map((programme?.groups ?? []).map((g) => [g.id, scenarioId(g)]));
    return {
      format: newer ? SCENARIO_FORMAT_2 : SCENARIO_FORMAT,
      region: region.ref,
      name: region.name,
      timezone: region.timezone,
      municipalities: municipalities.map((municipality) => ({
        id: scenarioId(municipality),
        name: municipality.name,
      })),
      locations: locations.map((location) => ({
        id: scenarioId(location),
        name: location.name,
        municipalityId: refOf.get(location.municipalityId)!,
        address: location.address,
        position: position(location.position),
        openingHours: sortWindows(location.openingHours),
        rooms: location.rooms,
      })),
      languageProviders: providers.map((provider) => ({
        id: scenarioId(provider),
        name: provider.name,
        ...(provider.email !== null && { email: provider.email }),
      })),
      participants: participants.map((participant) => ({
        id: scenarioId(participant),
        name: participant.name,
        municipalityId: refOf.get(participant.municipalityId)!,
        address: participant.address,
        position: position(participant.position),
        phone: participant.phone,
        ...(participant.email !== null && { email: participant.email }),
        language: participant.language,
        interpreterNeeded: participant.interpreterNeeded,
        ...(participant.level !== null && { level: participant.level }),
        ...(participant.readyFrom !== null && { readyFrom: participant.readyFrom }),
        reminderChannel: participant.reminderChannel,
        transport: participant.transport,
        ...(participant.carSeatsOffered > 0 && { carSeatsOffered: participant.carSeatsOffered }),
        children: childrenOf(participant.id).map((child) => ({
          id: scenarioId(child),
          birthDate: child.birthDate,
          careByPartner: child.careByPartner,
        })),
        lessons: lessonsOf(participant.id).map((lesson) => ({
          providerId: refOf.get(lesson.providerId)!,
          weekday: lesson.weekday,
          from: lesson.from,
          to: lesson.to,
          position: position(lesson.position),
          validFrom: lesson.validFrom,
          validTo: lesson.validTo,
        })),
        appointments: appointmentsOf(participant.id).map(({ date, from, to, what }) => ({
          date,
          from,
          to,
          what,
        })),
      })),
      trainers: trainers.map((trainer) => ({
        id: scenarioId(trainer),
        name: trainer.name,
        availability: sortWindows(trainer.availability),
      })),
      interpreters: interpreters.map((interpreter) => ({
        id: scenarioId(interpreter),
        name: interpreter.name,
        languages: interpreter.languages,
        availability: sortWindows(interpreter.availability),
      })),
      ...(newer && {
        staff: staffMembers.map((member) => ({
          id: scenarioId(member),
          name: member.name,
          roles: member.roles,
          availability: sortWindows(member.availability),
        })),
      }),
      vehicles: vehicles.map((vehicle) => ({
        id: scenarioId(vehicle),
        name: vehicle.name,
        kind: vehicle.kind,
        seats: vehicle.seats,
        childSeats: vehicle.childSeats,
        depot: position(vehicle.depot),
        availability: sortWindows(vehicle.availability),
        volunteerDriven: vehicle.volunteerDriven,
        ...(vehicle.municipalityIds.length > 0 && {
          municipalityIds: vehicle.municipalityIds.map((id) => refOf.get(id)!).sort(),
        }),
      })),
      childcareProviders: childcareProviders.map((provider) => ({
        id: scenarioId(provider),
        name: provider.name,
        kind: provider.kind,
        ...(provider.locationId !== null && { locationId: refOf.get(provider.locationId)! }),
        position: position(provider.position),
        openingHours: sortWindows(provider.openingHours),
        places: [...provider.places]
          .sort((a, b) => a.minAgeMonths - b.minAgeMonths || a.maxAgeMonths - b.maxAgeMonths)
          .map(({ minAgeMonths, maxAgeMonths, capacity }) => ({ minAgeMonths, maxAgeMonths, capacity })),
        pricePerHour: provider.pricePerHour,
      })),
      schoolHours: sortWindows(region.schoolHours),
      closedDates: region.closedDates
        .map(({ from, to, reason }) => ({ from, to, reason }))
        .sort((a, b) => a.from.localeCompare(b.from)),
      policy: { ...region.policy },
      ...(programme && {
        programme: {
          ...(scenarioId(programme.programme) !== DEFAULT_PROGRAMME_REF && {
            id: scenarioId(programme.programme),
          }),
          name: programme.programme.name,
          startDate: programme.programme.startDate,
          sessionsPerGroup: programme.programme.sessionsPerGroup,
          sessionsPerWeek: programme.programme.sessionsPerWeek,
          intervalWeeks: programme.programme.intervalWeeks,
          durationMinutes: programme.programme.durationMinutes,
          ...(programme.programme.phases.length > 0 && { phases: programme.programme.phases }),
          ...(newer && { avoidReligiousPeriods: programme.programme.avoidReligiousPeriods }),
          ...(programme.programme.roles.length > 0 && { roles: programme.programme.roles }),
          groups: byScenarioId(programme.groups).map((group) => ({
            id: scenarioId(group),
            name: group.name,
            locationId: refOf.get(group.locationId)!,
            participantIds: byScenarioId(group.members.filter((member) => refOf.has(member.id))).map(
              scenarioId,
            ),
            trainerIds: byScenarioId(group.trainers).map(scenarioId),
            interpreterLanguages: group.interpreterLanguages,
            ...(group.startDate !== null && { startDate: group.startDate }),
            ...(group.afterGroupId !== null && { after: groupRef.get(group.afterGroupId)! }),
            ...(group.rollingStartMinReady !== null && {
              rollingStart: { minReady: group.rollingStartMinReady },
            }),
          })),
          ...(online.length > 0 && {
            online: online.map((period) => ({
              from: period.from,
              to: period.to,
              ...(period.group && { group: scenarioId(period.group) }),
              ...(period.participants.length > 0 && {
                participantIds: byScenarioId(period.participants).map(scenarioId),
              }),
              videoUrl: period.videoUrl,
              durationMinutes: period.durationMinutes,
            })),
          }),
          ...(closingTalks && {
            closingTalks: {
              roles: closingTalks.roles,
              durationMinutes: closingTalks.durationMinutes,
              place: closingTalks.place,
              ...(closingTalks.locationId !== null && { locationId: refOf.get(closingTalks.locationId)! }),
            },
          }),
          ...(outings.length > 0 && {
            outings: outings.map((outing) => ({
              group: groupRef.get(outing.groupId)!,
              date: outing.date,
              places: outing.places.map(({ locationId, arrive, leave }) => {
                const { name, address, position: at } = locationById.get(locationId)!;
                return {
                  name,
                  address,
                  position: position(at),
                  ...(arrive && { arrive }),
                  ...(leave && { leave }),
                };
              }),
            })),
          }),
        },
      }),
    };
  }
}
