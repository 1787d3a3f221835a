import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Injectable } from '@nestjs/common';
import { And, LessThan, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import type { TalkPlaceKind, TalkRole } from '../../planning/talks/model';
import { StaffScenarioService } from '../staff/staff-scenario.service';
import { ProgrammeClosingTalks } from './programme-closing-talks.entity';
import { TalkOccurrence } from './talk-occurrence.entity';
import { TalksService } from './talks.service';

/** A programme's closing talks as a scenario says them, with the region's own ids. */
export interface ClosingTalksSettings {
  roles: TalkRole[];
  durationMinutes: number;
  place: TalkPlaceKind;
  locationId: string | null;
}

/** What planning a programme's closing talks came to, as the talks module reports it. */
export interface ClosingTalksOutcome {
  roles: TalkRole[];
  /** Members with a closing talk at a time. */
  planned: number;
  /** Members without one, and why: no time free for everyone, or no sessions of her group. */
  unplaced: { participantId: string; reason: string }[];
  /** Why none were planned at all (a role nobody in the region has); the closing talks that stood stay. */
  notPlanned?: string;
}

const sameSettings = (a: ClosingTalksSettings, b: ClosingTalksSettings) =>
  a.roles.join() === b.roles.join() &&
  a.durationMinutes === b.durationMinutes &&
  a.place === b.place &&
  a.locationId === b.locationId;

/**
 * The talks module's part of scenario import, export and planning: that a programme ends with closing talks, and
 * planning them when the programme is planned.
 */
@Injectable()
export class TalksScenarioService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly talks: TalksService,
    private readonly staff: StaffScenarioService,
  ) {}

  private get settings() {
    return this.txHost.tx.getRepository(ProgrammeClosingTalks);
  }

  /** Stores the closing talks a file gives its programme; answers whether that changed anything. */
  async importClosingTalks(
    programmeId: string,
    regionId: string,
    settings: ClosingTalksSettings,
  ): Promise<boolean> {
    const standing = await this.settings.findOneBy({ programmeId });
    if (standing && sameSettings(standing, settings)) return false;
    await this.settings.save({ ...(standing ?? { programmeId, regionId }), ...settings });
    return true;
  }

  async exportClosingTalks(programmeId: string): Promise<ClosingTalksSettings | undefined> {
    const standing = await this.settings.findOneBy({ programmeId });
    if (!standing) return undefined;
    const { roles, durationMinutes, place, locationId } = standing;
    return { roles, durationMinutes, place, locationId };
  }

  /**
   * The closing talks of a region for a plan document: those planned to start in [start, end), and those that
   * found no time whose days meet the local dates [from, to] (either open when left out); each with its series.
   */
  async closingTalksIn(
    regionId: string,
    range: { start: Date; end: Date; from?: string; to?: string },
  ): Promise<TalkOccurrence[]> {
    const closing = { regionId, series: { kind: 'closing' as const } };
    // Only the talks of the range: a region's history of closing talks grows with every plan.
    return this.txHost.tx.getRepository(TalkOccurrence).find({
      where: [
        { ...closing, status: 'planned', start: And(MoreThanOrEqual(range.start), LessThan(range.end)) },
        {
          ...closing,
          status: 'unplaced',
          ...(range.from !== undefined && { windowTo: MoreThanOrEqual(range.from) }),
          ...(range.to !== undefined && { windowFrom: LessThanOrEqual(range.to) }),
        },
      ],
      relations: { series: true },
      order: { windowFrom: 'ASC', participantId: 'ASC' },
    });
  }

  /**
   * Plans the closing talks of a programme that ends with them (anew, as `POST /programmes/{id}/closing-talks`
   * does), once its sessions stand; undefined for a programme without.
   */
  async planClosingOf(programmeId: string): Promise<ClosingTalksOutcome | undefined> {
    const settings = await this.settings.findOneBy({ programmeId });
    if (!settings) return undefined;
    const { roles } = settings;
    const holders = await this.staff.exportStaffMembers(settings.regionId);
    // The talks service refuses a role nobody has (400 to a caller); a plan goes on without the talks instead.
    const missing = roles.find(
      (role) => !holders.some((member) => (member.roles as string[]).includes(role)),
    );
    if (missing) {
      return {
        roles,
        planned: 0,
        unplaced: [],
        notPlanned: `no staff member of this region is a ${missing}`,
      };
    }
    const { planned, skipped } = await this.talks.planClosing(programmeId, {
      roles,
      durationMinutes: settings.durationMinutes,
      place: settings.place,
      locationId: settings.locationId ?? undefined,
    });
    const talks = planned.flatMap(({ series, talks: own }) =>
      own.map((talk) => ({ participantId: series.participantId, talk })),
    );
    return {
      roles,
      planned: talks.filter(({ talk }) => talk.status === 'planned').length,
      unplaced: [
        ...talks
          .filter(({ talk }) => talk.status === 'unplaced')
          .map(({ participantId, talk }) => ({ participantId, reason: talk.reason ?? 'not placed' })),
        ...skipped,
      ],
    };
  }
}
