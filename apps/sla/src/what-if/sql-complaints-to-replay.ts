import { ClockId } from '@complaints/policy';
import { SlaClockStatus } from '@complaints/contracts';
import { executeSql } from '@complaints/persistence';
import { EntityManager } from '@mikro-orm/postgresql';
import { ComplaintRow, toComplaint } from '../clocks/sql-complaint-clocks.repository';
import { ComplaintsToReplay, RecordedClock, RecordedComplaint, ReplayBatch } from './complaints-to-replay';

/** A stored clock as the batch query gives it: `[metric, status, due_at, met_at]`, instants as JSON strings. */
type ClockTuple = [ClockId, SlaClockStatus, string | null, string | null];

const instant = (value: string | null): Date | null => (value === null ? null : new Date(value));

function recordedClock([metric, status, dueAt, metAt]: ClockTuple): RecordedClock {
  return { metric, status, dueAt: instant(dueAt), metAt: instant(metAt) };
}

/**
 * Keyset batches over `complaints_policy_received_idx`: each batch starts where the last
 * stopped, so a replay of 100,000 complaints never holds more than one batch, and a batch
 * costs the same at the end of the window as at its start. A complaint's clocks come with it
 * as one JSON array of the four columns a replay compares: reading whole clock rows (their
 * explanations and steps) made three quarters of a replay's time (BENCHMARKS.md).
 */
export class SqlComplaintsToReplay implements ComplaintsToReplay {
  async batch(em: EntityManager, batch: ReplayBatch): Promise<RecordedComplaint[]> {
    const { after } = batch;
    const rows = await executeSql<ComplaintRow & { clock_tuples: ClockTuple[] | string }>(
      em,
      `select complaint.*,
         coalesce((select json_agg(json_build_array(clock.metric, clock.status, clock.due_at, clock.met_at) order by clock.position)
                   from sla.clocks clock where clock.complaint_id = complaint.complaint_id), '[]'::json) as clock_tuples
       from sla.complaints complaint
       where complaint.policy_id = ? and complaint.received_at >= ? and complaint.received_at < ?
         ${after ? 'and (complaint.received_at, complaint.complaint_id) > (?, ?::uuid)' : ''}
       order by complaint.received_at, complaint.complaint_id
       limit ?`,
      [
        batch.policyId,
        batch.from,
        batch.to,
        ...(after ? [new Date(after.receivedAt), after.complaintId] : []),
        batch.limit,
      ],
    );
    return rows.map((row) => {
      const tuples = typeof row.clock_tuples === 'string' ? (JSON.parse(row.clock_tuples) as ClockTuple[]) : row.clock_tuples;
      return { complaint: toComplaint(row), clocks: tuples.map(recordedClock) };
    });
  }
}
