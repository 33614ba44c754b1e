import { DEAD_LETTER_STREAM, EVENT_CATALOGUE } from '@complaints/contracts';
import { Topology } from '@complaints/messaging';
import { connect } from 'nats';
import { Client } from 'pg';
import { ApiClient } from '../../test/support/api-client';
import { API_KEYS } from '../../test/support/running-system';
import { Backlog, OUTBOX_SCHEMAS } from './quiescence';

/** A complaint the gateway accepted (201) during a scenario. */
export interface AcceptedComplaint {
  readonly id: string;
  readonly policyId: string;
  readonly kind: string;
  readonly channel: string;
}

/** A promise the scenario kept: the command that stops `metric` was answered 200 at `answeredAt`. */
export interface KeptPromise {
  readonly complaintId: string;
  readonly metric: string;
  readonly answeredAt: number;
}

export interface InvariantInputs {
  /** A connection to the system's database (every service's schema). */
  readonly db: Client;
  readonly api: ApiClient;
  readonly natsUrl: string;
  readonly namespace: string;
  readonly accepted: readonly AcceptedComplaint[];
  readonly kept?: readonly KeptPromise[];
  /** What was still in flight when the scenario stopped waiting for the system to catch up. */
  readonly backlog: Backlog;
}

/**
 * What the fault suite measures after a scenario. Every figure but `accepted` must be 0 (and
 * `auditVerified` true) for the system to have held.
 */
export interface InvariantReport {
  readonly accepted: number;
  /** Accepted complaints missing from intake, from sla, or from the audit register. */
  readonly lost: number;
  /** Accepted complaints whose clocks in sla are not exactly the ones their policy gives them. */
  readonly wrongClocks: number;
  /** Events registered twice, repeated breach/warning announcements, escalation steps taken twice for one cause. */
  readonly duplicates: number;
  /** Timers due but never fired, or fired before their due instant (by the database's clock). */
  readonly timerFaults: number;
  /** Events still unpublished or unconsumed after the scenario's settling time. */
  readonly stuck: number;
  /** Events a service published before the system settled that the audit register does not hold. */
  readonly unregistered: number;
  readonly deadLetters: number;
  /** Clocks left breached although their stopping event happened before the deadline. */
  readonly falseBreaches: number;
  readonly auditVerified: boolean;
}

const count = async (db: Client, sql: string, values: unknown[] = []): Promise<number> => {
  const { rows } = await db.query<{ count: string }>(sql, values);
  return Number(rows[0]?.count ?? 0);
};

async function lost({ db, accepted }: InvariantInputs): Promise<number> {
  const ids = accepted.map((complaint) => complaint.id);
  const { rows } = await db.query<{ id: string }>(
    `select id from unnest($1::uuid[]) as accepted(id)
     where not exists (select 1 from intake.complaints c where c.id = accepted.id)
        or not exists (select 1 from sla.complaints s where s.complaint_id = accepted.id)
        or not exists (select 1 from audit.entries e where e.complaint_id = accepted.id and e.type = 'complaint.received')`,
    [ids],
  );
  return rows.length;
}

/** The clocks a policy gives a complaint of a kind and channel, as the policy's own simulation plans them. */
async function plannedMetrics(api: ApiClient, complaint: AcceptedComplaint): Promise<string[]> {
  const response = await api.call('POST', `/v1/policies/${complaint.policyId}/simulate`, {
    key: API_KEYS.agent,
    json: { kind: complaint.kind, channel: complaint.channel, receivedAt: new Date().toISOString() },
  });
  if (response.status !== 200) throw new Error(`simulating ${complaint.policyId}: HTTP ${response.status} ${JSON.stringify(response.body)}`);
  return (response.body.clocks as { metric: string }[]).map((clock) => clock.metric).sort();
}

async function wrongClocks({ db, api, accepted }: InvariantInputs): Promise<number> {
  const planned = new Map<string, string>();
  for (const complaint of accepted) {
    const shape = `${complaint.policyId}|${complaint.kind}|${complaint.channel}`;
    if (!planned.has(shape)) planned.set(shape, (await plannedMetrics(api, complaint)).join(','));
  }
  const { rows } = await db.query<{ complaint_id: string; metrics: string }>(
    `select complaint_id, string_agg(metric, ',' order by metric) as metrics from sla.clocks
     where complaint_id = any($1::uuid[]) group by complaint_id`,
    [accepted.map((complaint) => complaint.id)],
  );
  const actual = new Map(rows.map((row) => [row.complaint_id, row.metrics]));
  return accepted.filter(
    (complaint) => actual.get(complaint.id) !== planned.get(`${complaint.policyId}|${complaint.kind}|${complaint.channel}`),
  ).length;
}

async function duplicates({ db }: InvariantInputs): Promise<number> {
  const registeredTwice = await count(db, `select count(*) - count(distinct event_id) as count from audit.entries`);
  // One announcement per clock, kind and instant: a timer firing twice would repeat it under a new id.
  const announcedTwice = await count(
    db,
    `select count(*) - count(distinct (complaint_id, event_type, payload->'data'->>'metric', payload->'data'->>'dueAt')) as count
     from sla.outbox where event_type in ('sla.clock-breached', 'sla.clock-warning')`,
  );
  const withdrawnTwice = await count(
    db,
    `select count(*) - count(distinct (complaint_id, payload->'data'->>'metric', payload->'data'->>'breachedAt')) as count
     from sla.outbox where event_type = 'sla.clock-breach-withdrawn'`,
  );
  const escalatedTwice = (await schemaExists(db, 'escalation'))
    ? await count(db, `select count(*) - count(distinct cause_event_id) as count from escalation.level_changes`)
    : 0;
  return registeredTwice + announcedTwice + withdrawnTwice + escalatedTwice;
}

async function timerFaults({ db, backlog }: InvariantInputs): Promise<number> {
  // Due by the time the system settled: a timer coming due while the checks run has not had its chance yet.
  const unfired = await count(
    db,
    `select count(*) from sla.timers where fired_at is null and cancelled_at is null and due_at <= $1`,
    [backlog.observedAt],
  );
  // fired_at is the database's time (ADR 0050): a replica whose own clock runs fast must not fire early.
  const early = await count(db, `select count(*) from sla.timers where fired_at < due_at - interval '500 milliseconds'`);
  return unfired + early;
}

async function schemaExists(db: Client, schema: string): Promise<boolean> {
  return (await count(db, `select count(*) from information_schema.schemata where schema_name = $1`, [schema])) > 0;
}

async function unregistered({ db, backlog }: InvariantInputs): Promise<number> {
  const registeredTypes = EVENT_CATALOGUE.map((contract) => contract.type);
  let missing = 0;
  for (const schema of OUTBOX_SCHEMAS) {
    if (!(await schemaExists(db, schema))) continue;
    missing += await count(
      db,
      `select count(*) from ${schema}.outbox o
       where o.event_type = any($1) and o.created_at <= $2
         and not exists (select 1 from audit.entries e where e.event_id = o.id)`,
      [registeredTypes, backlog.observedAt],
    );
  }
  return missing;
}

async function deadLetters({ natsUrl, namespace }: InvariantInputs): Promise<number> {
  const nc = await connect({ servers: natsUrl });
  try {
    const jsm = await nc.jetstreamManager();
    const stream = new Topology(namespace).streamName(DEAD_LETTER_STREAM);
    // Every consuming service ensures the stream when it starts: a missing one is a broken rig, not zero.
    return (await jsm.streams.info(stream)).state.messages;
  } finally {
    await nc.close();
  }
}

async function falseBreaches({ db, kept = [] }: InvariantInputs): Promise<number> {
  // A stop before the deadline that sla knows of (by the event's time) but left breached.
  const contradicted = await count(db, `select count(*) from sla.clocks where status = 'breached' and met_at is not null and met_at <= due_at`);
  // A promise the scenario saw kept in time (the command answered before the deadline) that sla holds breached.
  const { rows } = await db.query<{ complaint_id: string; metric: string; due_at: Date; status: string }>(
    `select complaint_id, metric, due_at, status from sla.clocks where complaint_id = any($1::uuid[])`,
    [kept.map((promise) => promise.complaintId)],
  );
  const clocks = new Map(rows.map((row) => [`${row.complaint_id}|${row.metric}`, row]));
  const keptButBreached = kept.filter((promise) => {
    const clock = clocks.get(`${promise.complaintId}|${promise.metric}`);
    return clock !== undefined && clock.status === 'breached' && promise.answeredAt < clock.due_at.getTime();
  }).length;
  return contradicted + keptButBreached;
}

/**
 * Entries one verification request checks: the register recomputes every hash of the range, and
 * the gateway gives a request 5 s, which 10,000 entries (the most a request may ask) can exceed
 * on a busy machine.
 */
const VERIFIED_PER_REQUEST = 2000;

/** `GET /v1/audit/verify` over the whole register, range after range. */
async function auditVerified({ api, db }: InvariantInputs): Promise<boolean> {
  const size = await count(db, `select size as count from audit.register_head`);
  for (let from = 0; from < size; ) {
    const to = Math.min(from + VERIFIED_PER_REQUEST, size);
    const response = await api.get(API_KEYS.auditor, `/v1/audit/verify?from=${from}&to=${to}`);
    if (response.status !== 200 || response.body.ok !== true || response.body.checked === 0) return false;
    from += response.body.checked as number;
  }
  return true;
}

/** Checks every invariant the fault suite holds the system to, once a scenario has settled. */
export async function checkInvariants(inputs: InvariantInputs): Promise<InvariantReport> {
  return {
    accepted: inputs.accepted.length,
    lost: await lost(inputs),
    wrongClocks: await wrongClocks(inputs),
    duplicates: await duplicates(inputs),
    timerFaults: await timerFaults(inputs),
    stuck: inputs.backlog.unpublished + inputs.backlog.unconsumed,
    unregistered: await unregistered(inputs),
    deadLetters: await deadLetters(inputs),
    falseBreaches: await falseBreaches(inputs),
    auditVerified: await auditVerified(inputs),
  };
}

/** The report as it reads when the system held: only `accepted` is the scenario's own. */
export function heldReport(accepted: number): InvariantReport {
  return {
    accepted,
    lost: 0,
    wrongClocks: 0,
    duplicates: 0,
    timerFaults: 0,
    stuck: 0,
    unregistered: 0,
    deadLetters: 0,
    falseBreaches: 0,
    auditVerified: true,
  };
}
