import { COMPLAINT_STATUSES, ComplaintStatus, RESPONSE_TYPES } from '../complaint-vocabulary';
import { DomainError, IllegalTransitionError, InvalidInputError } from '../domain-errors';
import { decideTransition } from './decide-transition';
import { LifecycleCommand } from './lifecycle-command';
import { ComplaintLifecycleState, initialStatus, isOpen } from './lifecycle-state';

const NOW = new Date('2026-03-02T10:00:00Z');
const TOMORROW = new Date('2026-03-03T10:00:00Z');

/** A typical complaint in `status`: an inquiry (so it can be upgraded) that names a seller. */
function stateIn(status: ComplaintStatus, overrides: Partial<ComplaintLifecycleState> = {}): ComplaintLifecycleState {
  const acknowledged = !['received', 'awaiting_authorization'].includes(status);
  return Object.freeze({ status, kind: 'inquiry', acknowledged, hasSeller: true, disputeTier: null, ...overrides });
}

function errorFrom(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a domain error');
}

const X = 'illegal';
type Outcome = ComplaintStatus | typeof X;

// Columns follow COMPLAINT_STATUSES:
//   received, awaiting_authorization, acknowledged, in_progress, awaiting_customer, resolved, closed
const TRANSITION_TABLE: readonly (readonly [string, LifecycleCommand, readonly Outcome[]])[] = [
  ['acknowledge', { type: 'acknowledge' }, ['acknowledged', 'awaiting_authorization', X, X, X, X, X]],
  ['verify_authorization', { type: 'verify_authorization' }, [X, 'received', X, X, X, X, X]],
  [
    'send_response',
    { type: 'send_response', responseType: 'first_reply' },
    [X, X, 'in_progress', 'in_progress', 'awaiting_customer', X, X],
  ],
  ['request_info', { type: 'request_info' }, [X, X, 'awaiting_customer', 'awaiting_customer', X, X, X]],
  ['record_customer_reply', { type: 'record_customer_reply' }, [X, X, X, X, 'in_progress', X, X]],
  [
    'upgrade',
    { type: 'upgrade' },
    ['received', 'awaiting_authorization', 'received', 'received', 'received', 'received', X],
  ],
  [
    'set_expected_date',
    { type: 'set_expected_date', expectedAt: TOMORROW, now: NOW },
    [X, X, 'acknowledged', 'in_progress', 'awaiting_customer', X, X],
  ],
  ['resolve', { type: 'resolve' }, ['resolved', X, 'resolved', 'resolved', 'resolved', X, X]],
  ['reopen', { type: 'reopen' }, [X, X, X, X, X, 'in_progress', X]],
  ['close as confirmed', { type: 'close', reason: 'confirmed' }, [X, X, X, X, X, 'closed', X]],
  ['close as no_response', { type: 'close', reason: 'no_response' }, [X, X, X, X, X, 'closed', X]],
  ['close as non_cooperation', { type: 'close', reason: 'non_cooperation' }, [X, X, X, X, 'closed', X, X]],
  ['close as stale', { type: 'close', reason: 'stale' }, ['closed', 'closed', 'closed', 'closed', 'closed', 'closed', X]],
  [
    'close as withdrawn',
    { type: 'close', reason: 'withdrawn' },
    ['closed', 'closed', 'closed', 'closed', 'closed', 'closed', X],
  ],
  [
    'escalate',
    { type: 'escalate' },
    ['received', 'awaiting_authorization', 'acknowledged', 'in_progress', 'awaiting_customer', 'resolved', X],
  ],
  [
    'change_dispute_tier',
    { type: 'change_dispute_tier', tier: '2', allowedTiers: ['1', '2', '3'] },
    ['received', 'awaiting_authorization', 'acknowledged', 'in_progress', 'awaiting_customer', 'resolved', X],
  ],
  [
    'report_seller_non_cooperation',
    { type: 'report_seller_non_cooperation' },
    ['received', 'awaiting_authorization', 'acknowledged', 'in_progress', 'awaiting_customer', 'resolved', X],
  ],
  ['withdraw_closure', { type: 'withdraw_closure', restoreTo: 'awaiting_customer' }, [X, X, X, X, X, X, 'awaiting_customer']],
];

const cases = TRANSITION_TABLE.flatMap(([label, command, outcomes]) =>
  COMPLAINT_STATUSES.map((status, column) => ({ label, command, status, outcome: outcomes[column] })),
);

describe(decideTransition.name, () => {
  it('has a row for every command type and a column for every status', () => {
    const commandTypes = new Set(TRANSITION_TABLE.map(([, command]) => command.type));
    expect(commandTypes.size).toBe(14);
    for (const [, , outcomes] of TRANSITION_TABLE) expect(outcomes).toHaveLength(COMPLAINT_STATUSES.length);
  });

  it.each(cases.filter((c) => c.outcome !== X))('$label from $status leads to $outcome', ({ command, status, outcome }) => {
    expect(decideTransition(stateIn(status), command).status).toBe(outcome);
  });

  it.each(cases.filter((c) => c.outcome === X))('$label from $status is illegal', ({ command, status }) => {
    const error = errorFrom(() => decideTransition(stateIn(status), command));
    expect(error).toBeInstanceOf(IllegalTransitionError);
    expect(error).toMatchObject({ code: 'conflict', currentStatus: status, command: command.type });
  });

  it('names the command and the current status in the conflict', () => {
    const error = errorFrom(() => decideTransition(stateIn('closed'), { type: 'resolve' }));
    expect(error.message).toBe('cannot resolve a complaint that is closed');
  });

  describe('acknowledging and the third-party authorisation', () => {
    it('records the acknowledgement of a received complaint', () => {
      expect(decideTransition(stateIn('received'), { type: 'acknowledge' })).toMatchObject({
        status: 'acknowledged',
        acknowledged: true,
      });
    });

    it('lets a complaint awaiting authorisation be acknowledged while it keeps waiting', () => {
      const acknowledged = decideTransition(stateIn('awaiting_authorization'), { type: 'acknowledge' });
      expect(acknowledged).toMatchObject({ status: 'awaiting_authorization', acknowledged: true });
      expect(decideTransition(acknowledged, { type: 'verify_authorization' }).status).toBe('acknowledged');
    });

    it('refuses a second acknowledgement while the authorisation is awaited', () => {
      const waiting = stateIn('awaiting_authorization', { acknowledged: true });
      const error = errorFrom(() => decideTransition(waiting, { type: 'acknowledge' }));
      expect(error).toBeInstanceOf(IllegalTransitionError);
      expect(error.message).toBe(
        'cannot acknowledge a complaint that is awaiting_authorization: it is already acknowledged',
      );
    });

    it('starts third-party complaints awaiting authorisation and others received', () => {
      expect(initialStatus({ thirdParty: true })).toBe('awaiting_authorization');
      expect(initialStatus({ thirdParty: false })).toBe('received');
    });
  });

  describe('send_response', () => {
    it.each(RESPONSE_TYPES)(
      'takes a %s response like any other: in progress once acknowledged, still awaiting an awaited customer',
      (responseType) => {
        const command = { type: 'send_response', responseType } as const;
        expect(decideTransition(stateIn('acknowledged'), command).status).toBe('in_progress');
        expect(decideTransition(stateIn('awaiting_customer'), command).status).toBe('awaiting_customer');
      },
    );
  });

  describe('upgrade', () => {
    it('turns an inquiry into an unacknowledged complaint whose clocks start again', () => {
      const upgraded = decideTransition(stateIn('in_progress', { disputeTier: '1' }), { type: 'upgrade' });
      expect(upgraded).toEqual({
        status: 'received',
        kind: 'complaint',
        acknowledged: false,
        hasSeller: true,
        disputeTier: '1',
      });
    });

    it('keeps an awaited authorisation awaited', () => {
      const waiting = stateIn('awaiting_authorization', { acknowledged: true });
      expect(decideTransition(waiting, { type: 'upgrade' })).toMatchObject({
        status: 'awaiting_authorization',
        acknowledged: false,
      });
    });

    it('refuses to upgrade a complaint', () => {
      const error = errorFrom(() => decideTransition(stateIn('in_progress', { kind: 'complaint' }), { type: 'upgrade' }));
      expect(error).toBeInstanceOf(IllegalTransitionError);
      expect(error.message).toBe('cannot upgrade a complaint that is in_progress: it is already a complaint');
    });
  });

  describe('set_expected_date', () => {
    it.each([
      ['in the past', new Date('2026-03-01T10:00:00Z')],
      ['equal to now', NOW],
      ['that is not a date', new Date('nonsense')],
    ])('refuses an expected date %s', (_, expectedAt) => {
      const error = errorFrom(() =>
        decideTransition(stateIn('in_progress'), { type: 'set_expected_date', expectedAt, now: NOW }),
      );
      expect(error).toBeInstanceOf(InvalidInputError);
      expect(error.fieldErrors).toEqual([{ field: 'expectedAt', message: 'must be in the future' }]);
    });
  });

  describe('close', () => {
    it('explains which status a close reason needs', () => {
      const error = errorFrom(() => decideTransition(stateIn('in_progress'), { type: 'close', reason: 'confirmed' }));
      expect(error.message).toBe(
        'cannot close a complaint that is in_progress: only a complaint that is resolved can be closed as confirmed',
      );
    });
  });

  describe('withdraw_closure', () => {
    it('restores the status the complaint had before the closure, its other facts untouched', () => {
      const closed = stateIn('closed', { kind: 'complaint', disputeTier: '2' });
      expect(decideTransition(closed, { type: 'withdraw_closure', restoreTo: 'in_progress' })).toEqual({
        ...closed,
        status: 'in_progress',
      });
    });

    it('refuses to restore a closed complaint to closed', () => {
      const error = errorFrom(() => decideTransition(stateIn('closed'), { type: 'withdraw_closure', restoreTo: 'closed' }));
      expect(error).toBeInstanceOf(IllegalTransitionError);
      expect(error.message).toBe(
        'cannot withdraw the closure of a complaint that is closed: a closure is withdrawn to an open status',
      );
    });
  });

  describe('change_dispute_tier', () => {
    const allowedTiers = ['1', '2', '3'];

    it('records the new tier', () => {
      const state = stateIn('in_progress', { disputeTier: '1' });
      expect(decideTransition(state, { type: 'change_dispute_tier', tier: '2', allowedTiers })).toEqual({
        ...state,
        disputeTier: '2',
      });
    });

    it('refuses a tier the policy does not define, listing the ones it does', () => {
      const error = errorFrom(() =>
        decideTransition(stateIn('in_progress'), { type: 'change_dispute_tier', tier: '4', allowedTiers }),
      );
      expect(error).toBeInstanceOf(InvalidInputError);
      expect(error.fieldErrors).toEqual([{ field: 'tier', message: 'must be one of 1, 2, 3' }]);
    });

    it('says so when the policy defines no dispute tiers', () => {
      const error = errorFrom(() =>
        decideTransition(stateIn('in_progress'), { type: 'change_dispute_tier', tier: '1', allowedTiers: [] }),
      );
      expect(error).toBeInstanceOf(InvalidInputError);
      expect(error.fieldErrors).toEqual([{ field: 'tier', message: 'the policy defines no dispute tiers' }]);
    });

    it('refuses to change to the tier the complaint is already at', () => {
      const error = errorFrom(() =>
        decideTransition(stateIn('in_progress', { disputeTier: '2' }), {
          type: 'change_dispute_tier',
          tier: '2',
          allowedTiers,
        }),
      );
      expect(error).toBeInstanceOf(IllegalTransitionError);
      expect(error.message).toMatch(/it is already at dispute tier 2$/);
    });
  });

  describe('report_seller_non_cooperation', () => {
    it('needs a complaint that names a seller', () => {
      const error = errorFrom(() =>
        decideTransition(stateIn('in_progress', { hasSeller: false }), { type: 'report_seller_non_cooperation' }),
      );
      expect(error).toBeInstanceOf(InvalidInputError);
      expect(error.message).toBe('the complaint names no seller');
      expect(error.fieldErrors).toEqual([{ field: 'seller', message: 'the complaint names no seller' }]);
    });
  });
});

describe(isOpen.name, () => {
  it('holds until a complaint is closed, resolved included', () => {
    expect(isOpen('resolved')).toBe(true);
    expect(isOpen('closed')).toBe(false);
  });
});
