import { decideClosureWithdrawal } from './decide-closure-withdrawal';

const withdrawn = {
  complaintId: '0192f5a4-1c2d-7e3f-8a9b-0c1d2e3f4a50',
  metric: 'non_cooperation',
  dueAt: new Date('2026-04-01T16:00:00Z'),
  breachEventId: '0192f5a4-1c2d-7e3f-8a9b-0c1d2e3f4a51',
  closedEventId: '0192f5a4-1c2d-7e3f-8a9b-0c1d2e3f4a52',
};
const closedByTheRule = { status: 'closed', closeReason: 'non_cooperation', personalDataErasedAt: null } as const;
const latest = { eventId: withdrawn.closedEventId, previousStatus: 'awaiting_customer' } as const;

describe(decideClosureWithdrawal.name, () => {
  it('restores the status the closure ended, naming the closure and the breach', () => {
    const decision = decideClosureWithdrawal(closedByTheRule, latest, withdrawn);
    expect(decision.kind === 'restore' && decision.change).toMatchObject({
      command: { type: 'withdraw_closure', restoreTo: 'awaiting_customer' },
      sets: { closedAt: null, closeReason: null },
      event: { type: 'complaint.closure-withdrawn', version: 1 },
    });
    expect(decision.kind === 'restore' && decision.change.eventData(undefined as never)).toEqual({
      closedEventId: withdrawn.closedEventId,
      reason: 'breach_withdrawn',
      breachEventId: withdrawn.breachEventId,
    });
  });

  it.each([
    ['no longer closed', { ...closedByTheRule, status: 'awaiting_customer' }, latest, 'the complaint is no longer closed'],
    ['closed again since', closedByTheRule, { ...latest, eventId: '0192f5a4-1c2d-7e3f-8a9b-0c1d2e3f4a53' }, 'the complaint was closed again since'],
    ['erased since', { ...closedByTheRule, personalDataErasedAt: new Date() }, latest, 'its personal data was erased since'],
  ] as const)('leaves alone a complaint %s', (_, complaint, closure, why) => {
    expect(decideClosureWithdrawal(complaint, closure, withdrawn)).toEqual({ kind: 'none', why });
  });
});
