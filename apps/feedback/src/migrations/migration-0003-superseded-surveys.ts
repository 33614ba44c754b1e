import { Migration } from '@mikro-orm/migrations';

/**
 * A later resolution of the same complaint supersedes the survey of an earlier one: the old
 * link can no longer be answered and its window no longer closes the complaint. Which
 * resolution is later is decided by when each happened (`resolved_at`), not by the order
 * feedback heard of them; surveys opened before this column existed take their sending time.
 */
export class Migration0003SupersededSurveys extends Migration {
  override name = 'Migration0003SupersededSurveys';

  override up(): void {
    this.addSql(`alter table feedback.surveys add column resolved_at timestamptz`);
    this.addSql(`update feedback.surveys set resolved_at = sent_at`);
    this.addSql(`alter table feedback.surveys alter column resolved_at set not null`);
    this.addSql(`alter table feedback.surveys add column superseded_at timestamptz`);
    this.addSql(`alter table feedback.surveys drop constraint surveys_status_check`);
    this.addSql(`alter table feedback.surveys add constraint surveys_status check (status in ('open', 'answered', 'expired', 'superseded'))`);
    this.addSql(
      `alter table feedback.surveys add constraint surveys_supersession_complete check ((status = 'superseded') = (superseded_at is not null))`,
    );
  }
}
