import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Injectable, UnauthorizedException } from '@nestjs/common';
import { IsNull, MoreThan } from 'typeorm';
import { Environment } from '../../../config/environment';
import { publicUrlOf } from '../../common/configuration/public-url';
import { AccessContext } from '../access/access-context';
import { hashToken, newTokenValue } from '../access/token-value';
import { TokensService } from '../access/tokens.service';
import { DirectMail } from '../messages/direct-mail.service';
import { Account } from './account.entity';
import { SignInLink } from './sign-in-link.entity';

/** A sign-in link is used within this time, or asked for again. */
export const LINK_LIFE_MS = 15 * 60_000;
/** A web session lasts a working week unless she signs out first. */
export const SESSION_LIFE_MS = 7 * 24 * 3_600_000;
/** Links one account may be sent per link life: enough to ask again, too few to flood her mailbox. */
const LINKS_PER_LIFE = 5;

/** Sign-in by e-mailed link: links made and sent, exchanged once for a session cookie, and sessions ended. */
@Injectable()
export class SignInService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly environment: Environment,
    private readonly tokens: TokensService,
    private readonly mail: DirectMail,
    private readonly access: AccessContext,
  ) {}

  private get accounts() {
    return this.txHost.tx.getRepository(Account);
  }

  private get links() {
    return this.txHost.tx.getRepository(SignInLink);
  }

  /**
   * Sends a sign-in link to the address when it is an account's that may sign in. Says nothing either way, so
   * that the answer does not tell which addresses have accounts.
   */
  async requestLink(email: string, now: Date): Promise<void> {
    const account = await this.accounts.findOneBy({ email, disabledAt: IsNull() });
    if (!account) return;
    const recent = await this.links.countBy({
      accountId: account.id,
      createdAt: MoreThan(new Date(now.getTime() - LINK_LIFE_MS)),
    });
    if (recent >= LINKS_PER_LIFE) return;
    await this.sendLink(account, now);
  }

  /** Makes a link for the account and e-mails it; answers the link when no e-mail can be sent. */
  async sendLink(account: Account, now: Date): Promise<{ sent: boolean; url?: string }> {
    const value = newTokenValue();
    await this.links.save(
      this.links.create({
        accountId: account.id,
        tokenHash: hashToken(value),
        createdAt: now,
        expiresAt: new Date(now.getTime() + LINK_LIFE_MS),
      }),
    );
    // In the fragment: browsers do not send it, so the token stays out of access logs and Referer headers.
    const url = `${publicUrlOf(this.environment)}/sign-in#token=${value}`;
    if (!this.mail.configured) return { sent: false, url };
    const sent = await this.mail.send(
      account.email,
      'Inloggen bij Trefpunt / Sign in to Trefpunt',
      mailBody(url),
    );
    return { sent };
  }

  /**
   * Exchanges a link's token, once and within its life, for a new web session of its account: the session
   * token's value, to be set as her cookie. 401 for a link that is unknown, used, expired or of a disabled
   * account.
   */
  @Transactional()
  async signIn(token: string, now: Date): Promise<{ value: string; account: Account; expiresAt: Date }> {
    // One statement: of two tabs opening the same link at once, only one gets a session.
    const used = await this.links
      .createQueryBuilder()
      .update()
      .set({ usedAt: now })
      .where('token_hash = :hash AND used_at IS NULL AND expires_at > :now', { hash: hashToken(token), now })
      .returning(['accountId'])
      .execute();
    const accountId = (used.raw as { account_id: string }[])[0]?.account_id;
    const account = accountId ? await this.accounts.findOneBy({ id: accountId, disabledAt: IsNull() }) : null;
    if (!account) {
      throw new UnauthorizedException(
        'token: this sign-in link was used already or expired: ask for a new one',
      );
    }
    const expiresAt = new Date(now.getTime() + SESSION_LIFE_MS);
    return { value: await this.tokens.createSession(account, expiresAt), account, expiresAt };
  }

  /** The account of the caller's session, or null for a token without one (a script's, the admin token). */
  async currentAccount(): Promise<Account | null> {
    const { accountId } = this.access.principal();
    return accountId ? this.accounts.findOneBy({ id: accountId }) : null;
  }

  /** Ends the caller's own web session; a script's token is left alone. */
  async signOut(now: Date): Promise<void> {
    const { accountId, tokenId } = this.access.principal();
    if (accountId && tokenId) await this.tokens.revokeSession(tokenId, now);
  }
}

const mailBody = (url: string) =>
  [
    'Goedendag,',
    '',
    'Met deze link logt u in bij Trefpunt. De link werkt één keer en 15 minuten lang:',
    url,
    '',
    'Hebt u niet gevraagd om in te loggen? Dan kunt u dit bericht negeren.',
    '',
    '---',
    '',
    'This link signs you in to Trefpunt. It works once, for 15 minutes:',
    url,
    '',
    'If you did not ask to sign in, you can ignore this message.',
  ].join('\n');
