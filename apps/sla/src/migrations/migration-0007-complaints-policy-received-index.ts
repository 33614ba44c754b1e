import { Migration } from '@mikro-orm/migrations';

/**
 * A what-if replays a policy's complaints received in a window, in (receipt, id) order, batch
 * after batch from where the last stopped: without this index each batch would scan and sort
 * every complaint sla has.
 */
export class Migration0007ComplaintsPolicyReceivedIndex extends Migration {
  override name = 'Migration0007ComplaintsPolicyReceivedIndex';

  override up(): void {
    this.addSql(
      `create index complaints_policy_received_idx on sla.complaints (policy_id, received_at, complaint_id)`,
    );
  }
}
