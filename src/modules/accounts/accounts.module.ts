import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MessagesModule } from '../messages/messages.module';
import { Account } from './account.entity';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';
import { SignInLink } from './sign-in-link.entity';
import { SignInController } from './sign-in.controller';
import { SignInService } from './sign-in.service';

/**
 * The people who use the web app: accounts that admins invite, sign-in by a link e-mailed to them, and the
 * cookie session that follows (a token of the access module, which checks it on every request).
 */
@Module({
  imports: [TypeOrmModule.forFeature([Account, SignInLink]), MessagesModule],
  controllers: [AccountsController, SignInController],
  providers: [AccountsService, SignInService],
  exports: [SignInService],
})
export class AccountsModule {}
