import { Envelope } from '@complaints/contracts';

/** Complaint, clock and survey events always name their complaint; one that does not is a producer's bug. */
export function complaintIdOf(envelope: Envelope): string {
  if (envelope.complaintId === null) throw new Error(`${envelope.type} ${envelope.id} names no complaint`);
  return envelope.complaintId;
}
