import { executeSql, isUuid, pgArray } from '@complaints/persistence';
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
 * claim but on `markFiredBatch`, which only marks rows still unfired.
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

  /**
   * Marks a batch of timers fired in their firing transaction, one statement for the batch.
   * Only rows still unfired and not cancelled are marked (a row fired by another replica, or
   * cancelled by a reschedule, is left alone); returns the ids it marked.
   */
  async markFiredBatch(tx: EntityManager, firings: readonly { timerId: string; firing: TimerFiring }[]): Promise<Set<string>> {
    if (firings.length === 0) return new Set();
    const [first] = firings;
    const firedAt = (first as { firing: TimerFiring }).firing.firedAt;
    if (firings.some(({ firing }) => firing.firedAt.getTime() !== firedAt.getTime())) {
      throw new Error('a batch of timers fires at one instant');
    }
    const rows = await executeSql<{ id: string }>(
      tx,
      `update ${TIMERS_TABLE} as timer set fired_at = ?, lag_ms = firing.lag_ms, late = firing.late
       from unnest(?::uuid[], ?::bigint[], ?::boolean[]) as firing(id, lag_ms, late)
       where timer.id = firing.id and timer.fired_at is null and timer.cancelled_at is null
       returning timer.id`,
      [
        firedAt,
        pgArray(firings.map(({ timerId }) => uuid(timerId))),
        pgArray(firings.map(({ firing }) => String(Math.round(firing.lagMs)))),
        pgArray(firings.map(({ firing }) => (firing.late ? 't' : 'f'))),
      ],
    );
    return new Set(rows.map((row) => row.id));
  }

  /**
   * Keeps claimed timers that must wait (a `TimerHold`) under this replica's claim until the
   * instant given for each, so no replica takes them before then, and none fires them sooner.
   */
  async holdClaims(em: EntityManager, replicaId: string, untils: ReadonlyMap<string, Date>): Promise<void> {
    if (untils.size === 0) return;
    await executeSql(
      em,
      `update ${TIMERS_TABLE} as timer set claim_expires_at = hold.until
       from unnest(?::uuid[], ?::timestamptz[]) as hold(id, until)
       where timer.id = hold.id and timer.claimed_by = ? and timer.fired_at is null`,
      [pgArray([...untils.keys()].map(uuid)), pgArray([...untils.values()].map((until) => until.toISOString())), replicaId],
    );
  }

  /** Takes back the mark of a timer whose handler failed in the firing transaction, so it stays pending. */
  async unmarkFired(tx: EntityManager, timerId: string): Promise<void> {
    await executeSql(tx, `update ${TIMERS_TABLE} set fired_at = null, lag_ms = null, late = null where id = ?`, [timerId]);
  }
}

function uuid(id: string): string {
  if (!isUuid(id)) throw new Error(`not a timer id: ${id}`);
  return id;
}
