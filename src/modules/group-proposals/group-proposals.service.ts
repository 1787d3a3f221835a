import { lessonTrips } from '../travel/lesson-trips';
import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { notFound } from '../../common/errors/not-found';
import { bestTimes, freeSlots } from '../../planning/groups/free-slots';
import { GroupProposalError, proposeGroups } from '../../planning/groups/propose-groups';
import { travelModeOf } from '../../planning/travel/travel-mode';
import { AccessContext } from '../access/access-context';
import { LanguageProvidersScenarioService } from '../language-providers/language-providers-scenario.service';
import { LocationsScenarioService } from '../locations/locations-scenario.service';
import { ParticipantsScenarioService } from '../participants/participants-scenario.service';
import { ParticipantsService } from '../participants/participants.service';
import { programmeTotals } from '../programmes/programme-phase';
import { GroupsService } from '../programmes/groups.service';
import { ProgrammesScenarioService } from '../programmes/programmes-scenario.service';
import { RegionsScenarioService } from '../regions/regions-scenario.service';
import { StaffScenarioService } from '../staff/staff-scenario.service';
import { TravelTimesService } from '../travel/travel-times.service';
import { AcceptGroupProposalDto, CreateGroupProposalDto } from './dto/group-proposal.dto';
import { GroupProposal, StoredProposedGroup } from './group-proposal.entity';
import { lessonsByParticipant } from '../scheduling/lessons-by-participant';

/** Which request field a refusal of the core is about. */
const FIELD_OF: Record<GroupProposalError['code'], string> = {
  'size-range': 'minSize, maxSize',
  'no-women': 'participantIds',
  'no-locations': 'locationIds',
  'input-shape': 'programme',
};

/**
 * Proposes groups for the women of a programme who are in none of its groups yet, keeps the proposal, and
 * accepts it (with the coordinator's moves) as groups, once.
 */
@Injectable()
export class GroupProposalsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly access: AccessContext,
    private readonly regions: RegionsScenarioService,
    private readonly programmes: ProgrammesScenarioService,
    private readonly groups: GroupsService,
    private readonly participants: ParticipantsService,
    private readonly participantRecords: ParticipantsScenarioService,
    private readonly locations: LocationsScenarioService,
    private readonly lessons: LanguageProvidersScenarioService,
    private readonly staff: StaffScenarioService,
    private readonly travel: TravelTimesService,
  ) {}

  private get proposals() {
    return this.txHost.tx.getRepository(GroupProposal);
  }

  @Transactional()
  async propose(programmeId: string, dto: CreateGroupProposalDto): Promise<GroupProposal> {
    if (dto.maxSize < dto.minSize)
      throw new BadRequestException(`maxSize: ${dto.maxSize} is less than minSize (${dto.minSize})`);
    const { programme, groups } = (await this.programmes.withGroups(programmeId))!;
    const region = await this.regions.exportRegion(programme.regionId);
    const grouped = new Map(
      groups.flatMap((group) => group.members.map((member) => [member.id, group.name])),
    );
    const women = await this.womenToGroup(region.id, grouped, dto.participantIds);
    const locations = await this.possibleLocations(
      region.id,
      groups.map((group) => group.locationId),
      dto.locationIds,
    );

    const lessons = await this.lessons.exportLessons(women.map((woman) => woman.id));
    const homes = women.map((woman) => woman.position as { lat: number; lon: number });
    const places = locations.map((location) => location.position);
    // As the slot planner: between a lesson and a location by bus too, for the women who take the bus.
    const byBus = new Set(
      women.filter((woman) => travelModeOf(woman.transport) === 'transit').map((woman) => woman.id),
    );
    const travelMinutes = await this.travel.minutesLookup([
      [homes, places],
      ...lessonTrips(lessons, byBus, places),
    ]);
    const durationMinutes =
      programme.phases.length > 0
        ? programmeTotals(programme.phases).durationMinutes
        : programme.durationMinutes;
    const schedulesOf = lessonsByParticipant(lessons, []);
    const free = freeSlots({
      policy: region.policy,
      startDate: programme.startDate,
      durationMinutes,
      locations,
      women: women.map((woman) => ({
        id: woman.id,
        lessons: schedulesOf(woman.id).lessons,
        travelMode: travelModeOf(woman.transport),
      })),
      travelMinutes,
    });
    const seed = dto.seed ?? 1;
    let proposal;
    try {
      proposal = proposeGroups({
        women: women.map((woman) => ({
          id: woman.id,
          ref: woman.ref ?? woman.id,
          language: woman.language,
          interpreterNeeded: woman.interpreterNeeded,
          level: woman.level,
        })),
        locations: locations.map((location) => ({ id: location.id, ref: location.ref ?? location.id })),
        travelMinutes: homes.map((home) => places.map((place) => travelMinutes(home, place))),
        free: free.free,
        slotCount: free.slots.length,
        minSize: dto.minSize,
        maxSize: dto.maxSize,
        seed,
      });
    } catch (error) {
      if (error instanceof GroupProposalError)
        throw new BadRequestException(`${FIELD_OF[error.code]}: ${error.message}`);
      throw error;
    }
    const indexOf = new Map(women.map((woman, index) => [woman.id, index]));
    const locationIndex = new Map(locations.map((location, index) => [location.id, index]));
    const stored: StoredProposedGroup[] = proposal.groups.map((group, index) => ({
      number: index + 1,
      locationId: group.locationId,
      participantIds: group.memberIds,
      languages: group.languages,
      interpreterLanguages: group.interpreterLanguages,
      levels: group.levels,
      meanTravelMinutes: group.meanTravelMinutes,
      commonFreeSlots: group.commonFreeSlots.length,
      bestTimes: bestTimes(
        free,
        group.memberIds.map((id) => indexOf.get(id)!),
        locationIndex.get(group.locationId)!,
      ),
      score: group.score,
    }));
    return this.proposals.save(
      this.proposals.create({
        regionId: region.id,
        programmeId,
        minSize: dto.minSize,
        maxSize: dto.maxSize,
        seed,
        locationIds: locations.map((location) => location.id),
        groups: stored,
        score: proposal.score,
        explanation: proposal.explanation,
        acceptedAt: null,
        acceptedGroupIds: [],
      }),
    );
  }

  /** The programme's proposals the caller may see, newest first. */
  async list(programmeId: string): Promise<GroupProposal[]> {
    const proposals = await this.proposals.find({
      where: { programmeId },
      order: { createdAt: 'DESC', id: 'ASC' },
    });
    const reachable = await this.participants.reachableIds(proposals.flatMap(participantIdsOf));
    return proposals.filter((proposal) => participantIdsOf(proposal).every((id) => reachable.has(id)));
  }

  /**
   * A proposal of the programme; 404 as for one that does not exist when it holds a woman the caller may not see
   * (a coordinator limited to some municipalities sees only the proposals of her own women).
   */
  async get(programmeId: string, id: string): Promise<GroupProposal> {
    const proposal = await this.proposals.findOneBy({ id, programmeId });
    if (!proposal) throw notFound('group proposal', id);
    const women = participantIdsOf(proposal);
    const reachable = await this.participants.reachableIds(women);
    if (!women.every((woman) => reachable.has(woman))) throw notFound('group proposal', id);
    return proposal;
  }

  /** Creates the proposal's groups (after the moves) with their members, in one transaction; once. */
  @Transactional()
  async accept(programmeId: string, id: string, dto: AcceptGroupProposalDto): Promise<GroupProposal> {
    const proposal = await this.get(programmeId, id);
    const members = applyMoves(proposal, dto);
    // The row is marked accepted first, so that two acceptances at once cannot both create groups.
    const marked = await this.proposals.update({ id, acceptedAt: IsNull() }, { acceptedAt: new Date() });
    if (marked.affected !== 1) throw new ConflictException(`id: group proposal ${id} was accepted already`);
    const { programme, groups } = (await this.programmes.withGroups(programmeId))!;
    const grouped = new Map(
      groups.flatMap((group) => group.members.map((member) => [member.id, group.name])),
    );
    for (const woman of members.flat()) {
      if (grouped.has(woman))
        throw new ConflictException(
          `participantIds: participant ${woman} is in group "${grouped.get(woman)}" of this programme since the proposal was made`,
        );
    }
    const trainerIds =
      dto.trainerIds ??
      (await this.staff.exportTrainers(programme.regionId)).map((trainer) => trainer.id).sort();
    const interpreted = new Map(
      (await this.participantRecords.participantsOf(programme.regionId, members.flat()))
        .filter((participant) => participant.interpreterNeeded)
        .map((participant) => [participant.id, participant.language]),
    );
    const created = await this.groups.createMany(
      proposal.groups.map((group, index) => ({
        regionId: programme.regionId,
        programmeId,
        name: `${programme.name} – groep ${group.number}`,
        locationId: group.locationId,
        participantIds: members[index],
        trainerIds,
        interpreterLanguages: [
          ...new Set(members[index].flatMap((woman) => interpreted.get(woman) ?? [])),
        ].sort(),
      })),
    );
    await this.proposals.update({ id }, { acceptedGroupIds: created });
    return this.get(programmeId, id);
  }

  /**
   * The women to put in groups: those named, or every woman of the region the caller may see; none of them
   * erased or already in a group of the programme. 400 naming the field for one that is not.
   */
  private async womenToGroup(regionId: string, grouped: Map<string, string>, named: string[] | undefined) {
    const all = await this.participantRecords.exportParticipants(regionId);
    const reachable = await this.participants.reachableIds(all.map((participant) => participant.id));
    const candidates = all.filter((participant) => reachable.has(participant.id));
    if (!named) return candidates.filter((participant) => !grouped.has(participant.id));
    const byId = new Map(candidates.map((participant) => [participant.id, participant]));
    return named.map((id, index) => {
      const woman = byId.get(id.toLowerCase());
      if (!woman)
        throw new BadRequestException(`participantIds[${index}]: no participant ${id} in this region`);
      if (grouped.has(woman.id))
        throw new BadRequestException(
          `participantIds[${index}]: participant ${id} is in group "${grouped.get(woman.id)}" of this programme already`,
        );
      return woman;
    });
  }

  /**
   * The locations named, or those of the programme's groups, or with none every location of the region; only
   * those the caller may see. 400 naming the field for one that is not.
   */
  private async possibleLocations(regionId: string, ofGroups: string[], named: string[] | undefined) {
    const reachable = (await this.locations.exportLocations(regionId)).filter((location) =>
      this.access.reachesMunicipality(location.municipalityId),
    );
    if (named) {
      const byId = new Map(reachable.map((location) => [location.id, location]));
      return named.map((id, index) => {
        const location = byId.get(id.toLowerCase());
        if (!location)
          throw new BadRequestException(`locationIds[${index}]: no location ${id} in this region`);
        return location;
      });
    }
    const used = reachable.filter((location) => ofGroups.includes(location.id));
    return used.length > 0 ? used : reachable;
  }
}

const participantIdsOf = (proposal: GroupProposal): string[] =>
  proposal.groups.flatMap((group) => group.participantIds);

/** The members of each proposed group after the coordinator's moves; 400 naming the move that does not fit. */
function applyMoves(proposal: GroupProposal, dto: AcceptGroupProposalDto): string[][] {
  const members = proposal.groups.map((group) => [...group.participantIds]);
  (dto.moves ?? []).forEach((move, index) => {
    const from = members.findIndex((group) => group.includes(move.participantId.toLowerCase()));
    if (from < 0)
      throw new BadRequestException(
        `moves[${index}].participantId: participant ${move.participantId} is not in this proposal`,
      );
    if (move.toGroup > members.length)
      throw new BadRequestException(
        `moves[${index}].toGroup: the proposal has groups 1 to ${members.length}, not ${move.toGroup}`,
      );
    const woman = members[from].splice(members[from].indexOf(move.participantId.toLowerCase()), 1)[0];
    members[move.toGroup - 1].push(woman);
  });
  members.forEach((group, index) => {
    if (group.length < proposal.minSize || group.length > proposal.maxSize)
      throw new BadRequestException(
        `moves: group ${index + 1} would have ${group.length} women; the proposal's groups have ` +
          `${proposal.minSize} to ${proposal.maxSize}`,
      );
  });
  return members;
}
