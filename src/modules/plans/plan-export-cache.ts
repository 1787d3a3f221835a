import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';

/** A plan document as sent, with the participants whose data it holds (for the audit log of each read). */
export interface CachedPlan {
  json: string;
  etag: string;
  participantIds: string[];
}

/** Plans kept per instance: a few regions and ranges; each holds one serialised document. */
const MAX_ENTRIES = 16;

/**
 * Plan exports built once per version of the data. The version (migrations/1795418640000-DataVersion.ts) is
 * bumped by every transaction that changes a planning table, whichever instance or command line makes it, so an
 * answer built here is used only while nothing it was built from has changed. The version is read before the
 * plan: a plan built meanwhile can only be newer than its key says, never older.
 */
@Injectable()
export class PlanExportCache {
  private readonly plans = new Map<string, Promise<CachedPlan>>();
  private version: string | undefined;

  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  /** The plan for `key` at the data's current version: kept, being built by another request, or built now. */
  async get(key: string, build: () => Promise<Omit<CachedPlan, 'etag'>>): Promise<CachedPlan> {
    const [{ version }] = (await this.txHost.tx.query('SELECT "version" FROM "data_version"')) as {
      version: string;
    }[];
    const versioned = `${version}|${key}`;
    const etag = `"plan-${createHash('sha256').update(versioned).digest('base64url').slice(0, 22)}"`;
    const withEtag = () => build().then((built) => ({ ...built, etag }));
    if (this.version === undefined || BigInt(version) > BigInt(this.version)) {
      this.plans.clear();
      this.version = version;
    } else if (version !== this.version) {
      // A request that read the version just before a change: built for it alone, not kept.
      return withEtag();
    }
    let plan = this.plans.get(versioned);
    if (!plan) {
      plan = withEtag();
      // A failed build is not kept: the next request tries again.
      plan.catch(() => this.plans.delete(versioned));
      if (this.plans.size >= MAX_ENTRIES) this.plans.delete(this.plans.keys().next().value!);
      this.plans.set(versioned, plan);
    }
    return plan;
  }
}
