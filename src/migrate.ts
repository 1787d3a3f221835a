/**
 * `npm run migration:run`: applies the pending migrations to the configured database.
 * `npm run migration:generate -- <Name>`: writes `migrations/<epoch-ms>-<Name>.ts` with the SQL that brings the
 * database (after the existing migrations) in line with the entities. Read and tidy it before committing.
 * Both start the embedded PostgreSQL when DATABASE_URL is not set, as the service does.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { validateEnvironment } from '../config/environment';
import { DatabaseServer } from './common/database/database-server';
import { dataSourceOptions, ENTITY_GLOB, MIGRATIONS_DIR } from './common/database/data-source-options';
import { runMigrationsExclusively } from './common/database/migrations';

async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  if (command === 'generate' && !/^[A-Z][A-Za-z0-9]*$/.test(name ?? '')) {
    throw new Error('usage: npm run migration:generate -- <NameInPascalCase>');
  }
  const server = await DatabaseServer.connect(validateEnvironment(process.env));
  const dataSource = await new DataSource({
    ...dataSourceOptions(server.url),
    entities: [ENTITY_GLOB],
  }).initialize();
  try {
    const applied = await runMigrationsExclusively(dataSource);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'no pending migrations');
    if (command === 'generate') console.log(await generate(dataSource, name));
  } finally {
    await dataSource.destroy();
    await server.stop();
  }
}

async function generate(dataSource: DataSource, name: string): Promise<string> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  if (sql.upQueries.length === 0) return 'the schema matches the entities: nothing to generate';
  const timestamp = Date.now();
  const quote = (query: string) => '`' + query.replace(/\\/g, '\\\\').replace(/`/g, '\\`') + '`';
  const lines = (queries: { query: string }[]) =>
    queries.map(({ query }) => `    await queryRunner.query(${quote(query)});`).join('\n');
  const file = join(MIGRATIONS_DIR, `${timestamp}-${name}.ts`);
  writeFileSync(
    file,
    `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${timestamp} implements MigrationInterface {
  name = '${name}${timestamp}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${lines(sql.upQueries)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${lines([...sql.downQueries].reverse())}
  }
}
`,
  );
  return `wrote ${file}`;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
