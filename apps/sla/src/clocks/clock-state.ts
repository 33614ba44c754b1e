import { SlaClockStatus } from '@complaints/contracts';
import { ClockId } from '@complaints/policy';

/** One clock of one complaint as sla stores and reports it. */
export interface ClockState {
  readonly metric: ClockId;
  readonly status: SlaClockStatus;
  readonly startedAt: Date | null;
  readonly dueAt: Date | null;
  readonly warnAt: Date | null;
  readonly metAt: Date | null;
  readonly breachedAt: Date | null;
  readonly explanation: string;
  readonly steps: readonly string[];
  /**
   * Business seconds the clock ran, pauses excluded, to its stopping event; and of them, those
   * past its deadline when breached. Null (or absent) until measured (`withBusinessTime`).
   */
  readonly elapsedBusinessSeconds?: number | null;
  readonly overdueBusinessSeconds?: number | null;
}
