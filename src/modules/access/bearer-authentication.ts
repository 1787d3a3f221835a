import { Injectable, UnauthorizedException } from '@nestjs/common';
import { Request } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { AdminToken } from './admin-token';
import { ENVIRONMENT_ADMIN, Principal } from './principal';
import { hashToken } from './token-value';
import { TokensService } from './tokens.service';

/**
 * Who `Authorization: Bearer <token>` names: the admin token of the environment or a token made through
 * /tokens. Asked by the bearer token guard on every request, and before a document upload is read at all.
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
    if (!match)
      throw new UnauthorizedException('Authorization: send a bearer token (Authorization: Bearer …)');
    const principal = await this.authenticate(match[1]);
    if (!principal)
      throw new UnauthorizedException('Authorization: the token is not valid, or it expired or was revoked');
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
