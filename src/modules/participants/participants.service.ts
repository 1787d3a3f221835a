import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { BadRequestException, forwardRef, Inject, Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { emitInOrder } from '../../common/events/emit-in-order';
import { SCHEDULE_CHANGED, ScheduleChanged } from '../../common/events/schedule-changed.event';
import { FindOptionsWhere, In, IsNull } from 'typeorm';
import { AccessContext, RecordScope } from '../access/access-context';
import { Page } from '../../common/api/page';
import { notFound } from '../../common/errors/not-found';
import { GroupsService } from '../programmes/groups.service';
import { MunicipalitiesService } from '../regions/municipalities.service';
import { RegionsService } from '../regions/regions.service';
import { CreateParticipantDto, ParticipantListQueryDto, UpdateParticipantDto } from './dto/participant.dto';
import { Participant } from './participant.entity';
import { Appointment } from './appointment.entity';
import { Child } from './child.entity';

@Injectable()
export class ParticipantsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly regions: RegionsService,
    private readonly municipalities: MunicipalitiesService,
    // Groups are planned around participants, and participants are listed by group: each needs the other.
    @Inject(forwardRef(() => GroupsService)) private readonly groups: GroupsService,
    private readonly access: AccessContext,
    private readonly events: EventEmitter2,
  ) {}

  private get participants() {
    return this.txHost.tx.getRepository(Participant);
  }

  async list(query: ParticipantListQueryDto): Promise<Page<Participant>> {
    const scope = await this.regions.scope(query);
    const where: FindOptionsWhere<Participant> = { ...scope, erasedAt: IsNull() };
    const municipalityIds = this.access.narrowMunicipalities(
      query.municipality
        ? await this.municipalities.resolveIds(query.municipality, scope.regionId)
        : undefined,
    );
    if (municipalityIds) where.municipalityId = In(municipalityIds);
    if (query.group) where.id = In(await this.groups.memberIdsOfFilter(query.group, scope.regionId));
    const [items, total] = await this.participants.findAndCount({
      where,
      order: { name: 'ASC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items, total };
  }

  /** A participant the caller may reach (erased ones are gone); 404 otherwise. */
  async get(id: string): Promise<Participant> {
    const participant = await this.participants.findOneBy({ id, erasedAt: IsNull() });
    if (!participant || !this.access.reaches(participant)) throw notFound('participant', id);
    return participant;
  }

  /** Where a participant sits, for the access checks of @ScopedBy; erased participants are gone. */
  async scopeOf(id: string): Promise<RecordScope | undefined> {
    const participant = await this.participants.findOne({
      where: { id, erasedAt: IsNull() },
      select: { id: true, regionId: true, municipalityId: true },
    });
    if (!participant) return undefined;
    return { regionId: participant.regionId, municipalityId: participant.municipalityId, participantId: id };
  }

  /**
   * The `where` on the participant of records that hang off her (children, lessons, appointments): not erased,
   * in the regions (or the one `region` filter) and municipalities the caller may reach.
   */
  async reachableWhere(region?: string): Promise<FindOptionsWhere<Participant>> {
    const { regionId } = await this.regions.scope({ region });
    const municipalityIds = this.access.municipalityIds();
    return {
      erasedAt: IsNull(),
      ...(regionId && { regionId }),
      ...(municipalityIds && { municipalityId: In(municipalityIds) }),
    };
  }

  /**
   * Of these participants, those whose ids the caller may see in an answer that lists several (a group's members,
   * a session's attendance, its riders): all of them, unless she is limited to some municipalities. Erased ones
   * keep their municipality, so a limited coordinator sees the same of them as before they were erased.
   */
  async reachableIds(ids: string[]): Promise<Set<string>> {
    const municipalityIds = this.access.municipalityIds();
    if (!municipalityIds) return new Set(ids);
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Set();
    const rows = await this.participants.find({
      where: { id: In(unique), municipalityId: In(municipalityIds) },
      select: { id: true },
    });
    return new Set(rows.map((row) => row.id));
  }

  /** A participant named in a body field or a filter, within the caller's reach; 400 naming the field otherwise. */
  async findReachable(id: string, field = 'participantId'): Promise<Participant> {
    const participant = await this.participants.findOneBy({ id, erasedAt: IsNull() });
    if (!participant || !this.access.reaches(participant))
      throw new BadRequestException(`${field}: no participant ${id}`);
    return participant;
  }

  /** Checks that a participant exists in the given region; 400 naming the field when she does not. */
  async requireInRegion(id: string, regionId: string, field = 'participantId'): Promise<void> {
    const participant = await this.findReachable(id, field).catch(() => undefined);
    if (participant?.regionId !== regionId)
      throw new BadRequestException(`${field}: no participant ${id} in this region`);
  }

  /**
   * The region of a participant named in a body field or a list filter, for records that follow her region;
   * 400 naming that field when there is no such participant.
   */
  async regionIdOf(id: string, field = 'participantId'): Promise<string> {
    return (await this.findReachable(id, field)).regionId;
  }

  @Transactional()
  async create(dto: CreateParticipantDto): Promise<Participant> {
    const regionId = await this.regions.resolveId(dto.regionId, 'regionId');
    await this.municipalities.requireInRegion(dto.municipalityId, regionId);
    return this.participants.save(
      this.participants.create({
        ...dto,
        regionId,
        interpreterNeeded: dto.interpreterNeeded ?? false,
        carSeatsOffered: dto.carSeatsOffered ?? 0,
      }),
    );
  }

  @Transactional()
  async update(id: string, dto: UpdateParticipantDto): Promise<Participant> {
    const participant = await this.get(id);
    if (dto.municipalityId && dto.municipalityId !== participant.municipalityId) {
      await this.municipalities.requireInRegion(dto.municipalityId, participant.regionId);
    }
    const travelBefore = JSON.stringify([participant.transport, participant.position, participant.readyFrom]);
    // Null clears the seats she offers: none.
    const changes = dto.carSeatsOffered === null ? { ...dto, carSeatsOffered: 0 } : dto;
    const saved = await this.participants.save(
      this.participants.merge(participant, changes as Partial<Participant>),
    );
    // How she travels, or from where, decides whether she gets from a lesson to a session in time; from when she
    // is ready, which sessions are hers.
    if (JSON.stringify([saved.transport, saved.position, saved.readyFrom]) !== travelBefore)
      await emitInOrder(this.events, SCHEDULE_CHANGED, new ScheduleChanged([id]));
    return saved;
  }

  /**
   * Wipes what identifies her, with her children and appointments, and marks her erased. The row stays, with her
   * region, municipality and group memberships, so that counts of who took part stay right.
   */
  async erasePersonalData(id: string, now: Date): Promise<void> {
    const { tx } = this.txHost;
    await tx.getRepository(Child).delete({ participantId: id });
    await tx.getRepository(Appointment).delete({ participantId: id });
    await this.participants.update({ id }, {
      erasedAt: now,
      ref: null,
      name: null,
      phone: null,
      email: null,
      language: null,
      interpreterNeeded: false,
      level: null,
      reminderChannel: null,
      transport: null,
      carSeatsOffered: 0,
      address: null,
      position: { lat: null, lon: null },
    } as never);
  }

  /** Her children, appointments, lessons and group memberships go with her (the schema cascades). */
  async remove(id: string): Promise<void> {
    await this.participants.remove(await this.get(id));
  }
}
