import { migrateServiceDatabase, openServiceDatabase } from '@complaints/persistence';
import { TestDatabase, createTestDatabase } from '@complaints/testing';
import { MikroORM } from '@mikro-orm/postgresql';
import { ComplaintSchema } from '../src/complaints/complaint.entity';
import { INTAKE_MIGRATIONS } from '../src/migrations';

/** A fresh database with intake's schema migrated exactly as the service migrates it. */
export interface IntakeDatabase {
  readonly orm: MikroORM;
  close(): Promise<void>;
}

export async function openIntakeDatabase(): Promise<IntakeDatabase> {
  const database: TestDatabase = await createTestDatabase();
  // Concurrency tests run more transactions than this; the rest queue for a connection.
  // With the complaint entity registered, as the service opens its database.
  const orm = await openServiceDatabase({
    databaseUrl: database.url,
    schema: 'intake',
    entities: [ComplaintSchema],
    migrations: INTAKE_MIGRATIONS,
    poolSize: 20,
  });
  await migrateServiceDatabase(orm, database.url, 'intake');
  return {
    orm,
    close: async () => {
      await orm.close();
      await database.drop();
    },
  };
}
