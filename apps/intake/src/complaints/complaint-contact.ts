import { CreateComplaintBody } from '@complaints/contracts';
import { PersonalDataCipher } from '@complaints/persistence';
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

export function sealContact(cipher: PersonalDataCipher, complaintId: string, contact: ComplaintContact) {
  return cipher.encryptJson(contact, context(complaintId));
}

export function openContact(cipher: PersonalDataCipher, record: Complaint): ComplaintContact | undefined {
  if (record.contactKeyId === null || record.contactCiphertext === null) return undefined;
  return cipher.decryptJson<ComplaintContact>({ keyId: record.contactKeyId, ciphertext: record.contactCiphertext }, context(record.id));
}
