import { messagingTablesSql } from '@complaints/messaging';
import { Migration } from '@mikro-orm/migrations';

/** The gateway keeps no domain data; it has the messaging tables so it can publish like every service. */
export class Migration0001Initial extends Migration {
  override name = 'Migration0001Initial';

  override up(): void {
    for (const sql of messagingTablesSql('gateway')) this.addSql(sql);
  }
}
