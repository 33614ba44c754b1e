/** What a timer is for: one future instant of one complaint, e.g. the breach of its `resolution` clock. */
export interface TimerKey {
  readonly complaintId: string;
  /** What happens when it fires: `clock_warning`, `clock_breach`, `regular_update`, … (one handler per kind). */
  readonly kind: string;
  /** Which thing of that kind, e.g. the clock metric; `''` when a complaint has only one. */
  readonly subjectKey: string;
}

export type TimerPayload = Readonly<Record<string, unknown>>;

export interface NewTimer extends TimerKey {
  readonly dueAt: Date;
  /** What the handler needs at firing time, so it does not have to recompute it. */
  readonly payload?: TimerPayload;
  /**
   * The complaint's trace, so the firing (days later) can be linked to it. Defaults to the
   * active trace, which is the complaint's when scheduling happens while handling its event.
   */
  readonly traceparent?: string | null;
}

export interface Timer extends TimerKey {
  readonly id: string;
  readonly dueAt: Date;
  readonly payload: TimerPayload;
  readonly traceparent: string | null;
  readonly createdAt: Date;
  readonly claimedBy: string | null;
  readonly claimExpiresAt: Date | null;
  readonly firedAt: Date | null;
  readonly lagMs: number | null;
  readonly late: boolean | null;
  readonly cancelledAt: Date | null;
}

/** How a firing went against its due instant; `lagMs` is fired − due and feeds the detection-lag metric. */
export interface TimerFiring {
  readonly firedAt: Date;
  readonly lagMs: number;
  readonly late: boolean;
}

/** Selects a complaint's pending timers; omitted fields match any value. */
export interface TimerFilter {
  readonly complaintId: string;
  readonly kind?: string;
  readonly subjectKey?: string;
}
