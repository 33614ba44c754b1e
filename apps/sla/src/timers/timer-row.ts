import { Timer, TimerPayload } from './timer';

/** The table lives in the sla schema, which is fixed: no other service may touch it. */
export const TIMERS_TABLE = 'sla.timers';

export interface TimerRow {
  id: string;
  complaint_id: string;
  kind: string;
  subject_key: string;
  due_at: Date;
  payload: TimerPayload | string;
  traceparent: string | null;
  created_at: Date;
  claimed_by: string | null;
  claim_expires_at: Date | null;
  fired_at: Date | null;
  lag_ms: string | number | null;
  late: boolean | null;
  cancelled_at: Date | null;
}

export function toTimer(row: TimerRow): Timer {
  return {
    id: row.id,
    complaintId: row.complaint_id,
    kind: row.kind,
    subjectKey: row.subject_key,
    dueAt: new Date(row.due_at),
    payload: typeof row.payload === 'string' ? (JSON.parse(row.payload) as TimerPayload) : row.payload,
    traceparent: row.traceparent,
    createdAt: new Date(row.created_at),
    claimedBy: row.claimed_by,
    claimExpiresAt: row.claim_expires_at === null ? null : new Date(row.claim_expires_at),
    firedAt: row.fired_at === null ? null : new Date(row.fired_at),
    // bigint arrives as a string from pg; lags fit a double comfortably.
    lagMs: row.lag_ms === null ? null : Number(row.lag_ms),
    late: row.late,
    cancelledAt: row.cancelled_at === null ? null : new Date(row.cancelled_at),
  };
}
