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
