import { ClsPluginTransactional } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Global, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { ClsModule } from 'nestjs-cls';
import { DataSource } from 'typeorm';
import { Environment } from '../../../config/environment';
import { dataSourceOptions } from './data-source-options';
import { DataVersion } from './data-version';
import { DatabaseServer } from './database-server';
import { runMigrationsExclusively } from './migrations';

@Module({
  providers: [
    {
      provide: DatabaseServer,
      inject: [Environment],
      useFactory: (environment: Environment) => DatabaseServer.connect(environment),
    },
  ],
  exports: [DatabaseServer],
})
class DatabaseServerModule {}

/** Closes the connections before it stops an embedded server, so that nothing is cut off mid-query. */
@Injectable()
class DatabaseShutdown implements OnApplicationShutdown {
  constructor(
    private readonly dataSource: DataSource,
    private readonly server: DatabaseServer,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    await this.server.stop();
  }
}

/**
 * The database for the whole service: connects (starting the embedded server when no DATABASE_URL is set),
 * applies the migrations, and makes `@Transactional()` and `TransactionHost` available to every module.
 */
@Global()
@Module({
  imports: [
    DatabaseServerModule,
    TypeOrmModule.forRootAsync({
      imports: [DatabaseServerModule],
      inject: [DatabaseServer],
      useFactory: (server: DatabaseServer) => ({ ...dataSourceOptions(server.url), autoLoadEntities: true }),
      dataSourceFactory: async (options) => {
        const dataSource = await new DataSource(options!).initialize();
        const applied = await runMigrationsExclusively(dataSource);
        if (applied.length > 0) new Logger('Migrations').log(`applied ${applied.join(', ')}`);
        return dataSource;
      },
    }),
    ClsModule.forRoot({
      global: true,
      middleware: { mount: true },
      plugins: [
        new ClsPluginTransactional({
          imports: [TypeOrmModule],
          adapter: new TransactionalAdapterTypeOrm({ dataSourceToken: getDataSourceToken() }),
        }),
      ],
    }),
  ],
  providers: [DatabaseShutdown, DataVersion],
  exports: [DatabaseServerModule, DataVersion],
})
export class DatabaseModule {}
