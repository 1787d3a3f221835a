import { ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Request } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { AdminToken } from './admin-token';
import { ENVIRONMENT_ADMIN, Principal } from './principal';
import { CSRF_HEADER, isSafeMethod, sessionCookieOf } from './session-cookie';
import { hashToken } from './token-value';
import { TokensService } from './tokens.service';

/**
 * Who `Authorization: Bearer <token>` names: the admin token of the environment or a token made through
 * /tokens; without that header, the session cookie of a coordinator signed in to the web app (a token too).
 * Asked by the bearer token guard on every request, and before a document upload is read at all.
 */
@Injectable()
export class BearerAuthentication {
  constructor(
    private readonly adminToken: AdminToken,
    private readonly tokens: TokensService,
  ) {}

  /** The caller of this request; 401 when it sends no token, or one that is not valid (any more). */
  async principalOf(request: Request): Promise<Principal> {
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    if (!match) return this.sessionPrincipalOf(request);
    const principal = await this.authenticate(match[1]);
    if (!principal)
      throw new UnauthorizedException('Authorization: the token is not valid, or it expired or was revoked');
    return principal;
  }

  /** A signed-in browser: its cookie, and for a write the CSRF header that another site's page cannot send. */
  private async sessionPrincipalOf(request: Request): Promise<Principal> {
    const cookie = sessionCookieOf(request);
    if (!cookie)
      throw new UnauthorizedException('Authorization: send a bearer token (Authorization: Bearer …)');
    const principal = await this.tokens.authenticate(cookie, new Date());
    if (!principal?.accountId)
      throw new UnauthorizedException('Authorization: the session ended or expired: sign in again');
    if (!isSafeMethod(request.method) && request.headers[CSRF_HEADER] !== '1') {
      throw new ForbiddenException(`${CSRF_HEADER}: a write with the session cookie needs this header (1)`);
    }
    return principal;
  }

  private async authenticate(value: string): Promise<Principal | undefined> {
    const expected = this.adminToken.value;
    // Digests have equal length, so the comparison takes the same time whatever was sent.
    if (expected && timingSafeEqual(Buffer.from(hashToken(value)), Buffer.from(hashToken(expected)))) {
      return ENVIRONMENT_ADMIN;
    }
    return this.tokens.authenticate(value, new Date());
  }
}
