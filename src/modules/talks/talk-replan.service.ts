import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { MoreThan } from 'typeorm';
import { SESSIONS_CHANGED, SessionsChanged } from '../../common/events/sessions-changed.event';
import { TalkRequest } from '../../planning/talks/model';
import { clashingTalks, placeTalks } from '../../planning/talks/place-talks';
import { toMinutes } from '../../planning/time/calendar';
import { instantToLocal } from '../../planning/time/wall-clock';
import { SessionsService } from '../programmes/sessions.service';
import { RegionsService } from '../regions/regions.service';
import { TalkMessagesService } from './talk-messages.service';
import { TalkOccurrence } from './talk-occurrence.entity';
import { staffOf, TalkPlanningService } from './talk-planning.service';
import { TalkSeries } from './talk-series.entity';
import { placementOf } from './talks.service';

/**
 * When sessions move, are cancelled or are planned again, the talks from now on that now clash with a session, a
 * lesson or another talk (or sat beside a session that moved) are placed again, in their own week, around
 * everything else; she is told of each new time. Talks that could not be placed before are tried again too.
 */
@Injectable()
export class TalkReplanService {
  private readonly logger = new Logger(TalkReplanService.name);

  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly sessions: SessionsService,
    private readonly planning: TalkPlanningService,
    private readonly messages: TalkMessagesService,
    private readonly regions: RegionsService,
  ) {}

  @OnEvent(SESSIONS_CHANGED, { promisify: true, suppressErrors: false })
  async onSessionsChanged(event: SessionsChanged): Promise<void> {
    if (event.sessionIds.length === 0) return;
    const [session] = await this.sessions.getMany([event.sessionIds[0]]).catch(() => []);
    if (session) await this.replan(session.regionId, event.now);
  }

  /** Places again the talks of a region from `now` on that no longer fit; answers how many moved. */
  async replan(regionId: string, now: Date): Promise<number> {
    const occurrences = this.txHost.tx.getRepository(TalkOccurrence);
    const series = this.txHost.tx.getRepository(TalkSeries);
    // Most regions have no talks: nothing more is loaded for them.
    if (!(await series.existsBy({ regionId }))) return 0;
    const { zone, today } = await this.todayIn(regionId, now);
    const future = await occurrences.find({
      where: [
        { regionId, status: 'planned', start: MoreThan(now) },
        { regionId, status: 'unplaced', windowTo: MoreThan(today) },
      ],
      relations: { series: true },
      order: { windowFrom: 'ASC', seriesId: 'ASC', number: 'ASC' },
    });
    if (future.length === 0) return 0;
    const to = future
      .map((talk) => talk.windowTo)
      .sort()
      .at(-1)!;
    const context = await this.planning.context(
      regionId,
      today,
      to,
      future.map((talk) => talk.participantId),
    );
    const clashing = new Set(clashingTalks({ ...context.input, requests: [] }));
    const again = future.filter(
      (talk) => talk.status === 'unplaced' || (clashing.has(talk.id) && talk.start! > now),
    );
    if (again.length === 0) return 0;
    const moving = new Set(again.map((talk) => talk.id));
    // A talk placed again keeps to the weekday and time of the series' other talks where it can.
    const usual = new Map<string, { weekday: number; minute: number }>();
    for (const { occurrence } of context.standing) {
      if (moving.has(occurrence.id) || usual.has(occurrence.seriesId)) continue;
      const local = instantToLocal(occurrence.start!, zone);
      usual.set(occurrence.seriesId, { weekday: local.weekday, minute: toMinutes(local.time) });
    }
    const requests: TalkRequest[] = again.map((talk) => ({
      key: talk.id,
      seriesKey: talk.seriesId,
      participantId: talk.participantId,
      staffIds: staffOf(talk.series),
      from: talk.windowFrom < today ? today : talk.windowFrom,
      to: talk.windowTo,
      durationMinutes: talk.series.durationMinutes,
      place: {
        kind: talk.series.place,
        locationId: talk.series.locationId ?? undefined,
        side: talk.series.side ?? undefined,
      },
      usual: usual.get(talk.seriesId),
    }));
    const plan = placeTalks({
      ...context.input,
      standing: context.input.standing.filter((talk) => !moving.has(talk.key)),
      requests,
    });
    const moved: TalkOccurrence[] = [];
    for (const talk of again) {
      const placement = placementOf(plan, talk.id);
      const before = talk.start?.getTime();
      await occurrences.update({ id: talk.id }, placement);
      if (placement.status === 'planned' && placement.start!.getTime() !== before) {
        moved.push({ ...talk, ...placement } as TalkOccurrence);
      }
    }
    const unplaced = again.filter((talk) => placementOf(plan, talk.id).status === 'unplaced').length;
    if (moved.length > 0 || unplaced > 0)
      this.logger.log({ moved: moved.length, unplaced }, 'talks re-planned');
    await this.messages.moved(regionId, zone, moved, now);
    return moved.length;
  }

  private async todayIn(regionId: string, now: Date): Promise<{ zone: string; today: string }> {
    const zone = (await this.regions.timezones([regionId])).get(regionId)!;
    return { zone, today: instantToLocal(now, zone).date };
  }
}
