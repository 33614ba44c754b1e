import { executeSql } from '@complaints/persistence';
import { EntityManager } from '@mikro-orm/postgresql';
import { WithdrawnBreach, WithdrawnBreachRepository } from './withdrawn-breaches';

export class SqlWithdrawnBreachRepository implements WithdrawnBreachRepository {
  async record(tx: EntityManager, withdrawn: WithdrawnBreach): Promise<void> {
    await executeSql(
      tx,
      `insert into escalation.withdrawn_breaches (breach_event_id, complaint_id, withdrawal_event_id)
       values (?, ?, ?) on conflict (breach_event_id) do nothing`,
      [withdrawn.breachEventId, withdrawn.complaintId, withdrawn.withdrawalEventId],
    );
  }

  async isWithdrawn(tx: EntityManager, breachEventId: string): Promise<boolean> {
    const rows = await executeSql(tx, `select 1 from escalation.withdrawn_breaches where breach_event_id = ?`, [breachEventId]);
    return rows.length > 0;
  }
}
