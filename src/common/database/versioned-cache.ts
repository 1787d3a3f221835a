import { DataVersion } from './data-version';

/** What a cache answers: the value, and the data version it was built for (for an ETag). */
export interface Versioned<T> {
  value: T;
  version: string;
}

/**
 * Answers built once per version of the data (DataVersion) and kept in this instance, at most `maxEntries` of
 * them (the oldest go first). Any committed change, through any instance or straight in the database, bumps the
 * version, so an answer is used only while nothing it was built from has changed. The version is read before
 * the build: a value built meanwhile can only be newer than its key says, never older. The key must hold
 * everything else the answer depends on, the caller's reach included.
 */
export class VersionedCache<T> {
  private readonly entries = new Map<string, Promise<T>>();
  private version: bigint | undefined;

  constructor(
    private readonly dataVersion: DataVersion,
    private readonly maxEntries: number,
  ) {}

  async get(key: string, build: () => Promise<T>): Promise<Versioned<T>> {
    const version = await this.dataVersion.current();
    if (this.version === undefined || BigInt(version) > this.version) {
      this.entries.clear();
      this.version = BigInt(version);
    } else if (BigInt(version) !== this.version) {
      // A request that read the version just before a change: built for it alone, not kept.
      return { value: await build(), version };
    }
    let entry = this.entries.get(key);
    if (!entry) {
      entry = build();
      // A failed build is not kept: the next request tries again.
      entry.catch(() => this.entries.get(key) === entry && this.entries.delete(key));
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, entry);
    }
    return { value: await entry, version };
  }
}
