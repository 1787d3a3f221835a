import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * The committed version of the planning data (migrations/1795418640000-DataVersion.ts: bumped at the commit of
 * every transaction that changes a planning table, on any instance). Requests that ask in the same turn of the
 * event loop share one read: it is sent after each of them arrived, so it sees every change committed before
 * any of them came in, and fifty requests at once cost one query, not fifty.
 */
@Injectable()
export class DataVersion {
  private next: Promise<string> | undefined;

  constructor(private readonly dataSource: DataSource) {}

  current(): Promise<string> {
    this.next ??= new Promise<void>((sent) => setImmediate(sent)).then(() => {
      // From here on, a request that comes in waits for a read sent after it.
      this.next = undefined;
      return this.read();
    });
    return this.next;
  }

  private async read(): Promise<string> {
    const [{ version }] = (await this.dataSource.query('SELECT "version" FROM "data_version"')) as {
      version: string;
    }[];
    return version;
  }
}
