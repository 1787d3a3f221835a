import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { BadRequestException, Injectable } from '@nestjs/common';
import { RegionRecordsService } from '../regions/region-records.service';
import { RegionsService } from '../regions/regions.service';
import { CreateProgrammeDto, UpdateProgrammeDto } from './dto/programme.dto';
import { Programme } from './programme.entity';
import { phaseProblems, ProgrammePhase, programmeTotals } from './programme-phase';

/** The phases as stored: only the fields a phase has, none left undefined. */
const storedPhases = (phases: ProgrammePhase[]): ProgrammePhase[] =>
  phases.map((phase) => ({
    ...(phase.sessions !== undefined && { sessions: phase.sessions }),
    ...(phase.endDate !== undefined && { endDate: phase.endDate }),
    sessionsPerWeek: phase.sessionsPerWeek,
    intervalWeeks: phase.intervalWeeks,
    durationMinutes: phase.durationMinutes,
    ...(phase.themes !== undefined && { themes: phase.themes }),
    ...(phase.roles !== undefined && { roles: phase.roles }),
  }));

@Injectable()
export class ProgrammesService extends RegionRecordsService<Programme> {
  constructor(txHost: TransactionHost<TransactionalAdapterTypeOrm>, regions: RegionsService) {
    super(txHost, regions, { entity: Programme, noun: 'programme', idField: 'programmeId' });
  }

  @Transactional()
  async create(dto: CreateProgrammeDto): Promise<Programme> {
    await this.regions.resolveId(dto.regionId, 'regionId');
    const phases = dto.phases ? checkedPhases(dto.phases, dto.startDate) : [];
    return this.records.save(
      this.records.create({
        ...dto,
        sessionsPerWeek: dto.sessionsPerWeek ?? 1,
        intervalWeeks: dto.intervalWeeks ?? 1,
        phases,
        avoidReligiousPeriods: dto.avoidReligiousPeriods ?? false,
        roles: dto.roles ?? [],
        // With phases, the programme's own fields are what they add up to (as a scenario import stores them).
        ...(phases.length > 0 && programmeTotals(phases)),
      }),
    );
  }

  async update(id: string, dto: UpdateProgrammeDto): Promise<Programme> {
    const programme = await this.get(id);
    const { phases: given, roles, ...fields } = dto;
    const phases =
      given === undefined
        ? programme.phases
        : given === null
          ? []
          : checkedPhases(given, dto.startDate ?? programme.startDate);
    if (given === undefined && dto.startDate && phases.length > 0) checkedPhases(phases, dto.startDate);
    return this.records.save(
      this.records.merge(programme, {
        ...fields,
        ...(roles !== undefined && { roles: roles ?? [] }),
        phases,
        ...(given && phases.length > 0 && programmeTotals(phases)),
      }),
    );
  }

  /** A programme that still has groups answers 409 (the groups refer to it). */
}

/** The phases, or 400 naming each field that does not hold together (`phases[1].endDate: …`). */
function checkedPhases(phases: ProgrammePhase[], startDate: string): ProgrammePhase[] {
  const problems = phaseProblems(phases, startDate);
  if (problems.length > 0) throw new BadRequestException(problems);
  return storedPhases(phases);
}
