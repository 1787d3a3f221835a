import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../../common/api/id-param';
import { ApiPageResponse, Page } from '../../common/api/page';
import {
  CreateStaffMemberDto,
  StaffMemberDto,
  StaffMemberListQueryDto,
  UpdateStaffMemberDto,
} from './dto/staff-member.dto';
import { StaffMembersService } from './staff-members.service';
import { ScopedBy } from '../access/scoped-by.decorator';

@ApiTags('staff-members')
@ApiBearerAuth()
@ScopedBy(StaffMembersService, 'staff member')
@Controller('staff-members')
export class StaffMembersController {
  constructor(private readonly staffMembers: StaffMembersService) {}

  @Get()
  @ApiPageResponse(StaffMemberDto)
  async list(@Query() query: StaffMemberListQueryDto): Promise<Page<StaffMemberDto>> {
    const page = await this.staffMembers.list(query);
    return { items: page.items.map(StaffMemberDto.from), total: page.total };
  }

  @Get(':id')
  async get(@IdParam() id: string): Promise<StaffMemberDto> {
    return StaffMemberDto.from(await this.staffMembers.get(id));
  }

  @Post()
  async create(@Body() dto: CreateStaffMemberDto): Promise<StaffMemberDto> {
    return StaffMemberDto.from(await this.staffMembers.create(dto));
  }

  @Patch(':id')
  async update(@IdParam() id: string, @Body() dto: UpdateStaffMemberDto): Promise<StaffMemberDto> {
    return StaffMemberDto.from(await this.staffMembers.update(id, dto));
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@IdParam() id: string): Promise<void> {
    await this.staffMembers.remove(id);
  }
}
