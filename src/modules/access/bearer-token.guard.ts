import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Request } from 'express';
import { ClsService } from 'nestjs-cls';
import { timingSafeEqual } from 'node:crypto';
import { Role } from './access-token.entity';
import { AdminToken } from './admin-token';
import { ENVIRONMENT_ADMIN, Principal, PRINCIPAL } from './principal';
import { IS_PUBLIC } from './public.decorator';
import { DEFAULT_ROLES, ROLES_KEY } from './roles.decorator';
import { hashToken } from './token-value';
import { TokensService } from './tokens.service';

/**
 * Every endpoint but the public ones needs `Authorization: Bearer <token>`: the admin token of the environment
 * or a token made through /tokens. The caller's role must be one the endpoint allows (403 otherwise); the
 * caller is kept for the services of this request (AccessContext).
 */
@Injectable()
export class BearerTokenGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly adminToken: AdminToken,
    private readonly tokens: TokensService,
    private readonly cls: ClsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const header = context.switchToHttp().getRequest<Request>().headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match)
      throw new UnauthorizedException('Authorization: send a bearer token (Authorization: Bearer …)');
    const principal = await this.authenticate(match[1]);
    if (!principal)
      throw new UnauthorizedException('Authorization: the token is not valid, or it expired or was revoked');
    const allowed = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets) ?? DEFAULT_ROLES;
    if (!allowed.includes(principal.role)) {
      throw new ForbiddenException(
        `this endpoint is for ${allowed.join(' and ')} tokens, not for a ${principal.role}`,
      );
    }
    this.cls.set(PRINCIPAL, principal);
    return true;
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
