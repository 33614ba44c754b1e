import { executeSql } from '@complaints/persistence';
import { EntityManager } from '@mikro-orm/postgresql';
import { Timer, TimerFiring } from './timer';
import { TIMERS_TABLE, TimerRow, toTimer } from './timer-row';

/** A pending timer as the scheduler holds it in memory: when it can next be claimed. */
export interface UpcomingTimer {
  readonly id: string;
  readonly dueAt: Date;
  /** The due instant, or the end of another replica's claim on it if that is later. */
  readonly readyAt: Date;
}

/**
 * The scheduler's side of the timers table. Claims are leases: rows are handed out with FOR
 * UPDATE SKIP LOCKED so replicas never wait on each other, and a claim whose holder died
 * expires so another replica takes the row over. Exactly-once firing does not rest on the
 * claim but on `markFired`, which only succeeds while the row is unfired.
 */
export class TimerClaims {
  /** The earliest pending timers due up to `horizon`, in due order (the partial index's order). */
  async upcoming(em: EntityManager, horizon: Date, limit: number): Promise<UpcomingTimer[]> {
    const rows = await executeSql<Pick<TimerRow, 'id' | 'due_at' | 'claim_expires_at'>>(
      em,
      `select id, due_at, claim_expires_at from ${TIMERS_TABLE}
       where fired_at is null and cancelled_at is null and due_at <= ?
       order by due_at limit ?`,
      [horizon, limit],
    );
    return rows.map((row) => {
      const dueAt = new Date(row.due_at);
      const claimEnd = row.claim_expires_at === null ? 0 : new Date(row.claim_expires_at).getTime();
      return { id: row.id, dueAt, readyAt: new Date(Math.max(dueAt.getTime(), claimEnd)) };
    });
  }

  /** Claims up to `batchSize` due timers for `replicaId` until `now + leaseMs`. */
  async claimDue(em: EntityManager, replicaId: string, now: Date, leaseMs: number, batchSize: number): Promise<Timer[]> {
    const rows = await executeSql<TimerRow>(
      em,
      `update ${TIMERS_TABLE} set claimed_by = ?, claim_expires_at = ?
       where id in (
         select id from ${TIMERS_TABLE}
         where fired_at is null and cancelled_at is null and due_at <= ?
           and (claim_expires_at is null or claim_expires_at < ?)
         order by due_at limit ? for update skip locked)
       returning *`,
      [replicaId, new Date(now.getTime() + leaseMs), now, now, batchSize],
    );
    return rows.map(toTimer).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  }

  /** Marks the timer fired in the firing transaction; false if it was fired or cancelled meanwhile. */
  async markFired(tx: EntityManager, timerId: string, firing: TimerFiring): Promise<boolean> {
    const rows = await executeSql<{ id: string }>(
      tx,
      `update ${TIMERS_TABLE} set fired_at = ?, lag_ms = ?, late = ?
       where id = ? and fired_at is null and cancelled_at is null returning id`,
      [firing.firedAt, firing.lagMs, firing.late, timerId],
    );
    return rows.length === 1;
  }
}
