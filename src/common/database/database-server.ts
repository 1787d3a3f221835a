import { Logger } from '@nestjs/common';
import { Environment } from '../../../config/environment';
import { EmbeddedDatabase } from './embedded-database';

/** Where the database is: the server named by DATABASE_URL, or an embedded one this process started. */
export class DatabaseServer {
  private constructor(
    readonly url: string,
    private readonly embedded?: EmbeddedDatabase,
  ) {}

  get isEmbedded(): boolean {
    return this.embedded !== undefined;
  }

  static async connect(environment: Environment): Promise<DatabaseServer> {
    if (environment.DATABASE_URL) return new DatabaseServer(environment.DATABASE_URL);
    const logger = new Logger('EmbeddedPostgres');
    logger.log(`starting the embedded PostgreSQL in ${environment.TREFPUNT_DATA_DIR}`);
    const embedded = await EmbeddedDatabase.start({
      dataDir: environment.TREFPUNT_DATA_DIR,
      port: environment.TREFPUNT_EMBEDDED_PG_PORT,
      log: (line) => logger.debug(line),
      supervisorLog: logger,
    });
    return new DatabaseServer(embedded.url, embedded);
  }

  async stop(): Promise<void> {
    await this.embedded?.stop();
  }
}
