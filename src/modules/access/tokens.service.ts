import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { BadRequestException, ForbiddenException, Injectable } from '@nestjs/common';
import { ArrayContains, FindOptionsWhere, In, IsNull } from 'typeorm';
import { Page } from '../../common/api/page';
import { notFound } from '../../common/errors/not-found';
import { ParticipantsService } from '../participants/participants.service';
import { MunicipalitiesService } from '../regions/municipalities.service';
import { RegionsService } from '../regions/regions.service';
import { DriversService } from '../transport/drivers.service';
import { AccessContext } from './access-context';
import { AccessToken } from './access-token.entity';
import { CreateTokenDto, TokenListQueryDto } from './dto/token.dto';
import { Principal } from './principal';
import { TokenCache } from './token-cache';
import { hashToken, newTokenValue } from './token-value';

/** Tokens: made, listed and revoked within the caller's reach, and turned back into a principal per request. */
@Injectable()
export class TokensService {
  private readonly valid = new TokenCache();

  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly access: AccessContext,
    private readonly regions: RegionsService,
    private readonly municipalities: MunicipalitiesService,
    private readonly participants: ParticipantsService,
    private readonly drivers: DriversService,
  ) {}

  private get tokens() {
    return this.txHost.tx.getRepository(AccessToken);
  }

  /**
   * The principal of a token that exists, is not revoked and has not expired; undefined otherwise. Looked up in
   * the database at most once per TOKEN_CACHE_MS (5 s): a revocation through another instance takes that long.
   */
  async authenticate(value: string, now: Date): Promise<Principal | undefined> {
    const hash = hashToken(value);
    const known = this.valid.get(hash, now);
    if (known) return known;
    const generation = this.valid.generation;
    const token = await this.tokens.findOneBy({ tokenHash: hash, revokedAt: IsNull() });
    if (!token || (token.expiresAt && token.expiresAt <= now)) return undefined;
    const principal: Principal = {
      role: token.role,
      tokenId: token.id,
      label: token.label,
      regionIds: token.regionIds,
      municipalityIds: token.municipalityIds,
      participantId: token.participantId ?? undefined,
      driverId: token.driverId ?? undefined,
      accountId: token.accountId ?? undefined,
    };
    this.valid.set(hash, principal, token.expiresAt, now, generation);
    return principal;
  }

  /**
   * The regions and municipalities (ids or refs) of a coordinator, as ids; 400 naming the entry that is not
   * one of them. Municipalities must lie in her regions.
   */
  async coordinatorScope(
    regions: string[] | undefined,
    municipalities: string[] | undefined,
  ): Promise<{ regionIds: string[]; municipalityIds: string[] }> {
    if (!regions?.length) throw new BadRequestException('regions: a coordinator needs at least one region');
    const regionIds = [];
    for (const [index, region] of regions.entries()) {
      regionIds.push(await this.regions.resolveId(region, `regions[${index}]`));
    }
    const municipalityIds = [];
    for (const [index, municipality] of (municipalities ?? []).entries()) {
      const found = await this.municipalities.resolveIds(
        municipality,
        In(regionIds),
        `municipalities[${index}]`,
      );
      municipalityIds.push(...found);
    }
    return { regionIds: [...new Set(regionIds)], municipalityIds: [...new Set(municipalityIds)] };
  }

  /**
   * A web session of an account: a token with the account's role and scope whose value becomes her cookie.
   * Answers the plain value, which is not kept.
   */
  async createSession(
    account: { id: string; role: 'admin' | 'coordinator'; regionIds: string[]; municipalityIds: string[] },
    expiresAt: Date,
  ): Promise<string> {
    const value = newTokenValue();
    await this.tokens.save(
      this.tokens.create({
        tokenHash: hashToken(value),
        role: account.role,
        label: 'web session',
        regionIds: account.role === 'admin' ? [] : account.regionIds,
        municipalityIds: account.role === 'admin' ? [] : account.municipalityIds,
        accountId: account.id,
        expiresAt,
      }),
    );
    return value;
  }

  /** Ends the web sessions of an account (she signs out everywhere, or her scope or role changed). */
  async revokeSessions(accountId: string, now: Date): Promise<void> {
    await this.tokens.update({ accountId, revokedAt: IsNull() }, { revokedAt: now });
    this.valid.forget((principal) => principal.accountId === accountId);
  }

  /** Ends one web session: the caller's own. */
  async revokeSession(tokenId: string, now: Date): Promise<void> {
    await this.tokens.update({ id: tokenId, revokedAt: IsNull() }, { revokedAt: now });
    this.valid.forget((principal) => principal.tokenId === tokenId);
  }

  /**
   * Makes a token. Admins make any; a coordinator makes personal links for her participants and tokens for the
   * drivers of her regions. Answers the plain value, which is not kept.
   */
  @Transactional()
  async create(dto: CreateTokenDto, now: Date): Promise<{ token: AccessToken; value: string }> {
    const caller = this.access.principal();
    if (
      caller.role !== 'admin' &&
      !(caller.role === 'coordinator' && ['participant', 'driver'].includes(dto.role))
    ) {
      throw new ForbiddenException(`role: a ${caller.role} may not make ${dto.role} tokens`);
    }
    const expiresAt = dto.expiresAt ? new Date(dto.expiresAt) : null;
    if (expiresAt && expiresAt <= now) throw new BadRequestException('expiresAt: must be in the future');
    const scope = await this.scopeFor(dto);
    const value = newTokenValue();
    const token = await this.tokens.save(
      this.tokens.create({
        tokenHash: hashToken(value),
        role: dto.role,
        label: dto.label ?? '',
        expiresAt,
        createdBy: caller.tokenId ?? null,
        ...scope,
      }),
    );
    return { token, value };
  }

  private async scopeFor(
    dto: CreateTokenDto,
  ): Promise<Pick<AccessToken, 'regionIds' | 'municipalityIds' | 'participantId' | 'driverId'>> {
    const none = { regionIds: [], municipalityIds: [], participantId: null, driverId: null };
    const refuse = (field: string) => {
      if ((dto as unknown as Record<string, unknown>)[field] !== undefined) {
        throw new BadRequestException(`${field}: does not apply to a ${dto.role} token`);
      }
    };
    switch (dto.role) {
      case 'admin':
        ['regions', 'municipalities', 'participantId', 'driverId'].forEach(refuse);
        return none;
      case 'coordinator': {
        ['participantId', 'driverId'].forEach(refuse);
        return { ...none, ...(await this.coordinatorScope(dto.regions, dto.municipalities)) };
      }
      case 'participant': {
        ['regions', 'municipalities', 'driverId'].forEach(refuse);
        if (!dto.participantId)
          throw new BadRequestException('participantId: a personal link needs the participant');
        const participant = await this.participants.findReachable(dto.participantId, 'participantId');
        return { ...none, regionIds: [participant.regionId], participantId: participant.id };
      }
      case 'driver': {
        ['regions', 'municipalities', 'participantId'].forEach(refuse);
        if (!dto.driverId) throw new BadRequestException('driverId: a driver token needs the driver');
        const driver = await this.drivers.get(dto.driverId).catch(() => undefined);
        if (!driver || !this.access.reachesRegion(driver.regionId)) {
          throw new BadRequestException(`driverId: no driver ${dto.driverId}`);
        }
        return { ...none, regionIds: [driver.regionId], driverId: driver.id };
      }
    }
  }

  /** Admins see every token; a coordinator the tokens of her regions' participants and drivers, and her own. */
  async list(query: TokenListQueryDto): Promise<Page<AccessToken>> {
    const base: FindOptionsWhere<AccessToken> = {};
    if (query.role) base.role = query.role;
    if (query.participant) base.participantId = query.participant;
    if (query.driver) base.driverId = query.driver;
    const where = this.access.isAdmin() ? [base] : this.reachableWhere(base);
    const [items, total] = await this.tokens.findAndCount({
      where,
      order: { createdAt: 'DESC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items, total };
  }

  private reachableWhere(base: FindOptionsWhere<AccessToken>): FindOptionsWhere<AccessToken>[] {
    const caller = this.access.principal();
    const ownRegions = this.access.regionIds() ?? [];
    return [
      ...(['participant', 'driver'] as const)
        .filter((role) => !base.role || base.role === role)
        .flatMap((role) =>
          ownRegions.map((regionId) => ({ ...base, role, regionIds: ArrayContains([regionId]) })),
        ),
      ...(caller.tokenId ? [{ ...base, createdBy: caller.tokenId }] : []),
    ];
  }

  async get(id: string): Promise<AccessToken> {
    const token = await this.tokens.findOneBy({ id });
    if (!token || !this.mayManage(token)) throw notFound('token', id);
    return token;
  }

  private mayManage(token: AccessToken): boolean {
    if (this.access.isAdmin()) return true;
    const caller = this.access.principal();
    if (caller.role !== 'coordinator') return false;
    if (token.createdBy && token.createdBy === caller.tokenId) return true;
    return (
      ['participant', 'driver'].includes(token.role) &&
      token.regionIds.every((id) => this.access.reachesRegion(id))
    );
  }

  async revoke(id: string, now: Date): Promise<AccessToken> {
    const token = await this.get(id);
    if (!token.revokedAt) {
      token.revokedAt = now;
      await this.tokens.save(token);
    }
    this.valid.forget((principal) => principal.tokenId === token.id);
    return token;
  }

  /** A participant's personal links go when she is erased. */
  async deleteForParticipant(participantId: string): Promise<number> {
    const result = await this.tokens.delete({ participantId });
    this.valid.forget((principal) => principal.participantId === participantId);
    return result.affected ?? 0;
  }
}
