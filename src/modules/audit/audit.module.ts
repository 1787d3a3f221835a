import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ParticipantsModule } from '../participants/participants.module';
import { RegionsModule } from '../regions/regions.module';
import { AuditBuffer } from './audit-buffer';
import { AuditEntry } from './audit-entry.entity';
import { AuditInterceptor } from './audit.interceptor';
import { AuditLogController } from './audit-log.controller';
import { AuditService } from './audit.service';

/** The append-only log of every read and change of a participant's personal data. */
@Module({
  imports: [TypeOrmModule.forFeature([AuditEntry]), RegionsModule, ParticipantsModule],
  controllers: [AuditLogController],
  providers: [AuditService, AuditBuffer, { provide: APP_INTERCEPTOR, useClass: AuditInterceptor }],
  exports: [AuditService],
})
export class AuditModule {}
