import { TestDatabase, createTestDatabase } from '@complaints/testing';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { executeSql, openServiceDatabase } from '../src';

/*
 * A connection dropped inside a transaction (a failover, a proxy resetting connections, an
 * operator terminating backends) fails its COMMIT and ROLLBACK. Each such drop used to keep
 * one pooled connection checked out for good, until the service's every transaction waited.
 */
describe('transactions whose connection is dropped', () => {
  const POOL = 2;
  let database: TestDatabase;
  let orm: MikroORM;
  let admin: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    orm = await openServiceDatabase({ databaseUrl: database.url, schema: 'public', migrations: [], poolSize: POOL });
    admin = new Client({ connectionString: database.url });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    await orm?.close(true);
    await database?.drop();
  });

  /** A transaction whose backend is terminated before it commits. */
  const droppedTransaction = () =>
    orm.em.fork().transactional(async (tx) => {
      const [{ pid }] = await executeSql<{ pid: number }>(tx, 'select pg_backend_pid() as pid');
      await admin.query('select pg_terminate_backend($1)', [pid]);
    });

  /**
   * A transaction as services run them: a failure of the connection is retried (the consumers'
   * transient retry), here at most once per connection the pool has.
   */
  async function selectOne(): Promise<{ one: number }[]> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await orm.em.fork().transactional((tx) => executeSql<{ one: number }>(tx, 'select 1 as one'));
      } catch (error) {
        if (attempt > POOL) throw error;
      }
    }
  }

  it('fails the transaction, and gives the pool its connection back for the next ones', async () => {
    for (let drop = 0; drop < POOL * 3; drop += 1) await expect(droppedTransaction()).rejects.toThrow();

    expect(await selectOne()).toEqual([{ one: 1 }]);
    const concurrent = await Promise.all(
      Array.from({ length: POOL }, () => selectOne()),
    );
    expect(concurrent.flat()).toEqual(Array.from({ length: POOL }, () => ({ one: 1 })));
  });
});
