import { z } from 'zod';
import { actorSchema } from '../envelope';
import { principalSchema } from '../principal';
import { complaintReferenceSchema, isoInstantSchema, textSchema } from '../primitives';
import { complaintSurveySchema } from './feedback-requests';
import { complaintViewSchema } from './intake-requests';
import { notificationViewSchema } from './notification-requests';
import { defineRequest } from './request-contract';

/*
 * A customer's data rights, exercised by their organisation's admin: an export of everything
 * held about them (GDPR art. 15) and the erasure of their personal data (art. 17), which a
 * legal hold on a complaint stops.
 */

const customerEmailSchema = z.email({ error: 'must be an email address' }).max(254, 'must be at most 254 characters');

/** `GET /v1/customers/data?email=` */
export const customerDataQuerySchema = z.strictObject({ email: customerEmailSchema });

/** `POST /v1/customers/erase`: every complaint of one customer, or one complaint. */
export const eraseCustomerBodySchema = z.union([
  z.strictObject({ email: customerEmailSchema }),
  z.strictObject({ complaintId: z.uuid() }),
]);
export type EraseCustomerBody = z.infer<typeof eraseCustomerBodySchema>;

/** `PUT /v1/complaints/:id/legal-hold` */
export const legalHoldBodySchema = z.strictObject({ reason: textSchema(1000) });

export const exportCustomerDataRequestSchema = z.strictObject({
  principal: principalSchema,
  email: customerEmailSchema,
  requestedAt: isoInstantSchema,
});
export type ExportCustomerDataRequest = z.infer<typeof exportCustomerDataRequestSchema>;

/** One event on the complaint with what the agent typed with it, decrypted. */
const heldHistoryEntrySchema = z.strictObject({
  eventId: z.uuid(),
  type: z.string(),
  occurredAt: isoInstantSchema,
  actor: actorSchema,
  note: z.string().nullable(),
});

export const customerDataExportSchema = z.strictObject({
  email: customerEmailSchema,
  exportedAt: isoInstantSchema,
  complaints: z.array(
    z.strictObject({
      complaint: complaintViewSchema,
      history: z.array(heldHistoryEntrySchema),
    }),
  ),
});
export type CustomerDataExport = z.infer<typeof customerDataExportSchema>;

/**
 * `GET /v1/customers/data`: intake's export, with what the other services hold about each
 * complaint: the messages sent to the customer (notifications) and their survey answers
 * with their comments (feedback).
 */
export const customerDataSchema = customerDataExportSchema.extend({
  complaints: z.array(
    customerDataExportSchema.shape.complaints.element.extend({
      messages: z.array(notificationViewSchema),
      surveys: z.array(complaintSurveySchema),
    }),
  ),
});
export type CustomerData = z.infer<typeof customerDataSchema>;

export const erasePersonalDataRequestSchema = z.strictObject({
  principal: principalSchema,
  target: eraseCustomerBodySchema,
  requestedAt: isoInstantSchema,
});
export type ErasePersonalDataRequest = z.infer<typeof erasePersonalDataRequestSchema>;

const complaintRefSchema = z.strictObject({ complaintId: z.uuid(), reference: complaintReferenceSchema });

export const erasureReportSchema = z.strictObject({
  erased: z.array(complaintRefSchema),
  /** Under a legal hold: nothing was erased. */
  held: z.array(complaintRefSchema.extend({ legalHoldSince: isoInstantSchema })),
  alreadyErased: z.array(complaintRefSchema.extend({ erasedAt: isoInstantSchema })),
});
export type ErasureReport = z.infer<typeof erasureReportSchema>;

export const setLegalHoldRequestSchema = z.strictObject({
  principal: principalSchema,
  complaintId: z.uuid(),
  /** A reason to place one; none to release it. */
  hold: z.union([z.strictObject({ reason: textSchema(1000) }), z.null()]),
  requestedAt: isoInstantSchema,
});
export type SetLegalHoldRequest = z.infer<typeof setLegalHoldRequestSchema>;

export const DataRightsRequests = {
  exportCustomerData: defineRequest({
    pattern: 'intake.customers.export',
    request: exportCustomerDataRequestSchema,
    reply: customerDataExportSchema,
  }),
  erasePersonalData: defineRequest({ pattern: 'intake.customers.erase', request: erasePersonalDataRequestSchema, reply: erasureReportSchema }),
  setLegalHold: defineRequest({ pattern: 'intake.complaints.legal-hold', request: setLegalHoldRequestSchema, reply: complaintViewSchema }),
};
