import { envelopeSchema, findEventContract } from '@complaints/contracts';
import { executeSql } from '@complaints/persistence';
import { EntityManager } from '@mikro-orm/postgresql';
import { ComplaintEventLog } from './complaint-event-log';
import { ComplaintEnvelope } from './complaint-event-rules';

/** `sla.complaint_events`, in plain SQL like the clocks beside it. */
export class SqlComplaintEventLog implements ComplaintEventLog {
  async lockHistory(tx: EntityManager, complaintId: string): Promise<void> {
    // A transaction-scoped advisory lock: there may be no row to lock before the receipt.
    await executeSql(tx, `select pg_advisory_xact_lock(hashtextextended(?, 0))`, [`sla.complaint_events/${complaintId}`]);
  }

  async append(tx: EntityManager, event: ComplaintEnvelope): Promise<void> {
    await executeSql(
      tx,
      `insert into sla.complaint_events (event_id, complaint_id, occurred_at, envelope) values (?, ?, ?, ?::jsonb)
       on conflict (event_id) do nothing`,
      [event.id, event.complaintId, new Date(event.occurredAt), JSON.stringify(event)],
    );
  }

  async history(tx: EntityManager, complaintId: string): Promise<ComplaintEnvelope[]> {
    const rows = await executeSql<{ envelope: unknown }>(
      tx,
      `select envelope from sla.complaint_events where complaint_id = ? order by occurred_at, event_id`,
      [complaintId],
    );
    return rows.map((row) => {
      const envelope = envelopeSchema.parse(typeof row.envelope === 'string' ? JSON.parse(row.envelope) : row.envelope);
      // Parsed by its contract again, as the consumer did, so the rules see the data as they always do.
      const contract = findEventContract(envelope.type, envelope.version);
      if (!contract) throw new Error(`sla.complaint_events holds ${envelope.type} v${envelope.version}, which the catalogue lacks`);
      return { ...envelope, data: contract.data.parse(envelope.data), complaintId };
    });
  }
}
