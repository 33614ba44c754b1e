import { SlaClockStatus } from '@complaints/contracts';
import { Channel, ComplaintKind } from '@complaints/domain';
import { ClockEvent, ClockId, PauseReason } from '@complaints/policy';
import { executeSql, isUuid, pgArray } from '@complaints/persistence';
import { EntityManager } from '@mikro-orm/postgresql';
import { ClockState } from './clock-state';
import { AlertTarget, ClockKey, ComplaintClocksRepository, clockKeyOf } from './complaint-clocks.repository';
import { SlaComplaint } from './sla-complaint';

/** What the driver gives for timestamptz and jsonb columns depends on its type parsers: accept both forms. */
type Instant = Date | string;
type Json<T> = T | string;

const json = <T>(value: Json<T>): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);
const at = (value: Instant): Date => new Date(value);
const optionalAt = (value: Instant | null): Date | null => (value === null ? null : at(value));

export interface ComplaintRow {
  complaint_id: string;
  policy_id: string;
  policy_version: number;
  kind: ComplaintKind;
  channel: Channel;
  received_at: Instant;
  first_contact_at: Instant | null;
  upgraded_at: Instant | null;
  third_party: boolean;
  authorisation_verified_at: Instant | null;
  information_requested_at: Instant | null;
  expected_at: Instant | null;
  pauses: Json<PauseJson[]>;
  /** Every clock event seen, stops and restarts alike (the column's name is older than restarts). */
  stops: Json<ClockEventJson[]>;
}

interface PauseJson {
  from: string;
  to?: string;
  reason: PauseReason;
}

interface ClockEventJson {
  event: ClockEvent;
  at: string;
}

interface ClockRow {
  metric: ClockId;
  status: SlaClockStatus;
  started_at: Instant | null;
  due_at: Instant | null;
  warn_at: Instant | null;
  met_at: Instant | null;
  breached_at: Instant | null;
  explanation: string;
  steps: Json<string[]>;
  /** bigint: the driver gives a string. */
  elapsed_business_seconds: string | null;
  overdue_business_seconds: string | null;
}

const millis = (value: Instant | null): number | undefined => (value === null ? undefined : at(value).getTime());
const count = (value: string | null): number | null => (value === null ? null : Number(value));
const date = (ms: number | undefined): Date | null => (ms === undefined ? null : new Date(ms));
const iso = (ms: number): string => new Date(ms).toISOString();

export function toComplaint(row: ComplaintRow): SlaComplaint {
  return {
    complaintId: row.complaint_id,
    policyId: row.policy_id,
    policyVersion: row.policy_version,
    kind: row.kind,
    channel: row.channel,
    receivedAt: at(row.received_at).getTime(),
    firstContactAt: millis(row.first_contact_at),
    upgradedAt: millis(row.upgraded_at),
    thirdParty: row.third_party,
    authorisationVerifiedAt: millis(row.authorisation_verified_at),
    informationRequestedAt: millis(row.information_requested_at),
    expectedAt: millis(row.expected_at),
    pauses: json(row.pauses).map((pause) => ({
      from: Date.parse(pause.from),
      to: pause.to === undefined ? undefined : Date.parse(pause.to),
      reason: pause.reason,
    })),
    clockEvents: json(row.stops).map((seen) => ({ event: seen.event, at: Date.parse(seen.at) })),
  };
}

function toClock(row: ClockRow): ClockState {
  return {
    metric: row.metric,
    status: row.status,
    startedAt: optionalAt(row.started_at),
    dueAt: optionalAt(row.due_at),
    warnAt: optionalAt(row.warn_at),
    metAt: optionalAt(row.met_at),
    breachedAt: optionalAt(row.breached_at),
    explanation: row.explanation,
    steps: json(row.steps),
    elapsedBusinessSeconds: count(row.elapsed_business_seconds),
    overdueBusinessSeconds: count(row.overdue_business_seconds),
  };
}

/** The sla schema's `complaints` and `clocks` tables, in plain SQL like the timers beside them. */
export class SqlComplaintClocksRepository implements ComplaintClocksRepository {
  async lock(tx: EntityManager, complaintId: string): Promise<SlaComplaint | undefined> {
    const [row] = await executeSql<ComplaintRow>(tx, `select * from sla.complaints where complaint_id = ? for update`, [
      complaintId,
    ]);
    return row && toComplaint(row);
  }

  async lockAll(tx: EntityManager, complaintIds: readonly string[]): Promise<void> {
    if (complaintIds.length === 0) return;
    const invalid = complaintIds.find((id) => !isUuid(id));
    if (invalid !== undefined) throw new Error(`not a complaint id: ${invalid}`);
    // Rows are locked as the sort hands them over, so every batch takes its locks in id order.
    await executeSql(
      tx,
      `select complaint_id from sla.complaints where complaint_id = any(?::uuid[]) order by complaint_id for update`,
      [pgArray(complaintIds)],
    );
  }

  async find(em: EntityManager, complaintId: string): Promise<SlaComplaint | undefined> {
    const [row] = await executeSql<ComplaintRow>(em, `select * from sla.complaints where complaint_id = ?`, [complaintId]);
    return row && toComplaint(row);
  }

  async save(tx: EntityManager, complaint: SlaComplaint, now: Date): Promise<void> {
    const pauses: PauseJson[] = complaint.pauses.map((pause) => ({
      from: iso(pause.from),
      ...(pause.to === undefined ? {} : { to: iso(pause.to) }),
      reason: pause.reason,
    }));
    const clockEvents: ClockEventJson[] = complaint.clockEvents.map((seen) => ({ event: seen.event, at: iso(seen.at) }));
    await executeSql(
      tx,
      `insert into sla.complaints (complaint_id, policy_id, policy_version, kind, channel, received_at, first_contact_at,
         upgraded_at, third_party, authorisation_verified_at, information_requested_at, expected_at, pauses, stops, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)
       on conflict (complaint_id) do update set
         kind = excluded.kind, upgraded_at = excluded.upgraded_at,
         authorisation_verified_at = excluded.authorisation_verified_at,
         information_requested_at = excluded.information_requested_at, expected_at = excluded.expected_at,
         pauses = excluded.pauses, stops = excluded.stops, updated_at = excluded.updated_at`,
      [
        complaint.complaintId,
        complaint.policyId,
        complaint.policyVersion,
        complaint.kind,
        complaint.channel,
        new Date(complaint.receivedAt),
        date(complaint.firstContactAt),
        date(complaint.upgradedAt),
        complaint.thirdParty,
        date(complaint.authorisationVerifiedAt),
        date(complaint.informationRequestedAt),
        date(complaint.expectedAt),
        JSON.stringify(pauses),
        JSON.stringify(clockEvents),
        now,
      ],
    );
  }

  async clocksOf(em: EntityManager, complaintId: string): Promise<ClockState[]> {
    const rows = await executeSql<ClockRow>(em, `select * from sla.clocks where complaint_id = ? order by position`, [
      complaintId,
    ]);
    return rows.map(toClock);
  }

  async saveClocks(
    tx: EntityManager,
    complaint: Pick<SlaComplaint, 'complaintId' | 'policyId'>,
    clocks: readonly ClockState[],
    now: Date,
  ): Promise<void> {
    if (clocks.length === 0) return;
    // One statement for all of a complaint's clocks: every complaint event and breach writes them.
    await executeSql(
      tx,
      `insert into sla.clocks (complaint_id, policy_id, metric, position, status, started_at, due_at, warn_at, met_at,
         breached_at, explanation, steps, elapsed_business_seconds, overdue_business_seconds, updated_at)
       values ${clocks.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)').join(', ')}
       on conflict (complaint_id, metric) do update set
         position = excluded.position, status = excluded.status, started_at = excluded.started_at,
         due_at = excluded.due_at, warn_at = excluded.warn_at, met_at = excluded.met_at,
         breached_at = excluded.breached_at, explanation = excluded.explanation, steps = excluded.steps,
         elapsed_business_seconds = excluded.elapsed_business_seconds,
         overdue_business_seconds = excluded.overdue_business_seconds, updated_at = excluded.updated_at`,
      clocks.flatMap((clock, position) => [
        complaint.complaintId,
        complaint.policyId,
        clock.metric,
        position,
        clock.status,
        clock.startedAt,
        clock.dueAt,
        clock.warnAt,
        clock.metAt,
        clock.breachedAt,
        clock.explanation,
        JSON.stringify(clock.steps),
        clock.elapsedBusinessSeconds ?? null,
        clock.overdueBusinessSeconds ?? null,
        now,
      ]),
    );
  }

  async alertTargets(em: EntityManager, keys: readonly ClockKey[]): Promise<Map<string, AlertTarget>> {
    if (keys.length === 0) return new Map();
    const rows = await executeSql<ClockRow & { complaint_id: string; policy_id: string; policy_version: number }>(
      em,
      `select clock.*, complaint.policy_id, complaint.policy_version
       from jsonb_to_recordset(?::jsonb) as wanted(complaint_id uuid, metric text)
       join sla.clocks clock on clock.complaint_id = wanted.complaint_id and clock.metric = wanted.metric
       join sla.complaints complaint on complaint.complaint_id = clock.complaint_id`,
      [JSON.stringify(keys.map(({ complaintId, metric }) => ({ complaint_id: complaintId, metric })))],
    );
    return new Map(
      rows.map((row) => [
        clockKeyOf({ complaintId: row.complaint_id, metric: row.metric }),
        { policyId: row.policy_id, policyVersion: row.policy_version, clock: toClock(row) },
      ]),
    );
  }

  async markBreached(
    tx: EntityManager,
    breaches: readonly { complaintId: string; clock: ClockState }[],
    now: Date,
  ): Promise<void> {
    if (breaches.length === 0) return;
    await executeSql(
      tx,
      `update sla.clocks clock set status = 'breached', breached_at = breach.breached_at,
         explanation = breach.explanation, steps = breach.steps, updated_at = ?
       from jsonb_to_recordset(?::jsonb)
         as breach(complaint_id uuid, metric text, breached_at timestamptz, explanation text, steps jsonb)
       where clock.complaint_id = breach.complaint_id and clock.metric = breach.metric`,
      [
        now,
        JSON.stringify(
          breaches.map(({ complaintId, clock }) => ({
            complaint_id: complaintId,
            metric: clock.metric,
            breached_at: clock.breachedAt?.toISOString() ?? null,
            explanation: clock.explanation,
            steps: clock.steps,
          })),
        ),
      ],
    );
  }

  async countByStatus(em: EntityManager): Promise<Partial<Record<SlaClockStatus, number>>> {
    const rows = await executeSql<{ status: SlaClockStatus; count: string }>(
      em,
      `select status, count(*) as count from sla.clocks group by status`,
    );
    return Object.fromEntries(rows.map((row) => [row.status, Number(row.count)]));
  }
}
