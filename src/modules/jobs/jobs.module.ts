import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { JobQueue } from './job-queue';
import { JobRecord } from './job-record.entity';
import { JobRunner } from './job-runner';
import { JobsController } from './jobs.controller';
import { JobsService } from './jobs.service';
import { JobsConfig, readJobsConfig } from './jobs-config';
import { TimedWorkModule } from './timed-work.module';

/**
 * Long work as jobs in PostgreSQL (pg-boss): queued by the endpoint that takes the request, run by any
 * instance, read at GET /jobs/{id}. A module registers its work with JobsService and queues jobs of it; timed
 * work it registers with TimedWork (TimedWorkModule), which runs on pg-boss's schedule.
 */
@Module({
  imports: [TypeOrmModule.forFeature([JobRecord]), AuditModule, TimedWorkModule],
  controllers: [JobsController],
  providers: [
    { provide: JobsConfig, useFactory: () => readJobsConfig(process.env) },
    JobQueue,
    JobsService,
    JobRunner,
  ],
  exports: [JobsService],
})
export class JobsModule {}
