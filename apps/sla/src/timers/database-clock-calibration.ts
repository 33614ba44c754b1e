import { executeSql } from '@complaints/persistence';
import { EntityManager } from '@mikro-orm/postgresql';
import { DatabaseClock } from './database-clock';

/** Readings taken at start, so the first timers are judged by the database's clock already. */
const READINGS_AT_START = 3;

/** Reads the database's clock into a `DatabaseClock`. */
export class DatabaseClockCalibration {
  constructor(
    private readonly clock: DatabaseClock,
    private readonly em: () => EntityManager,
    private readonly local: () => number = Date.now,
  ) {}

  async atStart(): Promise<void> {
    for (let reading = 0; reading < READINGS_AT_START; reading += 1) await this.read();
  }

  async read(): Promise<void> {
    const sentAt = this.local();
    const [row] = await executeSql<{ now: Date }>(this.em(), 'select clock_timestamp() as now');
    const receivedAt = this.local();
    if (row) this.clock.observe({ sentAt, databaseTime: new Date(row.now).getTime(), receivedAt });
  }
}
