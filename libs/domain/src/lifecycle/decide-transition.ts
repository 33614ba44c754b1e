import { CloseReason, COMPLAINT_STATUSES, ComplaintStatus } from '../complaint-vocabulary';
import { IllegalTransitionError, InvalidInputError } from '../domain-errors';
import { LifecycleCommand, LifecycleCommandType } from './lifecycle-command';
import { ComplaintLifecycleState, isOpen } from './lifecycle-state';

const OPEN_STATUSES = COMPLAINT_STATUSES.filter(isOpen);

/** The statuses in which each command is accepted at all; what it then does is in `decideTransition`. */
const ACCEPTED_IN: Readonly<Record<LifecycleCommandType, readonly ComplaintStatus[]>> = {
  acknowledge: ['received', 'awaiting_authorization'],
  verify_authorization: ['awaiting_authorization'],
  send_response: ['acknowledged', 'in_progress', 'awaiting_customer'],
  request_info: ['acknowledged', 'in_progress'],
  record_customer_reply: ['awaiting_customer'],
  upgrade: OPEN_STATUSES,
  set_expected_date: ['acknowledged', 'in_progress', 'awaiting_customer'],
  // An inquiry answered on the spot may be resolved on receipt.
  resolve: ['received', 'acknowledged', 'in_progress', 'awaiting_customer'],
  reopen: ['resolved'],
  close: OPEN_STATUSES,
  escalate: OPEN_STATUSES,
  change_dispute_tier: OPEN_STATUSES,
  report_seller_non_cooperation: OPEN_STATUSES,
  withdraw_closure: ['closed'],
};

/** A close reason is a claim about how the complaint ended, so each one fits only some statuses. */
const CLOSABLE_AS: Readonly<Record<CloseReason, readonly ComplaintStatus[]>> = {
  confirmed: ['resolved'],
  no_response: ['resolved'],
  non_cooperation: ['awaiting_customer'],
  stale: OPEN_STATUSES,
  withdrawn: OPEN_STATUSES,
};

/**
 * The state a complaint is in after `command`. Throws `IllegalTransitionError` when the
 * current state does not allow the command, `InvalidInputError` when its arguments are wrong.
 */
export function decideTransition(state: ComplaintLifecycleState, command: LifecycleCommand): ComplaintLifecycleState {
  const illegal = (because?: string) => new IllegalTransitionError(state.status, command.type, because);
  if (!ACCEPTED_IN[command.type].includes(state.status)) throw illegal();

  switch (command.type) {
    case 'acknowledge':
      if (state.acknowledged) throw illegal('it is already acknowledged');
      // Modmount: while the authorisation is awaited only the acknowledgement clock runs, so
      // acknowledging does not end the wait.
      return {
        ...state,
        acknowledged: true,
        status: state.status === 'awaiting_authorization' ? 'awaiting_authorization' : 'acknowledged',
      };
    case 'verify_authorization':
      return { ...state, status: state.acknowledged ? 'acknowledged' : 'received' };
    case 'send_response':
      return state.status === 'acknowledged' ? { ...state, status: 'in_progress' } : state;
    case 'request_info':
      return { ...state, status: 'awaiting_customer' };
    case 'record_customer_reply':
      return { ...state, status: 'in_progress' };
    case 'upgrade':
      if (state.kind === 'complaint') throw illegal('it is already a complaint');
      // The formal complaint's clocks start at the upgrade, so it starts unacknowledged; an
      // authorisation still awaited is still awaited, or it could never be verified.
      return {
        ...state,
        kind: 'complaint',
        acknowledged: false,
        status: state.status === 'awaiting_authorization' ? 'awaiting_authorization' : 'received',
      };
    case 'set_expected_date':
      if (!(command.expectedAt.getTime() > command.now.getTime())) {
        throw new InvalidInputError('the expected resolution date must be in the future', [
          { field: 'expectedAt', message: 'must be in the future' },
        ]);
      }
      return state;
    case 'resolve':
      return { ...state, status: 'resolved' };
    case 'reopen':
      return { ...state, status: 'in_progress' };
    case 'close':
      if (!CLOSABLE_AS[command.reason].includes(state.status)) {
        throw illegal(`only a complaint that is ${CLOSABLE_AS[command.reason].join(' or ')} can be closed as ${command.reason}`);
      }
      return { ...state, status: 'closed' };
    case 'escalate':
      return state;
    case 'change_dispute_tier':
      requireAllowedTier(command.tier, command.allowedTiers);
      if (command.tier === state.disputeTier) throw illegal(`it is already at dispute tier ${command.tier}`);
      return { ...state, disputeTier: command.tier };
    case 'report_seller_non_cooperation':
      if (!state.hasSeller) {
        throw new InvalidInputError('the complaint names no seller', [
          { field: 'seller', message: 'the complaint names no seller' },
        ]);
      }
      return state;
    case 'withdraw_closure':
      if (!isOpen(command.restoreTo)) throw illegal('a closure is withdrawn to an open status');
      return { ...state, status: command.restoreTo };
  }
}

function requireAllowedTier(tier: string, allowedTiers: readonly string[]): void {
  if (allowedTiers.includes(tier)) return;
  const message =
    allowedTiers.length === 0 ? 'the policy defines no dispute tiers' : `must be one of ${allowedTiers.join(', ')}`;
  throw new InvalidInputError(`dispute tier ${tier} is not allowed: ${message}`, [{ field: 'tier', message }]);
}
