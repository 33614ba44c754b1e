import { ComplaintKind, ComplaintStatus } from '../complaint-vocabulary';

/** The facts about a complaint that decide which lifecycle commands it accepts. */
export interface ComplaintLifecycleState {
  readonly status: ComplaintStatus;
  readonly kind: ComplaintKind;
  /**
   * Tracked apart from the status because a third-party complaint can be acknowledged while it
   * is still `awaiting_authorization`.
   */
  readonly acknowledged: boolean;
  readonly hasSeller: boolean;
  readonly disputeTier: string | null;
}

/** A third party's complaint waits for the customer's written authorisation before work starts. */
export function initialStatus(facts: { readonly thirdParty: boolean }): ComplaintStatus {
  return facts.thirdParty ? 'awaiting_authorization' : 'received';
}

export function isOpen(status: ComplaintStatus): boolean {
  return status !== 'closed';
}
