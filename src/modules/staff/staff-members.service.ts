import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Injectable } from '@nestjs/common';
import { ArrayContains, FindOptionsWhere } from 'typeorm';
import { replaceWindows } from '../../common/database/replace-rows';
import { STAFF_ROLES, StaffRole } from './staff-roles';
import { RegionRecordsService } from '../regions/region-records.service';
import { RegionsService } from '../regions/regions.service';
import { CreateStaffMemberDto, StaffMemberListQueryDto, UpdateStaffMemberDto } from './dto/staff-member.dto';
import { StaffMemberAvailability } from './staff-member-availability.entity';
import { StaffMember } from './staff-member.entity';

const RELATIONS = { availability: true } as const;

/** The roles once each, in the planner's order. */
const distinct = (roles: StaffRole[]) => STAFF_ROLES.filter((role) => roles.includes(role));

@Injectable()
export class StaffMembersService extends RegionRecordsService<StaffMember, StaffMemberListQueryDto> {
  constructor(txHost: TransactionHost<TransactionalAdapterTypeOrm>, regions: RegionsService) {
    super(txHost, regions, {
      entity: StaffMember,
      noun: 'staff member',
      idField: 'staffMemberId',
      relations: RELATIONS,
    });
  }

  protected override async listWhere(query: StaffMemberListQueryDto): Promise<FindOptionsWhere<StaffMember>> {
    const where = await super.listWhere(query);
    if (query.role) where.roles = ArrayContains([query.role]);
    return where;
  }

  @Transactional()
  async create(dto: CreateStaffMemberDto): Promise<StaffMember> {
    const regionId = await this.regions.resolveId(dto.regionId, 'regionId');
    const member = this.records.create({
      regionId,
      ref: dto.ref ?? null,
      name: dto.name,
      roles: distinct(dto.roles),
      availability: (dto.availability ?? []).map((window) =>
        this.txHost.tx.create(StaffMemberAvailability, window),
      ),
    });
    const { id } = await this.records.save(member);
    return this.get(id);
  }

  @Transactional()
  async update(id: string, dto: UpdateStaffMemberDto): Promise<StaffMember> {
    // Saved without her availability, which is replaced apart when it changes (see replaceRows for why).
    const { availability, ...member } = await this.get(id);
    if (dto.ref !== undefined) member.ref = dto.ref;
    member.name = dto.name ?? member.name;
    if (dto.roles) member.roles = distinct(dto.roles);
    await this.records.save(member);
    await replaceWindows(
      this.txHost.tx,
      StaffMemberAvailability,
      { staffMemberId: id },
      dto.availability,
      availability,
    );
    return this.get(id);
  }

  /** Her roles at sessions go with her (the rows cascade); re-planning fills them again. */
}
