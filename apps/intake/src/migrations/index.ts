import { Migration0001Initial } from './migration-0001-initial';
import { Migration0002ReferencesAndIdempotency } from './migration-0002-references-and-idempotency';
import { Migration0003PolicyVersions } from './migration-0003-policy-versions';
import { Migration0004ComplaintAggregate } from './migration-0004-complaint-aggregate';
import { Migration0005Organisations } from './migration-0005-organisations';
import { Migration0006ContactReads } from './migration-0006-contact-reads';
import { Migration0007DataRights } from './migration-0007-data-rights';
import { Migration0008ClockBreaches } from './migration-0008-clock-breaches';
import { Migration0009ClosuresByBreach } from './migration-0009-closures-by-breach';

/** Intake's migrations, oldest first. */
export const INTAKE_MIGRATIONS = [
  Migration0001Initial,
  Migration0002ReferencesAndIdempotency,
  Migration0003PolicyVersions,
  Migration0004ComplaintAggregate,
  Migration0005Organisations,
  Migration0006ContactReads,
  Migration0007DataRights,
  Migration0008ClockBreaches,
  Migration0009ClosuresByBreach,
];
