import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../../common/api/id-param';
import { ApiPageResponse, Page } from '../../common/api/page';
import { CreateGroupDto, GroupDto, GroupListQueryDto, UpdateGroupDto } from './dto/group.dto';
import { Group } from './group.entity';
import { GroupsService } from './groups.service';
import { ScopedBy } from '../access/scoped-by.decorator';

@ApiTags('groups')
@ApiBearerAuth()
@ScopedBy(GroupsService, 'group')
@Controller('groups')
export class GroupsController {
  constructor(private readonly groups: GroupsService) {}

  @Get()
  @ApiPageResponse(GroupDto)
  async list(@Query() query: GroupListQueryDto): Promise<Page<GroupDto>> {
    const page = await this.groups.list(query);
    return { items: await this.dtos(page.items), total: page.total };
  }

  @Get(':id')
  async get(@IdParam() id: string): Promise<GroupDto> {
    return (await this.dtos([await this.groups.get(id)]))[0];
  }

  @Post()
  async create(@Body() dto: CreateGroupDto): Promise<GroupDto> {
    return (await this.dtos([await this.groups.create(dto)]))[0];
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Update a group; participantIds and trainerIds, when given, replace the lists',
    description:
      'For a coordinator limited to some municipalities, `participantIds` replaces the members of those: ' +
      'the members she does not see (`hiddenParticipants`) stay.',
  })
  async update(@IdParam() id: string, @Body() dto: UpdateGroupDto): Promise<GroupDto> {
    return (await this.dtos([await this.groups.update(id, dto)]))[0];
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a group (409 while it still has sessions)' })
  async remove(@IdParam() id: string): Promise<void> {
    await this.groups.remove(id);
  }

  private async dtos(groups: Group[]): Promise<GroupDto[]> {
    const reachable = await this.groups.reachableMembers(groups);
    return groups.map((group) => GroupDto.from(group, reachable));
  }
}
