import { Migration } from '@mikro-orm/migrations';

/**
 * Every complaint belongs to the organisation whose policy it follows. Complaints stored before
 * organisations existed take their policy version's organisation, or the seed policy's (whose
 * id is its organisation's); those under a template policy belong to none (platform only).
 */
export class Migration0005Organisations extends Migration {
  override name = 'Migration0005Organisations';

  override up(): void {
    this.addSql(`alter table intake.complaints add column organisation_id text`);
    this.addSql(`update intake.complaints c set organisation_id = coalesce(
        (select v.document->>'organisationId' from intake.policy_versions v
          where v.policy_id = c.policy_id and v.version = c.policy_version),
        case when c.policy_id in ('mimo', 'mit', 'modmount', 'imolocale') then c.policy_id end)`);
    this.addSql(`create index complaints_organisation_idx on intake.complaints (organisation_id, id desc)`);
  }
}
