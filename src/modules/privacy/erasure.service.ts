import { Transactional } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import { TokensService } from '../access/tokens.service';
import { AbsencesService } from '../attendance/absences.service';
import { AuditService } from '../audit/audit.service';
import { ChildcareBookingsService } from '../childcare/childcare-bookings.service';
import { OutboxService } from '../messages/outbox.service';
import { AbsenceLinksService } from '../reminders/absence-links.service';
import { CalendarFeedsService } from '../calendar/calendar-feeds.service';
import { JobsService } from '../jobs/jobs.service';
import { RoutesService } from '../routes/routes.service';
import { LessonsService } from '../language-providers/lessons.service';
import { ParticipantsService } from '../participants/participants.service';
import { CarPoolOffersService } from '../car-pool/car-pool-offers.service';

export interface Erasure {
  participantId: string;
  erasedAt: Date;
}

/**
 * The right to erasure (AVG article 17): her personal data, children, lessons, appointments and personal links
 * go, in one transaction; her membership of groups stays without her identity, for the municipality's counts.
 * Her childcare bookings, reported absences (a reason may be her health), route stops, unrouted pickups and
 * messages, one-tap absence links and her calendar feed go too, and she is taken out of the stored results of
 * jobs (a routes plan that did not collect her, say).
 */
@Injectable()
export class ErasureService {
  constructor(
    private readonly participants: ParticipantsService,
    private readonly lessons: LessonsService,
    private readonly tokens: TokensService,
    private readonly bookings: ChildcareBookingsService,
    private readonly absences: AbsencesService,
    private readonly routes: RoutesService,
    private readonly outbox: OutboxService,
    private readonly links: AbsenceLinksService,
    private readonly feeds: CalendarFeedsService,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
    private readonly carPool: CarPoolOffersService,
  ) {}

  @Transactional()
  async erase(participantId: string, now: Date): Promise<Erasure> {
    const participant = await this.participants.get(participantId);
    await this.lessons.deleteForParticipant(participantId);
    await this.tokens.deleteForParticipant(participantId);
    await this.bookings.deleteForParticipant(participantId);
    await this.absences.deleteForParticipant(participantId);
    await this.routes.deleteForParticipant(participantId);
    await this.outbox.deleteForParticipant(participantId);
    await this.links.deleteForParticipant(participantId);
    await this.feeds.deleteForParticipant(participantId);
    await this.carPool.deleteForParticipant(participantId);
    await this.jobs.eraseParticipant(participantId);
    await this.participants.erasePersonalData(participantId, now);
    await this.audit.record('erase', [
      { recordType: 'participant', recordId: participantId, participantId, regionId: participant.regionId },
    ]);
    return { participantId, erasedAt: now };
  }
}
