import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../../common/api/id-param';
import { ScopedBy } from '../access/scoped-by.decorator';
import { ProgrammesService } from '../programmes/programmes.service';
import { AcceptGroupProposalDto, CreateGroupProposalDto, GroupProposalDto } from './dto/group-proposal.dto';
import { GroupProposalsService } from './group-proposals.service';

/** The `:proposalId` path parameter, which must be a UUID (400 naming it otherwise). */
const ProposalIdParam = () =>
  Param(
    'proposalId',
    new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException('proposalId: must be a UUID') }),
  );

@ApiTags('programmes')
@ApiBearerAuth()
@ScopedBy(ProgrammesService, 'programme')
@Controller('programmes/:id/group-proposals')
export class GroupProposalsController {
  constructor(private readonly proposals: GroupProposalsService) {}

  @Post()
  @ApiOperation({
    summary: 'Propose groups for the women of the programme who are in none of its groups yet',
    description:
      'Groups of minSize to maxSize women (the fewest groups that allows), at the given locations, judged in order ' +
      'by language (fewest interpreters, then fewest mixed languages), level (closest), travel from home (least) and ' +
      'the weekly times most of a group is free of lessons (most). The proposal is kept; accept it to create the groups.',
  })
  async propose(@IdParam() id: string, @Body() dto: CreateGroupProposalDto): Promise<GroupProposalDto> {
    return GroupProposalDto.from(await this.proposals.propose(id, dto));
  }

  @Get()
  @ApiOperation({ summary: "The programme's group proposals, newest first" })
  @ApiOkResponse({ type: [GroupProposalDto] })
  async list(@IdParam() id: string): Promise<{ items: GroupProposalDto[] }> {
    return { items: (await this.proposals.list(id)).map((proposal) => GroupProposalDto.from(proposal)) };
  }

  @Get(':proposalId')
  async get(@IdParam() id: string, @ProposalIdParam() proposalId: string): Promise<GroupProposalDto> {
    return GroupProposalDto.from(await this.proposals.get(id, proposalId));
  }

  @Post(':proposalId/accept')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Accept a proposal, after moving women between its groups: creates its groups and their members',
    description: 'In one transaction; a proposal accepted already answers 409.',
  })
  async accept(
    @IdParam() id: string,
    @ProposalIdParam() proposalId: string,
    @Body() dto: AcceptGroupProposalDto,
  ): Promise<GroupProposalDto> {
    return GroupProposalDto.from(await this.proposals.accept(id, proposalId, dto));
  }
}
