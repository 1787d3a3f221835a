import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import { Request } from 'express';
import { ClsService } from 'nestjs-cls';
import { isUUID } from 'class-validator';
import { DataVersion } from '../../common/database/data-version';
import { VersionedCache } from '../../common/database/versioned-cache';
import { notFound } from '../../common/errors/not-found';
import { AccessContext, RecordScope } from './access-context';
import { SCOPED_BY, ScopedByOptions } from './scoped-by.decorator';

export const RECORD_SCOPE = 'trefpunt:record-scope';

/** Scopes kept per instance (keptPerVersion): a few hundred bytes each. */
const MAX_KEPT_SCOPES = 10_000;

/**
 * For endpoints marked @ScopedBy: the record named in the path must be within the caller's reach, or the answer
 * is 404, as for a record that does not exist. Its scope is kept for the audit log of this request.
 */
@Injectable()
export class RecordScopeGuard implements CanActivate {
  private readonly kept: VersionedCache<RecordScope | undefined>;

  constructor(
    private readonly reflector: Reflector,
    private readonly moduleRef: ModuleRef,
    private readonly access: AccessContext,
    private readonly cls: ClsService,
    dataVersion: DataVersion,
  ) {
    this.kept = new VersionedCache(dataVersion, MAX_KEPT_SCOPES);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const options = this.reflector.getAllAndOverride<ScopedByOptions>(SCOPED_BY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!options) return true;
    const id = String(context.switchToHttp().getRequest<Request>().params[options.param ?? 'id'] ?? '');
    // A malformed id is the validation pipe's to refuse, with its own message.
    if (!isUUID(id)) return true;
    const service = this.moduleRef.get(options.service, { strict: false });
    const scope = options.keptPerVersion
      ? (await this.kept.get(`${options.service.name}|${id}`, () => service.scopeOf(id))).value
      : await service.scopeOf(id);
    if (!scope || !this.access.reaches(scope)) throw notFound(options.what, id);
    this.cls.set(RECORD_SCOPE, { id, ...scope });
    return true;
  }
}
