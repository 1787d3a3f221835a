import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { BadRequestException, Injectable } from '@nestjs/common';
import { ArrayContains, FindOptionsWhere } from 'typeorm';
import { Page } from '../../common/api/page';
import { placeTalks } from '../../planning/talks/place-talks';
import { COACH_ROLES, TalkPlaceKind, TalkPlan, TalkRequest, TalkRole } from '../../planning/talks/model';
import { talkLocationId, talkPlaceProblem } from '../../planning/talks/talk-place';
import { seriesStart, talkWeeks } from '../../planning/talks/talk-weeks';
import { addDays } from '../../planning/time/calendar';
import { instantToLocal } from '../../planning/time/wall-clock';
import { LocationsService } from '../locations/locations.service';
import { ParticipantsService } from '../participants/participants.service';
import { Group } from '../programmes/group.entity';
import { Programme } from '../programmes/programme.entity';
import { ProgrammesScenarioService } from '../programmes/programmes-scenario.service';
import { SessionsService } from '../programmes/sessions.service';
import { RegionsService } from '../regions/regions.service';
import { StaffMembersService } from '../staff/staff-members.service';
import { StaffScenarioService } from '../staff/staff-scenario.service';
import { ClosingTalksDto, CreateTalkSeriesDto, TalkListQueryDto } from './dto/talk.dto';
import { TalkOccurrence } from './talk-occurrence.entity';
import { staffOf, TalkPlanningService } from './talk-planning.service';
import { TalkSeries } from './talk-series.entity';

/** A series with its talks and the zone its times are told in. */
export interface PlannedSeries {
  series: TalkSeries;
  talks: TalkOccurrence[];
  zone: string;
}

/** How long a closing talk's days are: the last two weeks of her group's sessions. */
const CLOSING_DAYS = 14;

const requestsFor = (series: TalkSeries, windows: { from: string; to: string }[]): TalkRequest[] =>
  windows.map((window, index) => ({
    key: `${series.id}#${index + 1}`,
    seriesKey: series.id,
    participantId: series.participantId,
    staffIds: staffOf(series),
    from: window.from,
    to: window.to,
    durationMinutes: series.durationMinutes,
    place: { kind: series.place, locationId: series.locationId ?? undefined, side: series.side ?? undefined },
  }));

/**
 * Individual talks: a participant's recurring talks with her jobcoach, coach or language buddy, and the closing
 * talks of a programme; each planned on creation around her lessons, sessions and the coach's time.
 */
@Injectable()
export class TalksService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly planning: TalkPlanningService,
    private readonly participants: ParticipantsService,
    private readonly programmes: ProgrammesScenarioService,
    private readonly sessions: SessionsService,
    private readonly staffMembers: StaffMembersService,
    private readonly staff: StaffScenarioService,
    private readonly locations: LocationsService,
    private readonly regions: RegionsService,
  ) {}

  private get series() {
    return this.txHost.tx.getRepository(TalkSeries);
  }

  private get occurrences() {
    return this.txHost.tx.getRepository(TalkOccurrence);
  }

  @Transactional()
  async create(dto: CreateTalkSeriesDto): Promise<PlannedSeries> {
    const her = await this.participants.findReachable(dto.participantId, 'participantId');
    const { programme, groups } = await this.programmeOf(dto.programmeId, her.regionId);
    const own = groups.filter((group) => group.members.some((member) => member.id === her.id));
    if (own.length === 0) {
      throw new BadRequestException(`participantId: she is in no group of programme ${programme.id}`);
    }
    const coach = await this.staffMembers.get(dto.coachId).catch(() => undefined);
    if (!coach || coach.regionId !== her.regionId) {
      throw new BadRequestException(`coachId: no staff member ${dto.coachId} in this region`);
    }
    const talkRoles: TalkRole[] = COACH_ROLES.filter((role) => (coach.roles as string[]).includes(role));
    const role = dto.role ?? talkRoles[0];
    if (!role || !talkRoles.includes(role)) {
      throw new BadRequestException(
        `${dto.role ? 'role' : 'coachId'}: ${coach.name} is not a ${dto.role ?? COACH_ROLES.join(', ')}`,
      );
    }
    const starts = [dto.fromWeek, dto.fromMonth, dto.fromDate].filter((value) => value !== undefined);
    if (starts.length > 1)
      throw new BadRequestException('fromWeek: give one of fromWeek, fromMonth, fromDate');
    const firstDate = seriesStart(programme.startDate, {
      week: dto.fromWeek,
      month: dto.fromMonth,
      date: dto.fromDate,
    });
    const zone = await this.zoneOf(her.regionId);
    const lastDate = dto.until ?? (await this.lastSessionDate(own, zone));
    if (!lastDate) {
      throw new BadRequestException('until: her group has no sessions planned yet; plan them or give until');
    }
    if (lastDate < firstDate) {
      const field = dto.until
        ? 'until'
        : dto.fromMonth
          ? 'fromMonth'
          : dto.fromWeek
            ? 'fromWeek'
            : 'fromDate';
      throw new BadRequestException(`${field}: the talks would start on ${firstDate}, after ${lastDate}`);
    }
    const given = await this.givenLocation(dto.place, dto.locationId, her.regionId);
    if (dto.side && dto.place !== 'location') {
      throw new BadRequestException('side: only for talks at the location');
    }
    const series = await this.series.save(
      this.series.create({
        regionId: her.regionId,
        ref: dto.ref ?? null,
        kind: 'coaching',
        participantId: her.id,
        programmeId: programme.id,
        role,
        staffMemberIds: [coach.id],
        trainerId: null,
        frequency: dto.frequency,
        firstDate,
        lastDate,
        count: dto.count ?? null,
        durationMinutes: dto.durationMinutes ?? 60,
        place: dto.place,
        locationId: talkLocationId(dto.place, given, own[0].locationId) ?? null,
        side: dto.side ?? null,
      }),
    );
    const windows = talkWeeks(series.frequency, firstDate, lastDate, dto.count);
    const [talks] = await this.planAndStore([{ series, windows }]);
    return { series, talks, zone };
  }

  /**
   * One closing talk per member of the programme, in the last two weeks of her group's sessions, with her, her
   * group's trainer and a staff member of each role: her own coach in that role where she has one. Calling it
   * again plans them anew.
   */
  @Transactional()
  async planClosing(
    programmeId: string,
    dto: ClosingTalksDto,
  ): Promise<{ planned: PlannedSeries[]; skipped: { participantId: string; reason: string }[] }> {
    const { programme, groups } = await this.programmeOf(programmeId, undefined);
    const regionId = programme.regionId;
    const zone = await this.zoneOf(regionId);
    const place = dto.place ?? 'location';
    const given = await this.givenLocation(place, dto.locationId, regionId);
    const roles = [...new Set(dto.roles)];
    const staffMembers = (await this.staff.exportStaffMembers(regionId)).sort((a, b) =>
      (a.ref ?? a.name).localeCompare(b.ref ?? b.name),
    );
    roles.forEach((role, index) => {
      if (!staffMembers.some((member) => (member.roles as string[]).includes(role))) {
        throw new BadRequestException(`roles[${index}]: no staff member of this region is a ${role}`);
      }
    });
    await this.series.delete({ programmeId: programme.id, kind: 'closing' });
    const coaching = await this.series.find({ where: { programmeId: programme.id, kind: 'coaching' } });

    const skipped: { participantId: string; reason: string }[] = [];
    const planned: { series: TalkSeries; windows: { from: string; to: string }[] }[] = [];
    const members = groups.flatMap((group) => group.members.map((member) => ({ member, group })));
    members.sort((a, b) => (a.member.ref ?? a.member.id).localeCompare(b.member.ref ?? b.member.id));
    const seen = new Set<string>();
    for (const { member } of members) {
      if (seen.has(member.id)) continue;
      seen.add(member.id);
      const own = groups.filter((group) => group.members.some((m) => m.id === member.id));
      const sessions = (
        await this.sessions.plannedFrom(
          own.map((group) => group.id),
          new Date(0),
        )
      ).filter((session) => session.status === 'planned');
      const last = sessions.at(-1);
      if (!last) {
        skipped.push({ participantId: member.id, reason: 'her group has no sessions planned' });
        continue;
      }
      const lastDate = instantToLocal(last.start, zone).date;
      const firstDate = addDays(lastDate, 1 - CLOSING_DAYS);
      const group = own.find((g) => g.id === last.groupId)!;
      const trainerId = last.trainerId ?? group.trainers[0]?.id ?? null;
      const chosen = roles.map(
        (role) =>
          coaching.find((series) => series.participantId === member.id && series.role === role)
            ?.staffMemberIds[0] ??
          staffMembers.find((person) => (person.roles as string[]).includes(role))!.id,
      );
      const series = await this.series.save(
        this.series.create({
          regionId,
          ref: null,
          kind: 'closing',
          participantId: member.id,
          programmeId: programme.id,
          role: null,
          staffMemberIds: [...new Set(chosen)],
          trainerId,
          frequency: 'once',
          firstDate,
          lastDate,
          count: 1,
          durationMinutes: dto.durationMinutes ?? 60,
          place,
          locationId: talkLocationId(place, given, last.locationId) ?? null,
          side: null,
        }),
      );
      planned.push({ series, windows: [{ from: firstDate, to: lastDate }] });
    }
    const talks = await this.planAndStore(planned);
    return {
      planned: planned.map(({ series }, index) => ({ series, talks: talks[index], zone })),
      skipped,
    };
  }

  async list(query: TalkListQueryDto): Promise<{ page: Page<PlannedSeries> }> {
    // Her talks are hers: only those of the participants the caller reaches (her regions and municipalities).
    const base: FindOptionsWhere<TalkSeries> = {
      participant: await this.participants.reachableWhere(query.region),
    };
    if (query.ref) base.ref = query.ref;
    if (query.programme) base.programmeId = query.programme;
    if (query.participant) {
      await this.participants.findReachable(query.participant, 'participant');
      base.participantId = query.participant;
    }
    const where = query.coach
      ? [
          { ...base, staffMemberIds: ArrayContains([query.coach]) },
          { ...base, trainerId: query.coach },
        ]
      : base;
    const [items, total] = await this.series.findAndCount({
      where,
      order: { firstDate: 'ASC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    const talks = await this.planning.occurrencesOf(items.map((series) => series.id));
    const zones = await this.regions.timezones(items.map((series) => series.regionId));
    return {
      page: {
        items: items.map((series) => ({
          series,
          talks: talks.filter((talk) => talk.seriesId === series.id),
          zone: zones.get(series.regionId) ?? 'Europe/Amsterdam',
        })),
        total,
      },
    };
  }

  /** Places the talks of new series, one series after the other, and stores them; answers each series' talks. */
  private async planAndStore(
    all: { series: TalkSeries; windows: { from: string; to: string }[] }[],
  ): Promise<TalkOccurrence[][]> {
    const windows = all.flatMap(({ windows: w }) => w);
    if (windows.length === 0) return all.map(() => []);
    const from = windows.map((w) => w.from).sort()[0];
    const to = windows
      .map((w) => w.to)
      .sort()
      .at(-1)!;
    const regionId = all[0].series.regionId;
    const context = await this.planning.context(
      regionId,
      from,
      to,
      all.map(({ series }) => series.participantId),
    );
    const requests = all.flatMap(({ series, windows: w }) => requestsFor(series, w));
    const plan = placeTalks({ ...context.input, requests });
    const stored: TalkOccurrence[][] = [];
    for (const { series, windows: w } of all) {
      const rows = w.map((window, index) =>
        this.occurrences.create({
          regionId,
          seriesId: series.id,
          participantId: series.participantId,
          number: index + 1,
          windowFrom: window.from,
          windowTo: window.to,
          ...placementOf(plan, `${series.id}#${index + 1}`),
        }),
      );
      stored.push(rows.length > 0 ? await this.occurrences.save(rows) : []);
    }
    return stored;
  }

  private async programmeOf(
    programmeId: string,
    regionId: string | undefined,
  ): Promise<{ programme: Programme; groups: Group[] }> {
    const found = await this.programmes.withGroups(programmeId);
    if (!found || (regionId && found.programme.regionId !== regionId)) {
      throw new BadRequestException(`programmeId: no programme ${programmeId} in her region`);
    }
    return found;
  }

  private async zoneOf(regionId: string): Promise<string> {
    return (await this.regions.timezones([regionId])).get(regionId)!;
  }

  /** The local date of the last planned session of these groups, or undefined. */
  private async lastSessionDate(groups: Group[], zone: string): Promise<string | undefined> {
    const sessions = await this.sessions.plannedFrom(
      groups.map((group) => group.id),
      new Date(0),
    );
    const last = sessions.at(-1);
    return last && instantToLocal(last.start, zone).date;
  }

  /** The location a talk's place is given, checked against the place and the region; 400 naming `locationId`. */
  private async givenLocation(
    place: TalkPlaceKind,
    locationId: string | null | undefined,
    regionId: string,
  ): Promise<string | undefined> {
    // A JSON null is no location.
    const given = locationId ?? undefined;
    const problem = talkPlaceProblem(place, given);
    if (problem) throw new BadRequestException(`locationId: ${problem}`);
    if (given) await this.locations.requireInRegion(given, regionId, 'locationId');
    return given;
  }
}

/** The stored columns of a talk as the plan placed it, or unplaced with its reason. */
export function placementOf(plan: TalkPlan, key: string): Partial<TalkOccurrence> {
  const placed = plan.placed.find((talk) => talk.key === key);
  if (placed) {
    return {
      status: 'planned',
      start: placed.start,
      end: placed.end,
      locationId: placed.locationId ?? null,
      sessionId: placed.sessionId ?? null,
      reason: null,
    };
  }
  const reason = plan.unplaced.find((talk) => talk.key === key)?.reason ?? 'not placed';
  return { status: 'unplaced', start: null, end: null, locationId: null, sessionId: null, reason };
}
