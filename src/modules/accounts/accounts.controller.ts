import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../../common/api/id-param';
import { ApiPageResponse, Page, PageQueryDto } from '../../common/api/page';
import { Roles } from '../access/roles.decorator';
import { AccountsService } from './accounts.service';
import { AccountDto, CreateAccountDto, InvitedAccountDto, UpdateAccountDto } from './dto/account.dto';

@ApiTags('accounts')
@ApiBearerAuth()
@Roles('admin')
@Controller('accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Post()
  @ApiOperation({
    summary: 'Invite a coordinator (or an admin)',
    description:
      'Makes her account with her regions and municipalities, and e-mails her a sign-in link. Without e-mail ' +
      '(TREFPUNT_SMTP_URL unset) the answer holds the link to hand over.',
  })
  @ApiCreatedResponse({ type: InvitedAccountDto })
  async invite(@Body() dto: CreateAccountDto): Promise<InvitedAccountDto> {
    const { account, sent, url } = await this.accounts.invite(dto, new Date());
    return { ...AccountDto.from(account), sent, ...(url ? { signInUrl: url } : {}) };
  }

  @Get()
  @ApiPageResponse(AccountDto)
  async list(@Query() query: PageQueryDto): Promise<Page<AccountDto>> {
    const page = await this.accounts.list(query);
    return { items: page.items.map(AccountDto.from), total: page.total };
  }

  @Get(':id')
  async get(@IdParam() id: string): Promise<AccountDto> {
    return AccountDto.from(await this.accounts.get(id));
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change her name, role, regions, municipalities, or disable her',
    description: 'A change of role or reach (or disabling) ends her web sessions: she signs in again.',
  })
  async update(@IdParam() id: string, @Body() dto: UpdateAccountDto): Promise<AccountDto> {
    return AccountDto.from(await this.accounts.update(id, dto, new Date()));
  }

  @Post(':id/sign-in-link')
  @ApiOperation({ summary: 'Send her a new sign-in link' })
  @ApiCreatedResponse({ type: InvitedAccountDto })
  async resend(@IdParam() id: string): Promise<InvitedAccountDto> {
    const { account, sent, url } = await this.accounts.resendLink(id, new Date());
    return { ...AccountDto.from(account), sent, ...(url ? { signInUrl: url } : {}) };
  }
}
