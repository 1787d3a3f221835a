import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdParam } from '../../common/api/id-param';
import { ApiPageResponse, Page } from '../../common/api/page';
import { CreateTokenDto, IssuedTokenDto, TokenDto, TokenListQueryDto } from './dto/token.dto';
import { TokensService } from './tokens.service';

@ApiTags('access')
@ApiBearerAuth()
@Controller('tokens')
export class TokensController {
  constructor(private readonly tokens: TokensService) {}

  @Post()
  @ApiOperation({
    summary: 'Make a token',
    description:
      'Admins make any token; a coordinator makes personal links (role participant) for her participants and ' +
      'tokens for the drivers of her regions. The answer holds the token itself, shown this once.',
  })
  @ApiCreatedResponse({ type: IssuedTokenDto })
  async create(@Body() dto: CreateTokenDto): Promise<IssuedTokenDto> {
    const { token, value } = await this.tokens.create(dto, new Date());
    return { ...TokenDto.from(token), token: value };
  }

  @Get()
  @ApiPageResponse(TokenDto)
  async list(@Query() query: TokenListQueryDto): Promise<Page<TokenDto>> {
    const page = await this.tokens.list(query);
    return { items: page.items.map(TokenDto.from), total: page.total };
  }

  @Get(':id')
  async get(@IdParam() id: string): Promise<TokenDto> {
    return TokenDto.from(await this.tokens.get(id));
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke a token: it is refused from now on' })
  async revoke(@IdParam() id: string): Promise<TokenDto> {
    return TokenDto.from(await this.tokens.revoke(id, new Date()));
  }
}
