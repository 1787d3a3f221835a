import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { LanguageProvidersModule } from '../language-providers/language-providers.module';
import { ParticipantsModule } from '../participants/participants.module';
import { ErasureController } from './erasure.controller';
import { ErasureService } from './erasure.service';

/** The participant's rights under the AVG that cut across modules: erasure. */
@Module({
  imports: [ParticipantsModule, LanguageProvidersModule, AuditModule],
  controllers: [ErasureController],
  providers: [ErasureService],
})
export class PrivacyModule {}
