import { messagingTablesSql } from '@complaints/messaging';
import { Migration } from '@mikro-orm/migrations';

/** The notifications schema starts with the messaging tables: its inbox records every event it has processed. */
export class Migration0001Initial extends Migration {
  override name = 'Migration0001Initial';

  override up(): void {
    for (const sql of messagingTablesSql('notifications')) this.addSql(sql);
  }
}
