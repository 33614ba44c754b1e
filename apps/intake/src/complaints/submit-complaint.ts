import { ComplaintReceivedV1, ComplaintView, SubmitComplaintRequest } from '@complaints/contracts';
import { createEvent } from '@complaints/messaging';
import { UnitOfWork } from '@complaints/runtime';
import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { ComplaintRecord, ComplaintSchema } from './complaint.entity';
import { toComplaintView } from './complaint-view';

/** Stores a new complaint and its `complaint.received` event in one transaction. */
@Injectable()
export class SubmitComplaint {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async execute(request: SubmitComplaintRequest): Promise<ComplaintView> {
    const record: ComplaintRecord = {
      id: uuidv7(),
      policyId: request.body.policyId,
      kind: request.body.kind,
      channel: request.body.channel,
      status: 'received',
      receivedAt: new Date(request.receivedAt),
      firstContactAt: request.body.firstContactAt ? new Date(request.body.firstContactAt) : null,
      submittedBy: request.actor.id,
    };
    await this.unitOfWork.run(async (tx, events) => {
      tx.create(ComplaintSchema, record);
      await tx.flush();
      await events.append(
        ComplaintReceivedV1,
        createEvent(ComplaintReceivedV1, {
          complaintId: record.id,
          actor: request.actor,
          occurredAt: record.receivedAt,
          data: {
            policyId: record.policyId,
            kind: record.kind,
            channel: record.channel,
            status: record.status,
            receivedAt: record.receivedAt.toISOString(),
          },
        }),
      );
    });
    return toComplaintView(record);
  }
}
