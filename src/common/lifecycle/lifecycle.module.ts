import { Module } from '@nestjs/common';
import { RequestDrain } from './request-drain';

/** How the service stops: requests under way finish before the database closes. */
@Module({
  providers: [RequestDrain],
  exports: [RequestDrain],
})
export class LifecycleModule {}
