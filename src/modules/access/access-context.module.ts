import { Global, Module } from '@nestjs/common';
import { AccessContext } from './access-context';

/** The caller of the current request, for every module's services. */
@Global()
@Module({ providers: [AccessContext], exports: [AccessContext] })
export class AccessContextModule {}
