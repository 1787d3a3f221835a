import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { SCHEDULE_CHANGED, ScheduleChanged } from '../../common/events/schedule-changed.event';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { BadRequestException, Injectable } from '@nestjs/common';
import { FindOptionsWhere } from 'typeorm';
import { Page } from '../../common/api/page';
import { notFound } from '../../common/errors/not-found';
import { describeSkippedTime, skippedTimeOn } from '../../planning/time/skipped-times';
import { RegionsService } from '../regions/regions.service';
import { Appointment } from './appointment.entity';
import { AppointmentListQueryDto, CreateAppointmentDto, UpdateAppointmentDto } from './dto/appointment.dto';
import { ParticipantsService } from './participants.service';
import { RecordScope } from '../access/access-context';
import { participantScopeOf } from '../access/record-scopes';
import { emitInOrder } from '../../common/events/emit-in-order';

/** The participant comes along with every appointment: her region is the appointment's. */
const RELATIONS = { participant: true } as const;

@Injectable()
export class AppointmentsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly events: EventEmitter2,
    private readonly regions: RegionsService,
    private readonly participants: ParticipantsService,
  ) {}

  private get appointments() {
    return this.txHost.tx.getRepository(Appointment);
  }

  /** Where a appointment sits, for the access checks of @ScopedBy. */
  scopeOf(id: string): Promise<RecordScope | undefined> {
    return participantScopeOf(this.appointments, id);
  }

  async list(query: AppointmentListQueryDto): Promise<Page<Appointment>> {
    const where: FindOptionsWhere<Appointment> = {};
    where.participant = await this.participants.reachableWhere(query.region);
    if (query.participant) {
      await this.participants.regionIdOf(query.participant, 'participant');
      where.participantId = query.participant;
    }
    const [items, total] = await this.appointments.findAndCount({
      where,
      relations: RELATIONS,
      order: { date: 'ASC', from: 'ASC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items, total };
  }

  async get(id: string): Promise<Appointment> {
    const appointment = await this.appointments.findOne({ where: { id }, relations: RELATIONS });
    if (!appointment) throw notFound('appointment', id);
    return appointment;
  }

  @Transactional()
  async create(dto: CreateAppointmentDto): Promise<Appointment> {
    await this.requireExistingTimes(dto, await this.participants.regionIdOf(dto.participantId));
    const { id } = await this.appointments.save(this.appointments.create({ ...dto, what: dto.what ?? '' }));
    await emitInOrder(this.events, SCHEDULE_CHANGED, new ScheduleChanged([dto.participantId]));
    return this.get(id);
  }

  @Transactional()
  async update(id: string, dto: UpdateAppointmentDto): Promise<Appointment> {
    const appointment = await this.get(id);
    const changed = this.appointments.merge(appointment, dto);
    await this.requireExistingTimes(changed, appointment.participant.regionId);
    await this.appointments.save(changed);
    await emitInOrder(this.events, SCHEDULE_CHANGED, new ScheduleChanged([appointment.participantId]));
    return this.get(id);
  }

  /** Her date and times are wall-clock ones of her region: a time the clocks skip that day is refused. */
  private async requireExistingTimes(
    appointment: Pick<Appointment, 'date' | 'from' | 'to'>,
    regionId: string,
  ): Promise<void> {
    const zone = (await this.regions.timezones([regionId])).get(regionId)!;
    const skipped = skippedTimeOn(appointment.date, appointment, zone);
    if (skipped) throw new BadRequestException(describeSkippedTime(skipped, zone));
  }

  @Transactional()
  async remove(id: string): Promise<void> {
    const appointment = await this.get(id);
    await this.appointments.remove(appointment);
    await emitInOrder(this.events, SCHEDULE_CHANGED, new ScheduleChanged([appointment.participantId]));
  }
}
