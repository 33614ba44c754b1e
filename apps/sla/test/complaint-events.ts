import {
  ComplaintAcknowledgedV1,
  ComplaintClosedV1,
  ComplaintCustomerRepliedV1,
  ComplaintInfoRequestedV1,
  ComplaintReceivedV1,
  ComplaintReopenedV1,
  ComplaintResolvedV1,
  ComplaintResponseSentV1,
  EventContract,
  EventData,
} from '@complaints/contracts';
import { ComplaintStatus, ResponseType } from '@complaints/domain';
import { createEvent } from '@complaints/messaging';
import { v7 as uuidv7 } from 'uuid';
import { ComplaintEnvelope } from '../src/clocks/complaint-event-rules';

type Received = EventData<typeof ComplaintReceivedV1>;

/** The events intake would publish about one complaint, each at the instant the test says. */
export class ComplaintEvents {
  readonly complaintId = uuidv7();

  constructor(private readonly receipt: Partial<Received> = {}) {}

  received(at: string): ComplaintEnvelope {
    return this.event(ComplaintReceivedV1, at, {
      policyId: 'mimo',
      policyVersion: 1,
      reference: 'MIMO-2026-000001',
      kind: 'complaint',
      channel: 'email',
      status: 'received',
      receivedAt: new Date(at).toISOString(),
      firstContactAt: null,
      thirdParty: false,
      sellerId: null,
      ...this.receipt,
    });
  }

  acknowledged(at: string): ComplaintEnvelope {
    return this.event(ComplaintAcknowledgedV1, at, this.lifecycle('acknowledged', 'received'));
  }

  responded(at: string, responseType: ResponseType): ComplaintEnvelope {
    return this.event(ComplaintResponseSentV1, at, { ...this.lifecycle('in_progress', 'acknowledged'), responseType });
  }

  infoRequested(at: string): ComplaintEnvelope {
    return this.event(ComplaintInfoRequestedV1, at, this.lifecycle('awaiting_customer', 'in_progress'));
  }

  customerReplied(at: string, receivedAt: string = at): ComplaintEnvelope {
    return this.event(ComplaintCustomerRepliedV1, at, {
      ...this.lifecycle('in_progress', 'awaiting_customer'),
      receivedAt: new Date(receivedAt).toISOString(),
    });
  }

  resolved(at: string): ComplaintEnvelope {
    return this.event(ComplaintResolvedV1, at, this.lifecycle('resolved', 'in_progress'));
  }

  reopened(at: string): ComplaintEnvelope {
    return this.event(ComplaintReopenedV1, at, this.lifecycle('in_progress', 'resolved'));
  }

  closed(at: string): ComplaintEnvelope {
    return this.event(ComplaintClosedV1, at, { ...this.lifecycle('closed', 'resolved'), reason: 'confirmed' });
  }

  private lifecycle(status: ComplaintStatus, previousStatus: ComplaintStatus) {
    return {
      policyId: this.receipt.policyId ?? 'mimo',
      policyVersion: this.receipt.policyVersion ?? 1,
      reference: 'MIMO-2026-000001',
      kind: this.receipt.kind ?? 'complaint',
      status,
      previousStatus,
    };
  }

  private event<C extends EventContract>(contract: C, at: string, data: EventData<C>): ComplaintEnvelope {
    return {
      ...createEvent(contract, { complaintId: this.complaintId, actor: { kind: 'client', id: 'agent' }, occurredAt: new Date(at), data }),
      complaintId: this.complaintId,
    };
  }
}
