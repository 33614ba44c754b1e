import { Migration0001Initial } from './migration-0001-initial';
import { Migration0002ReferencesAndIdempotency } from './migration-0002-references-and-idempotency';
import { Migration0003PolicyVersions } from './migration-0003-policy-versions';
import { Migration0004ComplaintAggregate } from './migration-0004-complaint-aggregate';
import { Migration0005Organisations } from './migration-0005-organisations';
import { Migration0006ContactReads } from './migration-0006-contact-reads';
import { Migration0007DataRights } from './migration-0007-data-rights';

/** Intake's migrations, oldest first. */
export const INTAKE_MIGRATIONS = [
  Migration0001Initial,
  Migration0002ReferencesAndIdempotency,
  Migration0003PolicyVersions,
  Migration0004ComplaintAggregate,
  Migration0005Organisations,
  Migration0006ContactReads,
  Migration0007DataRights,
];
