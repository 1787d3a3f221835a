import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataVersion } from '../../common/database/data-version';
import { VersionedCache } from '../../common/database/versioned-cache';

/** A plan document as sent, with the participants whose data it holds (for the audit log of each read). */
export interface CachedPlan {
  /** The document as UTF-8 bytes: encoded once, not per request. */
  json: Buffer;
  /** The same bytes gzipped, once: the Berkelland plan is 591 kB as JSON and 34 kB gzipped. */
  gzip: Buffer;
  etag: string;
  participantIds: string[];
  regionId: string;
}

/** Plans kept per instance: a few regions and ranges; each holds one serialised document. */
const MAX_ENTRIES = 16;

/** Plan exports built once per version of the data (VersionedCache), with an ETag of that version. */
@Injectable()
export class PlanExportCache {
  private readonly plans: VersionedCache<Omit<CachedPlan, 'etag'>>;

  constructor(dataVersion: DataVersion) {
    this.plans = new VersionedCache(dataVersion, MAX_ENTRIES);
  }

  /** The plan for `key` at the data's current version: kept, being built by another request, or built now. */
  async get(key: string, build: () => Promise<Omit<CachedPlan, 'etag'>>): Promise<CachedPlan> {
    const { value, version } = await this.plans.get(key, build);
    const etag = `"plan-${createHash('sha256').update(`${version}|${key}`).digest('base64url').slice(0, 22)}"`;
    return { ...value, etag };
  }
}
