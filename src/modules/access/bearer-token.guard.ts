import { CanActivate, ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Request } from 'express';
import { ClsService } from 'nestjs-cls';
import { Role } from './access-token.entity';
import { BearerAuthentication } from './bearer-authentication';
import { PRINCIPAL } from './principal';
import { IS_PUBLIC } from './public.decorator';
import { DEFAULT_ROLES, ROLES_KEY } from './roles.decorator';

/**
 * Every endpoint but the public ones needs `Authorization: Bearer <token>`: the admin token of the environment
 * or a token made through /tokens. The caller's role must be one the endpoint allows (403 otherwise); the
 * caller is kept for the services of this request (AccessContext).
 */
@Injectable()
export class BearerTokenGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authentication: BearerAuthentication,
    private readonly cls: ClsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const principal = await this.authentication.principalOf(context.switchToHttp().getRequest<Request>());
    const allowed = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets) ?? DEFAULT_ROLES;
    if (!allowed.includes(principal.role)) {
      throw new ForbiddenException(
        `this endpoint is for ${allowed.join(' and ')} tokens, not for a ${principal.role}`,
      );
    }
    this.cls.set(PRINCIPAL, principal);
    return true;
  }
}
