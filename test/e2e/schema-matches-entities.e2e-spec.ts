import { DataSource } from 'typeorm';
import { dataSourceOptions, ENTITY_GLOB } from '../../src/common/database/data-source-options';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * `npm run migration:generate` writes what TypeORM's schema builder finds between the migrated database and the
 * entities. Anything it finds today would be a bogus migration (or, committed unread, one that drops real
 * constraints): a constraint or index a migration named by hand must carry that name in its entity too.
 */
describe('the entities and the migrations', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource({
      ...dataSourceOptions(database.url),
      entities: [ENTITY_GLOB],
    }).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('describe the same schema: migration:generate would find nothing to write', async () => {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    // The statements themselves, so that the failure says which table and name drifted.
    expect(sql.upQueries.map(({ query }) => query)).toEqual([]);
  });
});
