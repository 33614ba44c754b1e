import { Migration } from '@mikro-orm/migrations';

/**
 * Housekeeping deletes timers that ended (fired or cancelled) before the retention: without an
 * index on when they ended, each batch scanned a table of a million rows and more.
 */
export class Migration0004EndedTimersIndex extends Migration {
  override name = 'Migration0004EndedTimersIndex';

  override up(): void {
    this.addSql(`create index timers_ended_idx on sla.timers ((coalesce(fired_at, cancelled_at)))
      where fired_at is not null or cancelled_at is not null`);
  }
}
