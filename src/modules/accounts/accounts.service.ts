import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ConflictException, Injectable } from '@nestjs/common';
import { Page } from '../../common/api/page';
import { notFound } from '../../common/errors/not-found';
import { TokensService } from '../access/tokens.service';
import { Account } from './account.entity';
import { CreateAccountDto, UpdateAccountDto } from './dto/account.dto';
import { SignInService } from './sign-in.service';

/** Accounts of the web app, managed by admins: invited, given their scope, disabled. */
@Injectable()
export class AccountsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly tokens: TokensService,
    private readonly signIn: SignInService,
  ) {}

  private get accounts() {
    return this.txHost.tx.getRepository(Account);
  }

  /** Makes the account and sends her a sign-in link (answered when no e-mail can be sent). */
  async invite(dto: CreateAccountDto, now: Date): Promise<{ account: Account; sent: boolean; url?: string }> {
    const account = await this.create(dto);
    return { account, ...(await this.signIn.sendLink(account, now)) };
  }

  @Transactional()
  private async create(dto: CreateAccountDto): Promise<Account> {
    if (await this.accounts.existsBy({ email: dto.email })) {
      throw new ConflictException(`email: there is an account for ${dto.email} already`);
    }
    const scope = await this.scopeOf(dto.role, dto.regions, dto.municipalities);
    return this.accounts.save(
      this.accounts.create({
        email: dto.email,
        name: dto.name,
        phone: dto.phone ?? null,
        role: dto.role,
        ...scope,
        disabledAt: dto.disabled ? new Date() : null,
      }),
    );
  }

  private async scopeOf(role: Account['role'], regions?: string[], municipalities?: string[]) {
    if (role === 'admin') return { regionIds: [], municipalityIds: [] };
    return this.tokens.coordinatorScope(regions, municipalities);
  }

  async list(query: { limit: number; offset: number }): Promise<Page<Account>> {
    const [items, total] = await this.accounts.findAndCount({
      order: { email: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items, total };
  }

  async get(id: string): Promise<Account> {
    const account = await this.accounts.findOneBy({ id });
    if (!account) throw notFound('account', id);
    return account;
  }

  /** Changes her name, role, scope or whether she may sign in; any change of reach ends her sessions. */
  @Transactional()
  async update(id: string, dto: UpdateAccountDto, now: Date): Promise<Account> {
    const account = await this.get(id);
    const role = dto.role ?? account.role;
    const reachChanges =
      dto.role !== undefined ||
      dto.regions !== undefined ||
      dto.municipalities !== undefined ||
      !!dto.disabled;
    if (reachChanges) {
      Object.assign(
        account,
        await this.scopeOf(
          role,
          dto.regions ?? account.regionIds,
          dto.municipalities ?? (dto.regions ? [] : account.municipalityIds),
        ),
      );
    }
    account.role = role;
    if (dto.name !== undefined) account.name = dto.name;
    if (dto.phone !== undefined) account.phone = dto.phone;
    if (dto.disabled !== undefined) account.disabledAt = dto.disabled ? (account.disabledAt ?? now) : null;
    const saved = await this.accounts.save(account);
    if (reachChanges) await this.tokens.revokeSessions(account.id, now);
    return saved;
  }

  /** Sends her a new sign-in link (an invitation again). */
  async resendLink(id: string, now: Date): Promise<{ account: Account; sent: boolean; url?: string }> {
    const account = await this.get(id);
    return { account, ...(await this.signIn.sendLink(account, now)) };
  }
}
