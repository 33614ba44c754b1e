import { currentTraceparent } from '@complaints/messaging';
import { executeSql } from '@complaints/persistence';
import { EntityManager } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';
import { Clock } from './clock';
import { NewTimer, Timer, TimerFilter } from './timer';
import { TIMERS_TABLE, TimerRow, toTimer } from './timer-row';

const PENDING = 'fired_at is null and cancelled_at is null';

/**
 * Schedules and cancels timers in the caller's transaction, so a timer exists if and only if
 * the state change that wanted it committed. After COMMIT, tell the scheduler
 * (`TimerScheduler.notify`) about timers due soon.
 */
export class TimerStore {
  constructor(private readonly clock: Clock) {}

  /** Idempotent: scheduling the same key and instant again returns the timer already there. */
  async schedule(tx: EntityManager, timer: NewTimer): Promise<Timer> {
    requireTransaction(tx, 'schedule');
    const inserted = await executeSql<TimerRow>(
      tx,
      `insert into ${TIMERS_TABLE} (id, complaint_id, kind, subject_key, due_at, payload, traceparent)
       values (?, ?, ?, ?, ?, ?::jsonb, ?)
       on conflict (complaint_id, kind, subject_key, due_at) where cancelled_at is null do nothing
       returning *`,
      [
        uuidv7(),
        timer.complaintId,
        timer.kind,
        timer.subjectKey,
        timer.dueAt,
        JSON.stringify(timer.payload ?? {}),
        timer.traceparent === undefined ? (currentTraceparent() ?? null) : timer.traceparent,
      ],
    );
    if (inserted[0]) return toTimer(inserted[0]);
    const [existing] = await executeSql<TimerRow>(
      tx,
      `select * from ${TIMERS_TABLE}
       where complaint_id = ? and kind = ? and subject_key = ? and due_at = ? and cancelled_at is null`,
      [timer.complaintId, timer.kind, timer.subjectKey, timer.dueAt],
    );
    if (!existing) throw new Error(`timer ${timer.kind}/${timer.subjectKey} of ${timer.complaintId} vanished while scheduling`);
    return toTimer(existing);
  }

  /** Cancels the pending timers the filter selects; fired ones stay as the record of what happened. */
  async cancel(tx: EntityManager, filter: TimerFilter): Promise<number> {
    requireTransaction(tx, 'cancel');
    const { where, params } = filterSql(filter);
    const cancelled = await executeSql<{ id: string }>(
      tx,
      `update ${TIMERS_TABLE} set cancelled_at = ? where ${where} and ${PENDING} returning id`,
      [this.clock.now(), ...params],
    );
    return cancelled.length;
  }

  /**
   * Moves a key's pending timer to a new instant (a clock paused and resumed, an expected
   * date set): the old row is cancelled rather than updated, so its history stays, and a
   * replica that already claimed it cannot fire it at the old instant.
   */
  async reschedule(tx: EntityManager, timer: NewTimer): Promise<Timer> {
    requireTransaction(tx, 'reschedule');
    await executeSql(
      tx,
      `update ${TIMERS_TABLE} set cancelled_at = ?
       where complaint_id = ? and kind = ? and subject_key = ? and due_at <> ? and ${PENDING}`,
      [this.clock.now(), timer.complaintId, timer.kind, timer.subjectKey, timer.dueAt],
    );
    return this.schedule(tx, timer);
  }

  /**
   * Deletes up to `limit` timers that fired or were cancelled before `before`; returns how
   * many. What a firing announced lives on in the events and the register; the row itself was
   * only needed to fire it once.
   */
  async purgeEnded(em: EntityManager, before: Date, limit: number): Promise<number> {
    const deleted = await executeSql<{ id: string }>(
      em,
      `delete from ${TIMERS_TABLE} where id in (
         select id from ${TIMERS_TABLE}
         where (fired_at is not null or cancelled_at is not null) and coalesce(fired_at, cancelled_at) < ?
         limit ?)
       returning id`,
      [before, limit],
    );
    return deleted.length;
  }

  async find(em: EntityManager, id: string): Promise<Timer | undefined> {
    const [row] = await executeSql<TimerRow>(em, `select * from ${TIMERS_TABLE} where id = ?`, [id]);
    return row ? toTimer(row) : undefined;
  }

  /** Every timer the filter selects, pending or not, earliest first. */
  async list(em: EntityManager, filter: TimerFilter): Promise<Timer[]> {
    const { where, params } = filterSql(filter);
    const rows = await executeSql<TimerRow>(em, `select * from ${TIMERS_TABLE} where ${where} order by due_at, id`, params);
    return rows.map(toTimer);
  }

  /** A complaint's pending timers, earliest first. */
  async pending(em: EntityManager, filter: TimerFilter): Promise<Timer[]> {
    const { where, params } = filterSql(filter);
    const rows = await executeSql<TimerRow>(
      em,
      `select * from ${TIMERS_TABLE} where ${where} and ${PENDING} order by due_at, id`,
      params,
    );
    return rows.map(toTimer);
  }
}

function requireTransaction(tx: EntityManager, operation: string): void {
  if (!tx.isInTransaction()) {
    throw new Error(`TimerStore.${operation} must run inside the transaction that makes the state change`);
  }
}

function filterSql(filter: TimerFilter): { where: string; params: unknown[] } {
  const clauses = ['complaint_id = ?'];
  const params: unknown[] = [filter.complaintId];
  if (filter.kind !== undefined) {
    clauses.push('kind = ?');
    params.push(filter.kind);
  }
  if (filter.subjectKey !== undefined) {
    clauses.push('subject_key = ?');
    params.push(filter.subjectKey);
  }
  return { where: clauses.join(' and '), params };
}
