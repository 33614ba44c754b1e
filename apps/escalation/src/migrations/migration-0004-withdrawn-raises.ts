import { Migration } from '@mikro-orm/migrations';

/**
 * A step up caused by a clock breach that sla later withdrew is undone, and the undoing is
 * kept beside the step: `withdrawn_by` is the `escalation.level-lowered` event, so the history
 * shows both and a withdrawal is applied once.
 */
export class Migration0004WithdrawnRaises extends Migration {
  override name = 'Migration0004WithdrawnRaises';

  override up(): void {
    this.addSql(`alter table escalation.level_changes add column withdrawn_by uuid`);
  }
}
