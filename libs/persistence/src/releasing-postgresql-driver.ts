import { PostgreSqlConnection, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { DatabaseConnection, Driver, PostgresDialect, TransactionSettings } from 'kysely';
import { PoolConfig } from 'pg';

/**
 * Kysely's transactions hand their connection back to the pool only after `COMMIT` or
 * `ROLLBACK` succeeds, and never when `BEGIN` fails. A connection the server or the network
 * drops in a transaction makes all three fail, so each such drop kept one pooled connection
 * checked out for good: after as many drops as the pool has connections (a failover, a proxy
 * resetting connections), every transaction of the service waited forever (RELIABILITY.md,
 * ordering chaos). This driver releases the connection when one of the three fails. A dropped
 * connection is then discarded by `pg`'s pool (it is no longer queryable; should the pool lend
 * it once more before it knows, that transaction fails as a transient error and is retried like
 * any other); a live one has no transaction open any more (PostgreSQL ends a transaction whose
 * `COMMIT` fails).
 */
export class DriverReleasingFailedTransactions implements Driver {
  /** Connections this driver released after a failure, so the transaction's own later release is not a second one. */
  private readonly released = new WeakSet<DatabaseConnection>();

  constructor(private readonly driver: Driver) {}

  init(...args: Parameters<Driver['init']>): Promise<void> {
    return this.driver.init(...args);
  }

  async acquireConnection(...args: Parameters<Driver['acquireConnection']>): Promise<DatabaseConnection> {
    const connection = await this.driver.acquireConnection(...args);
    this.released.delete(connection);
    return connection;
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.releasingOnFailure(connection, () => this.driver.beginTransaction(connection, settings));
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.releasingOnFailure(connection, () => this.driver.commitTransaction(connection));
  }

  /** After a failed commit the ORM rolls back: the connection is already back in the pool, with nothing to roll back. */
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (this.released.has(connection)) return;
    await this.releasingOnFailure(connection, () => this.driver.rollbackTransaction(connection));
  }

  savepoint(...args: Parameters<NonNullable<Driver['savepoint']>>): Promise<void> {
    return this.required('savepoint')(...args);
  }

  rollbackToSavepoint(...args: Parameters<NonNullable<Driver['rollbackToSavepoint']>>): Promise<void> {
    return this.required('rollbackToSavepoint')(...args);
  }

  releaseSavepoint(...args: Parameters<NonNullable<Driver['releaseSavepoint']>>): Promise<void> {
    return this.required('releaseSavepoint')(...args);
  }

  async releaseConnection(connection: DatabaseConnection, ...options: [Parameters<Driver['releaseConnection']>[1]?]): Promise<void> {
    if (this.released.has(connection)) return;
    this.released.add(connection);
    await this.driver.releaseConnection(connection, ...options);
  }

  destroy(): Promise<void> {
    return this.driver.destroy();
  }

  private async releasingOnFailure(connection: DatabaseConnection, step: () => Promise<void>): Promise<void> {
    try {
      await step();
    } catch (error) {
      // The server's goodbye and the socket's close arrive together; one turn of the event loop
      // lets `pg` see the close, so the pool discards the connection instead of lending it again.
      await new Promise((resolve) => setImmediate(resolve));
      await this.releaseConnection(connection);
      throw error;
    }
  }

  private required<K extends 'savepoint' | 'rollbackToSavepoint' | 'releaseSavepoint'>(method: K): NonNullable<Driver[K]> {
    const implementation = this.driver[method];
    if (!implementation) throw new Error(`the database driver has no ${method}`);
    return implementation.bind(this.driver) as NonNullable<Driver[K]>;
  }
}

/** MikroORM's PostgreSQL connection, with its Kysely driver wrapped in `DriverReleasingFailedTransactions`. */
class PostgreSqlConnectionReleasingFailedTransactions extends PostgreSqlConnection {
  override createKyselyDialect(overrides: PoolConfig): PostgresDialect {
    const dialect = super.createKyselyDialect(overrides);
    const createDriver = dialect.createDriver.bind(dialect);
    dialect.createDriver = () => new DriverReleasingFailedTransactions(createDriver());
    return dialect;
  }
}

/** MikroORM's PostgreSQL driver on `PostgreSqlConnectionReleasingFailedTransactions`. */
export class ReleasingPostgreSqlDriver extends PostgreSqlDriver {
  constructor(config: ConstructorParameters<typeof PostgreSqlDriver>[0]) {
    super(config);
    // The base class builds its connection from a class it names itself; no replicas are configured.
    (this as unknown as { connection: PostgreSqlConnection }).connection = new PostgreSqlConnectionReleasingFailedTransactions(
      this.config,
    );
  }
}
