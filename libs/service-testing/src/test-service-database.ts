import { TestDatabase } from '@complaints/testing';
import { Pool } from 'pg';

/** The service's database as a test reads it: plain SQL, beside whatever the service holds open. */
export class TestServiceDatabase {
  private readonly pool: Pool;

  constructor(private readonly database: TestDatabase) {
    // Two connections: tests read one query at a time, and the service needs the rest.
    this.pool = new Pool({ connectionString: database.url, max: 2 });
  }

  get url(): string {
    return this.database.url;
  }

  /** Rows of one query, with `$1`, `$2`… parameters. */
  async query<T extends object = Record<string, unknown>>(
    sql: string,
    params: readonly unknown[] = [],
  ): Promise<T[]> {
    return (await this.pool.query<T>(sql, [...params])).rows;
  }

  /** Ends this side's connections first, so dropping the database interrupts no query of ours. */
  async drop(): Promise<void> {
    await this.pool.end();
    await this.database.drop();
  }
}
