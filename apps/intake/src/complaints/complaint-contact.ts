import { CreateComplaintBody } from '@complaints/contracts';
import { SealedValue } from '@complaints/persistence';
import { EntityManager } from '@mikro-orm/postgresql';
import { ComplaintDataKeys } from '../personal-data/complaint-data-keys';
import { Complaint } from './complaint';
import { ComplaintContact } from './complaint-view';

function context(complaintId: string): string {
  return `complaint:${complaintId}:contact`;
}

/** The personal data and free text of a new complaint, in the one shape that is encrypted. */
export function contactOf(body: CreateComplaintBody): ComplaintContact {
  return {
    customer: body.customer,
    subject: body.subject,
    description: body.description,
    ...(body.thirdParty ? { thirdPartyName: body.thirdParty.name } : {}),
    ...(body.seller ? { sellerName: body.seller.name } : {}),
  };
}

export function sealContact(keys: ComplaintDataKeys, tx: EntityManager, complaintId: string, contact: ComplaintContact): Promise<SealedValue> {
  return keys.seal(tx, complaintId, JSON.stringify(contact), context(complaintId));
}

/** The complaint's contact data; undefined when it has none, or none any more (erased). */
export async function openContact(keys: ComplaintDataKeys, em: EntityManager, record: Complaint): Promise<ComplaintContact | undefined> {
  if (record.contactKeyId === null || record.contactCiphertext === null) return undefined;
  const opened = await keys.open(em, { keyId: record.contactKeyId, ciphertext: record.contactCiphertext }, context(record.id));
  // Only intake sealed it, for this complaint and field (GCM checked both): its shape is taken on trust.
  return opened === null ? undefined : (JSON.parse(opened) as ComplaintContact);
}
