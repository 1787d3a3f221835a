import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Request } from 'express';
import { ClsService } from 'nestjs-cls';
import { from, lastValueFrom, Observable } from 'rxjs';
import { RecordScope } from '../access/access-context';
import { RECORD_SCOPE } from '../access/record-scope.guard';
import { AuditAction } from './audit-entry.entity';
import { AuditedRecord, AuditService } from './audit.service';
import { AUDITED, AuditedOptions } from './audited.decorator';

const ACTIONS: Record<string, AuditAction> = {
  GET: 'read',
  POST: 'create',
  PATCH: 'update',
  PUT: 'update',
  DELETE: 'delete',
};

type Answered = Record<string, unknown>;

/**
 * Writes the audit log for endpoints marked @Audited: a change in one transaction with the work of the request;
 * a read, which changes nothing, after it was answered (its row is written in a batch).
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
    private readonly cls: ClsService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const options = this.reflector.get<AuditedOptions | undefined>(AUDITED, context.getHandler());
    if (!options) return next.handle();
    const action = ACTIONS[context.switchToHttp().getRequest<Request>().method] ?? 'read';
    if (action === 'read') {
      return from(
        (async () => {
          const result: unknown = await lastValueFrom(next.handle(), { defaultValue: undefined });
          await this.audit.record(action, this.recordsOf(result, options));
          return result;
        })(),
      );
    }
    return from(
      this.txHost.withTransaction(async () => {
        const result: unknown = await lastValueFrom(next.handle(), { defaultValue: undefined });
        await this.audit.record(action, this.recordsOf(result, options));
        return result;
      }),
    );
  }

  private recordsOf(result: unknown, options: AuditedOptions): AuditedRecord[] {
    const inPath = this.cls.get<(RecordScope & { id: string }) | undefined>(RECORD_SCOPE);
    const items: Answered[] =
      result === undefined || result === null
        ? []
        : Array.isArray((result as Answered).items)
          ? ((result as Answered).items as Answered[])
          : [result as Answered];
    if (items.length === 0 && inPath?.participantId) {
      return [
        {
          recordType: options.recordType,
          recordId: inPath.id,
          participantId: inPath.participantId,
          regionId: inPath.regionId,
        },
      ];
    }
    return items.map((item) => {
      const recordId = String(item[options.idField ?? 'id']);
      const participantId = String(
        item.participantId ?? (options.recordType === 'participant' ? item.id : inPath?.participantId),
      );
      return {
        recordType: options.recordType,
        recordId,
        participantId,
        regionId: String(item.regionId ?? inPath?.regionId),
      };
    });
  }
}
