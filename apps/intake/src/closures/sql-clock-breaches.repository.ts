import { executeSql } from '@complaints/persistence';
import { EntityManager } from '@mikro-orm/postgresql';
import { ClockBreachKey, ClockBreachRepository, ClosureOnBreach } from './clock-breaches';

export class SqlClockBreachRepository implements ClockBreachRepository {
  async recordBreach(tx: EntityManager, breach: ClockBreachKey, breachEventId: string): Promise<boolean> {
    const [row] = await executeSql<{ withdrawn_by: string | null }>(
      tx,
      `insert into intake.clock_breaches (complaint_id, metric, due_at, breach_event_id) values (?, ?, ?, ?)
       on conflict (complaint_id, metric, due_at) do update set breach_event_id = excluded.breach_event_id
       returning withdrawn_by`,
      [breach.complaintId, breach.metric, breach.dueAt, breachEventId],
    );
    return row?.withdrawn_by === null;
  }

  async recordClosure(tx: EntityManager, breach: ClockBreachKey, closedEventId: string): Promise<void> {
    await executeSql(
      tx,
      'update intake.clock_breaches set closed_event_id = ? where complaint_id = ? and metric = ? and due_at = ?',
      [closedEventId, breach.complaintId, breach.metric, breach.dueAt],
    );
  }

  async recordWithdrawal(tx: EntityManager, breach: ClockBreachKey, withdrawalEventId: string): Promise<ClosureOnBreach | undefined> {
    const [row] = await executeSql<{ breach_event_id: string | null; closed_event_id: string | null }>(
      tx,
      `insert into intake.clock_breaches (complaint_id, metric, due_at, withdrawn_by) values (?, ?, ?, ?)
       on conflict (complaint_id, metric, due_at) do update set withdrawn_by = coalesce(clock_breaches.withdrawn_by, excluded.withdrawn_by)
       returning breach_event_id, closed_event_id`,
      [breach.complaintId, breach.metric, breach.dueAt, withdrawalEventId],
    );
    return row?.breach_event_id && row.closed_event_id
      ? { breachEventId: row.breach_event_id, closedEventId: row.closed_event_id }
      : undefined;
  }

  async anyStanding(tx: EntityManager, complaintId: string): Promise<boolean> {
    const rows = await executeSql(
      tx,
      `select 1 from intake.clock_breaches where complaint_id = ? and breach_event_id is not null and withdrawn_by is null limit 1`,
      [complaintId],
    );
    return rows.length > 0;
  }
}
