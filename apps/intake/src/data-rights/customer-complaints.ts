import { PLATFORM_WIDE, Principal } from '@complaints/domain';
import { executeSql } from '@complaints/persistence';
import { EntityManager } from '@mikro-orm/postgresql';
import { CustomerLookup } from '../personal-data/customer-lookup';

/**
 * The ids of one customer's complaints that the principal's organisation holds, oldest
 * first (also the order rows are locked in, so two erasures never deadlock). Found by the
 * keyed hash of the email: intake never stores the address in clear.
 */
export async function customerComplaintIds(
  em: EntityManager,
  lookup: CustomerLookup,
  principal: Principal,
  email: string,
): Promise<string[]> {
  const platformWide = principal.organisationId === PLATFORM_WIDE;
  const hashes = lookup.candidates(email);
  const rows = await executeSql<{ id: string }>(
    em,
    `select id from intake.complaints where customer_lookup in (${hashes.map(() => '?').join(', ')})
     ${platformWide ? '' : 'and organisation_id = ?'} order by id`,
    [...hashes, ...(platformWide ? [] : [principal.organisationId])],
  );
  return rows.map((row) => row.id);
}
