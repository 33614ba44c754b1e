import { createEvent } from '@complaints/messaging';
import {
  ComplaintAcknowledgedV1,
  ComplaintClosedV1,
  ComplaintClosureWithdrawnV1,
  ComplaintLegalHoldPlacedV1,
  ComplaintReceivedV1,
} from '@complaints/contracts';
import { retentionFactOf } from './retention-facts';

const complaintId = '01a23c12-df51-7410-9b1c-861eb0b08a7c';
const actor = { kind: 'client', id: 'agent' } as const;
const facts = { policyId: 'modmount', policyVersion: 2, reference: 'MOD-2026-000042', kind: 'complaint' } as const;

describe(retentionFactOf.name, () => {
  it('takes the policy version and reference from the receipt', () => {
    const received = createEvent(ComplaintReceivedV1, {
      complaintId,
      actor,
      data: {
        ...facts,
        channel: 'email',
        status: 'received',
        receivedAt: '2026-03-02T09:00:00Z',
        firstContactAt: null,
        thirdParty: false,
        sellerId: null,
      },
    });
    expect(retentionFactOf(received)).toEqual({ kind: 'received', policyId: 'modmount', policyVersion: 2, reference: 'MOD-2026-000042' });
  });

  it('dates a closure and a hold by when they happened, not when the register heard of them', () => {
    const closed = createEvent(ComplaintClosedV1, {
      complaintId,
      actor,
      occurredAt: new Date('2026-04-01T10:00:00Z'),
      data: { ...facts, status: 'closed', previousStatus: 'resolved', reason: 'confirmed' },
    });
    expect(retentionFactOf(closed)).toEqual({ kind: 'closed', at: new Date('2026-04-01T10:00:00Z') });
    const held = createEvent(ComplaintLegalHoldPlacedV1, {
      complaintId,
      actor,
      occurredAt: new Date('2026-05-01T10:00:00Z'),
      data: { policyId: 'modmount', policyVersion: 2, reference: 'MOD-2026-000042', placedAt: '2026-05-01T10:00:00.000Z' },
    });
    expect(retentionFactOf(held)).toEqual({ kind: 'hold-placed', at: new Date('2026-05-01T10:00:00Z') });
  });

  it('opens the complaint again when its closure is withdrawn', () => {
    const withdrawn = createEvent(ComplaintClosureWithdrawnV1, {
      complaintId,
      actor,
      data: {
        ...facts,
        status: 'awaiting_customer',
        previousStatus: 'closed',
        closedEventId: '01a23c12-df51-7410-9b1c-861eb0b08a7d',
        reason: 'breach_withdrawn',
        breachEventId: '01a23c12-df51-7410-9b1c-861eb0b08a7e',
      },
    });
    expect(retentionFactOf(withdrawn)).toEqual({ kind: 'reopened' });
  });

  it('ignores events that retention does not depend on', () => {
    const acknowledged = createEvent(ComplaintAcknowledgedV1, {
      complaintId,
      actor,
      data: { ...facts, status: 'acknowledged', previousStatus: 'received' },
    });
    expect(retentionFactOf(acknowledged)).toBeNull();
  });
});
