import { CloseReason, ComplaintStatus, ResponseType } from '../complaint-vocabulary';

/** What an agent (or the system) asks of a complaint; `decideTransition` says what follows. */
export type LifecycleCommand =
  | { readonly type: 'acknowledge' }
  | { readonly type: 'send_response'; readonly responseType: ResponseType }
  | { readonly type: 'request_info' }
  | { readonly type: 'record_customer_reply' }
  | { readonly type: 'verify_authorization' }
  | { readonly type: 'upgrade' }
  | { readonly type: 'set_expected_date'; readonly expectedAt: Date; readonly now: Date }
  | { readonly type: 'resolve' }
  | { readonly type: 'reopen' }
  | { readonly type: 'close'; readonly reason: CloseReason }
  | { readonly type: 'escalate' }
  | {
      readonly type: 'change_dispute_tier';
      readonly tier: string;
      /** The tiers the complaint's policy defines; the lifecycle does not know policies. */
      readonly allowedTiers: readonly string[];
    }
  | { readonly type: 'report_seller_non_cooperation' }
  /**
   * The system undoing a closure whose cause proved false (a policy's closure rule acting on a
   * breach sla withdrew): the complaint is back in `restoreTo`, the status it had before. No API
   * route asks for it, so an agent still cannot reopen a closed complaint.
   */
  | { readonly type: 'withdraw_closure'; readonly restoreTo: ComplaintStatus };

export type LifecycleCommandType = LifecycleCommand['type'];

/** Each command as the verb phrase of "cannot … a complaint that is closed". */
export const LIFECYCLE_ACTIONS: Readonly<Record<LifecycleCommandType, string>> = {
  acknowledge: 'acknowledge',
  send_response: 'send a response to',
  request_info: 'request information on',
  record_customer_reply: 'record a customer reply on',
  verify_authorization: 'verify the authorisation of',
  upgrade: 'upgrade',
  set_expected_date: 'set an expected resolution date on',
  resolve: 'resolve',
  reopen: 'reopen',
  close: 'close',
  escalate: 'escalate',
  change_dispute_tier: 'change the dispute tier of',
  report_seller_non_cooperation: 'report seller non-cooperation on',
  withdraw_closure: 'withdraw the closure of',
};
