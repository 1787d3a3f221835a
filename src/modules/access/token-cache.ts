import { Principal } from './principal';

/**
 * How long a token, once looked up, is believed without asking the database again. A token revoked through
 * this instance stops at once (forget); one revoked through another instance, or in the database, within this.
 */
export const TOKEN_CACHE_MS = 5_000;

/** Tokens believed at once; beyond this the oldest are looked up again. */
const MAX_ENTRIES = 10_000;

interface Entry {
  principal: Principal;
  expiresAt: Date | null;
  checkedAt: number;
}

/**
 * Valid tokens by the hash of their value, so that a request need not look its token up in the database: one
 * query per token per TOKEN_CACHE_MS instead of one per request. Invalid tokens are never kept; expiry is
 * checked on every use.
 */
export class TokenCache {
  private readonly entries = new Map<string, Entry>();
  private forgotten = 0;

  /** Taken before a lookup and given to `set`: a lookup that a revocation overtook is not kept. */
  get generation(): number {
    return this.forgotten;
  }

  get(hash: string, now: Date): Principal | undefined {
    const entry = this.entries.get(hash);
    if (!entry) return undefined;
    if (now.getTime() - entry.checkedAt >= TOKEN_CACHE_MS || now.getTime() < entry.checkedAt) {
      this.entries.delete(hash);
      return undefined;
    }
    return entry.expiresAt && entry.expiresAt <= now ? undefined : entry.principal;
  }

  set(hash: string, principal: Principal, expiresAt: Date | null, now: Date, generation: number): void {
    if (generation !== this.forgotten) return;
    this.entries.delete(hash);
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(hash, { principal, expiresAt, checkedAt: now.getTime() });
  }

  /** Forgets the tokens that match (revoked or deleted through this instance). */
  forget(matches: (principal: Principal) => boolean): void {
    this.forgotten++;
    for (const [hash, entry] of this.entries) if (matches(entry.principal)) this.entries.delete(hash);
  }
}
