import { builtInPolicy } from '@complaints/policy';
import { IllegalTransitionError } from '@complaints/domain';
import { aSubmission } from '../../test/submissions';
import { Complaint, changeLifecycle, followEscalationLevel, newComplaint } from './complaint';
import { lifecycleChange } from './lifecycle-change';

const mimo = builtInPolicy('mimo');
const later = new Date('2026-03-03T10:00:00Z');

const submission = aSubmission({ reference: 'MIMO-2026-000001', thirdPartyRelationship: 'neighbour' });

const received = (): Complaint => newComplaint(submission).complaint;

describe(newComplaint.name, () => {
  it('starts a complaint unacknowledged, at the first escalation level, last changed at receipt', () => {
    expect(received()).toMatchObject({
      ...submission,
      acknowledged: false,
      acknowledgedAt: null,
      closeReason: null,
      escalationLevel: 1,
      disputeTier: null,
      updatedAt: submission.receivedAt,
      personalDataErasedAt: null,
      legalHoldSince: null,
      breached: false,
    });
  });

  it('announces the complaint as received when it was received, without its personal data', () => {
    const { event } = newComplaint(submission);
    expect(event).toEqual({
      contract: expect.objectContaining({ type: 'complaint.received' }),
      occurredAt: submission.receivedAt,
      data: {
        policyId: 'mimo',
        policyVersion: 1,
        reference: 'MIMO-2026-000001',
        kind: 'complaint',
        channel: 'email',
        status: 'received',
        receivedAt: '2026-03-02T09:00:00.000Z',
        firstContactAt: null,
        thirdParty: true,
        sellerId: null,
      },
    });
  });
});

describe(changeLifecycle.name, () => {
  it('takes the state machine’s new state and the command’s facts, and leaves the complaint it was given as it was', () => {
    const before = received();
    const change = changeLifecycle(before, lifecycleChange({ type: 'acknowledge', body: { note: 'on it' } }, mimo, later), later);
    expect(change.complaint).toMatchObject({ status: 'acknowledged', acknowledged: true, acknowledgedAt: later, updatedAt: later });
    expect(change.note).toBe('on it');
    expect(before).toEqual(received());
  });

  it('announces the change with the shared facts, the status it left and the command’s own data', () => {
    const acknowledged = changeLifecycle(received(), lifecycleChange({ type: 'acknowledge', body: {} }, mimo, later), later);
    const closed = changeLifecycle(
      acknowledged.complaint,
      lifecycleChange({ type: 'close', body: { reason: 'withdrawn' } }, mimo, later),
      later,
    );
    expect(closed.complaint).toMatchObject({ status: 'closed', closedAt: later, closeReason: 'withdrawn' });
    expect(closed.event).toEqual({
      contract: expect.objectContaining({ type: 'complaint.closed' }),
      occurredAt: later,
      data: {
        policyId: 'mimo',
        policyVersion: 1,
        reference: 'MIMO-2026-000001',
        kind: 'complaint',
        status: 'closed',
        previousStatus: 'acknowledged',
        reason: 'withdrawn',
      },
    });
  });

  it('refuses a change the complaint’s status does not allow, naming the status', () => {
    const reopen = lifecycleChange({ type: 'reopen', body: { reason: 'customer called' } }, mimo, later);
    expect(() => changeLifecycle(received(), reopen, later)).toThrow(IllegalTransitionError);
    expect(() => changeLifecycle(received(), reopen, later)).toThrow(/received/);
  });
});

describe(followEscalationLevel.name, () => {
  it('raises the level to a higher one', () => {
    expect(followEscalationLevel(received(), 3, later)).toMatchObject({ escalationLevel: 3, updatedAt: later });
  });

  it('keeps the level when a step arrives that is not higher', () => {
    const atThree = { ...received(), escalationLevel: 3 };
    expect(followEscalationLevel(atThree, 2, later)).toBeUndefined();
    expect(followEscalationLevel(atThree, 3, later)).toBeUndefined();
  });
});
