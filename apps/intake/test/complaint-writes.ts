import { Envelope } from '@complaints/contracts';
import { executeSql } from '@complaints/persistence';
import { MikroORM } from '@mikro-orm/postgresql';

/** What intake wrote about one complaint: its events in the outbox, and its timeline (whether each entry has a note). */
export async function complaintWrites(
  orm: MikroORM,
  complaintId: string,
): Promise<{ outbox: Envelope[]; history: { type: string; note: boolean }[] }> {
  const em = orm.em.fork();
  const outbox = await executeSql<{ payload: Envelope }>(
    em,
    `select payload from intake.outbox where complaint_id = ? order by created_at, id`,
    [complaintId],
  );
  const history = await executeSql<{ type: string; note: boolean }>(
    em,
    `select type, note_ciphertext is not null as note from intake.complaint_history where complaint_id = ? order by occurred_at, event_id`,
    [complaintId],
  );
  return { outbox: outbox.map((row) => row.payload), history };
}
