import {
  ComplaintClosedV1,
  ComplaintClosureWithdrawnV1,
  ComplaintLegalHoldPlacedV1,
  ComplaintLegalHoldReleasedV1,
  ComplaintReceivedV1,
  ComplaintReopenedV1,
  Envelope,
} from '@complaints/contracts';

/** What one event changes in a complaint's retention record; null when it changes nothing. */
export type RetentionFact =
  | { readonly kind: 'received'; readonly policyId: string; readonly policyVersion: number; readonly reference: string }
  | { readonly kind: 'closed'; readonly at: Date }
  | { readonly kind: 'reopened' }
  | { readonly kind: 'hold-placed'; readonly at: Date }
  | { readonly kind: 'hold-released' };

/**
 * Reads the facts retention depends on off the register's own events: the policy a complaint
 * follows, its closure (undone by a reopening, or by its withdrawal when its cause proved
 * false), and legal holds. Pure, so every consumer of the same event reaches the same record.
 */
export function retentionFactOf(event: Envelope): RetentionFact | null {
  const data = event.data as Record<string, unknown>;
  switch (event.type) {
    case ComplaintReceivedV1.type:
      return {
        kind: 'received',
        policyId: String(data['policyId']),
        policyVersion: Number(data['policyVersion']),
        reference: String(data['reference']),
      };
    case ComplaintClosedV1.type:
      return { kind: 'closed', at: new Date(event.occurredAt) };
    case ComplaintReopenedV1.type:
    case ComplaintClosureWithdrawnV1.type:
      return { kind: 'reopened' };
    case ComplaintLegalHoldPlacedV1.type:
      return { kind: 'hold-placed', at: new Date(event.occurredAt) };
    case ComplaintLegalHoldReleasedV1.type:
      return { kind: 'hold-released' };
    default:
      return null;
  }
}
