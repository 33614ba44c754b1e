import {
  ComplaintLegalHoldPlacedV1,
  ComplaintLegalHoldReleasedV1,
  ComplaintPersonalDataErasedV1,
  ComplaintPersonalDataExportedV1,
  EventContract,
} from '@complaints/contracts';
import { ConflictError } from '@complaints/domain';
import { Complaint, ComplaintChange } from './complaint';

/*
 * What the complaint aggregate decides about its customer's data rights. Pure: the use cases
 * destroy the data keys and commit what is decided here.
 */

export type ErasureCause = 'request' | 'retention';

export type ErasureDecision =
  | { readonly kind: 'erase'; readonly change: ComplaintChange }
  | { readonly kind: 'held'; readonly since: Date }
  | { readonly kind: 'already-erased'; readonly at: Date };

/** A legal hold stops every erasure; an erased complaint stays erased (erasing it again says so, and changes nothing). */
export function decideErasure(complaint: Complaint, cause: ErasureCause, now: Date): ErasureDecision {
  if (complaint.personalDataErasedAt !== null) return { kind: 'already-erased', at: complaint.personalDataErasedAt };
  if (complaint.legalHoldSince !== null) return { kind: 'held', since: complaint.legalHoldSince };
  return {
    kind: 'erase',
    change: changeOf({ ...complaint, personalDataErasedAt: now, updatedAt: now }, ComplaintPersonalDataErasedV1, now, {
      cause,
      erasedAt: now.toISOString(),
    }),
  };
}

/** Placing a hold on a held complaint, or releasing one that has none, is a conflict the caller should see. */
export function decideLegalHold(complaint: Complaint, place: { reason: string } | null, now: Date): ComplaintChange {
  if (place !== null) {
    if (complaint.legalHoldSince !== null) throw new ConflictError(`complaint ${complaint.reference} is already under a legal hold`);
    return {
      ...changeOf({ ...complaint, legalHoldSince: now, updatedAt: now }, ComplaintLegalHoldPlacedV1, now, { placedAt: now.toISOString() }),
      note: place.reason,
    };
  }
  if (complaint.legalHoldSince === null) throw new ConflictError(`complaint ${complaint.reference} is under no legal hold`);
  return changeOf({ ...complaint, legalHoldSince: null, updatedAt: now }, ComplaintLegalHoldReleasedV1, now, {
    releasedAt: now.toISOString(),
  });
}

/** An export changes nothing on the complaint; it is announced so the register records the access. */
export function exportOf(complaint: Complaint, now: Date): ComplaintChange {
  return changeOf(complaint, ComplaintPersonalDataExportedV1, now, { exportedAt: now.toISOString() });
}

function changeOf(complaint: Complaint, contract: EventContract, now: Date, own: Record<string, unknown>): ComplaintChange {
  return {
    complaint,
    event: {
      contract,
      occurredAt: now,
      data: { policyId: complaint.policyId, policyVersion: complaint.policyVersion, reference: complaint.reference, ...own },
    },
  };
}
