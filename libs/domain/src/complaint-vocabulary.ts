/** The words of the complaint lifecycle, shared by every service (ARCHITECTURE.md, "Complaint lifecycle"). */
export const COMPLAINT_KINDS = ['inquiry', 'complaint'] as const;
export type ComplaintKind = (typeof COMPLAINT_KINDS)[number];

export const CHANNELS = ['email', 'phone', 'chat', 'web', 'in_person'] as const;
export type Channel = (typeof CHANNELS)[number];

export const COMPLAINT_STATUSES = [
  'received',
  'awaiting_authorization',
  'acknowledged',
  'in_progress',
  'awaiting_customer',
  'resolved',
  'closed',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/**
 * What an agent's response to the customer was; each one can meet a different clock. An
 * `update` tells the customer the steps taken so far (imolocale's regular update).
 */
export const RESPONSE_TYPES = ['first_reply', 'interim', 'findings', 'final', 'update'] as const;
export type ResponseType = (typeof RESPONSE_TYPES)[number];

export const CLOSE_REASONS = ['confirmed', 'no_response', 'non_cooperation', 'stale', 'withdrawn'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];
