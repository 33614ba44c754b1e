import { Migration, Migrator } from '@mikro-orm/migrations';
import { EntityManager, MikroORM, Options } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { ReleasingPostgreSqlDriver } from './releasing-postgresql-driver';

type MigrationClass = new (...args: ConstructorParameters<typeof Migration>) => Migration;

export interface ServiceDatabaseOptions {
  readonly databaseUrl: string;
  /** The service's own PostgreSQL schema; no service reads another's. */
  readonly schema: string;
  readonly entities?: Options['entities'];
  /** The service's migrations in order, as classes (no file-system discovery, so builds stay simple). */
  readonly migrations: readonly MigrationClass[];
  readonly poolSize?: number;
}

/**
 * Opens the service's MikroORM instance bound to its own schema. The migrations table lives
 * in that schema too, so services migrate independently.
 */
export async function openServiceDatabase(options: ServiceDatabaseOptions): Promise<MikroORM> {
  return MikroORM.init({
    driver: ReleasingPostgreSqlDriver,
    clientUrl: options.databaseUrl,
    schema: options.schema,
    entities: options.entities ?? [],
    discovery: { warnWhenNoEntities: false },
    extensions: [Migrator],
    migrations: {
      tableName: 'mikro_orm_migrations',
      migrationsList: options.migrations.map((migration) => ({ name: migration.name, class: migration })),
      transactional: true,
      allOrNothing: true,
      silent: true,
      // Migrations are hand-written classes; a schema snapshot file in the working directory helps nobody.
      snapshot: false,
    },
    pool: { min: 0, max: options.poolSize ?? 10 },
    debug: false,
  });
}

/**
 * Creates the schema if needed and applies pending migrations. Replicas starting together
 * take turns: a session advisory lock (on its own connection, outside the ORM's pool)
 * serialises them per schema.
 */
export async function migrateServiceDatabase(orm: MikroORM, databaseUrl: string, schema: string): Promise<void> {
  const lockConnection = new Client({ connectionString: databaseUrl });
  await lockConnection.connect();
  try {
    await lockConnection.query('select pg_advisory_lock(hashtext($1))', [`migrate:${schema}`]);
    await lockConnection.query(`create schema if not exists ${quoteIdent(schema)}`);
    await orm.migrator.up();
  } finally {
    await lockConnection.end();
  }
}

/** Runs raw SQL on the entity manager's connection, inside its transaction when there is one. */
export async function executeSql<T extends object = Record<string, unknown>>(
  em: EntityManager,
  sql: string,
  params: readonly unknown[] = [],
): Promise<T[]> {
  const rows = await em.getConnection().execute(sql, params, 'all', em.getTransactionContext());
  return rows as unknown as T[];
}

/** Quotes a schema or table name that comes from configuration, never from a request. */
export function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe SQL identifier: ${name}`);
  return `"${name}"`;
}
