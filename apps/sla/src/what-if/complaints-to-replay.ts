import { EntityManager } from '@mikro-orm/postgresql';
import { ClockState } from '../clocks/clock-state';
import { SlaComplaint } from '../clocks/sla-complaint';

/**
 * What a replay compares of a stored clock: its outcome and the instants a flip shows. Not
 * the explanation and steps, which make most of a clock's bytes and which a replay never shows.
 */
export type RecordedClock = Pick<ClockState, 'metric' | 'status' | 'dueAt' | 'metAt'>;

/** A complaint as sla recorded it: its facts and its clocks as they stand. */
export interface RecordedComplaint {
  readonly complaint: SlaComplaint;
  readonly clocks: readonly RecordedClock[];
}

export interface ReplayBatch {
  readonly policyId: string;
  readonly from: Date;
  readonly to: Date;
  /** The last complaint of the previous batch, in (receipt, id) order. */
  readonly after?: { readonly receivedAt: number; readonly complaintId: string };
  readonly limit: number;
}

/** Where a what-if reads the complaints it replays, batch by batch. */
export interface ComplaintsToReplay {
  /** The next complaints of the policy received in `[from, to)`, in (receipt, id) order, with their clocks. */
  batch(em: EntityManager, batch: ReplayBatch): Promise<RecordedComplaint[]>;
}
