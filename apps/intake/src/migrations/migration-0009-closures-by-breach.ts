import { Migration } from '@mikro-orm/migrations';

/**
 * Which closure each breach caused under a policy's closure rule, so the withdrawal of that
 * breach can undo that very closure (ADR 0056) and leave any other alone.
 */
export class Migration0009ClosuresByBreach extends Migration {
  override name = 'Migration0009ClosuresByBreach';

  override up(): void {
    // The complaint.closed event the closure rule published on this breach; null when it closed nothing.
    this.addSql('alter table intake.clock_breaches add column closed_event_id uuid');
  }
}
