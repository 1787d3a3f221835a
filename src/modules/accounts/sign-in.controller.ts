import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCookieAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AccessContext } from '../access/access-context';
import { Public } from '../access/public.decorator';
import { clearSessionCookie, CSRF_HEADER, SESSION_COOKIE, setSessionCookie } from '../access/session-cookie';
import { Account } from './account.entity';
import { SignedInDto, SignInDto, SignInLinkRequestDto } from './dto/sign-in.dto';
import { SESSION_LIFE_MS, SignInService } from './sign-in.service';

const sessionOf = (account: Account): SignedInDto => ({
  accountId: account.id,
  name: account.name,
  email: account.email,
  role: account.role,
  regionIds: account.regionIds,
  municipalityIds: account.municipalityIds,
});

@ApiTags('sign-in')
@Controller('auth')
export class SignInController {
  constructor(
    private readonly signIn: SignInService,
    private readonly access: AccessContext,
  ) {}

  @Post('sign-in-link')
  @Public()
  @HttpCode(202)
  @ApiOperation({
    summary: 'E-mail a sign-in link',
    description:
      'Sends a link (one use, 15 minutes) to the address when it is that of an account that may sign in. ' +
      'The answer is the same either way.',
  })
  @ApiAcceptedResponse()
  async requestLink(@Body() dto: SignInLinkRequestDto): Promise<{ message: string }> {
    await this.signIn.requestLink(dto.email, new Date());
    return { message: 'if this address has an account, a sign-in link is on its way' };
  }

  @Post('session')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in with the token of an e-mailed link',
    description:
      `Uses the link up and starts a web session: an HttpOnly, SameSite=Strict cookie \`${SESSION_COOKIE}\` ` +
      `that the API then accepts instead of a bearer token (for 7 days, or until sign-out). Writes with the ` +
      `cookie need the header \`${CSRF_HEADER}: 1\`.`,
  })
  @ApiOkResponse({ type: SignedInDto })
  async start(
    @Body() dto: SignInDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SignedInDto> {
    const { value, account } = await this.signIn.signIn(dto.token, new Date());
    setSessionCookie(request, response, value, SESSION_LIFE_MS);
    return sessionOf(account);
  }

  @Get('session')
  @ApiBearerAuth()
  @ApiCookieAuth()
  @ApiOperation({ summary: 'Who is signed in (or whose token this is)' })
  @ApiOkResponse({ type: SignedInDto })
  async current(): Promise<SignedInDto> {
    const account = await this.signIn.currentAccount();
    if (account) return sessionOf(account);
    const principal = this.access.principal();
    return {
      accountId: null,
      name: principal.label,
      email: null,
      role: principal.role === 'admin' ? 'admin' : 'coordinator',
      regionIds: principal.regionIds,
      municipalityIds: principal.municipalityIds,
    };
  }

  @Post('sign-out')
  @HttpCode(204)
  @ApiCookieAuth()
  @ApiOperation({ summary: 'Sign out: the web session ends and its cookie is cleared' })
  @ApiNoContentResponse()
  async signOut(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.signIn.signOut(new Date());
    clearSessionCookie(request, response);
  }
}
