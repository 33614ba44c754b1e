import { CHANNELS, COMPLAINT_KINDS, COMPLAINT_STATUSES } from '@complaints/domain';
import { z } from 'zod';
import { defineEvent } from '../event-contract';
import { STREAMS } from '../streams';

/** A complaint (or inquiry) entered the system. Carries no personal data. */
export const ComplaintReceivedV1 = defineEvent({
  type: 'complaint.received',
  version: 1,
  stream: STREAMS.complaints,
  data: z.strictObject({
    policyId: z.string().min(1),
    kind: z.enum(COMPLAINT_KINDS),
    channel: z.enum(CHANNELS),
    status: z.enum(COMPLAINT_STATUSES),
    receivedAt: z.iso.datetime({ offset: true }),
  }),
});
