// `BENCH_HANDLER=clocks` for open-clocks.bench.mjs: the sla service's own clock handlers and
// batch lock, and the complaints behind the timers that fall due, as rows in sla.complaints
// and sla.clocks like the service writes them, so that ClockAlerts.breach finds a running
// clock to breach.
import { executeSql } from '@complaints/persistence';
import { builtInPolicy, parseClockFacts, planClocksForFacts } from '@complaints/policy';
import { registerClockAlerts } from '@complaints/sla/clocks/clock-alerts';
import { SqlComplaintClocksRepository } from '@complaints/sla/clocks/sql-complaint-clocks.repository';

const BREACHED_METRIC = 'resolution';
const FACTS = { kind: 'complaint', channel: 'email', receivedAt: '2026-11-17T10:00:00Z' };

/**
 * One complaint's clocks as the planner makes them (acknowledgement, first_reply and
 * resolution running, survey_window pending), its instants as offsets from the resolution
 * deadline: every complaint is this one, moved so that its resolution falls due with its timer.
 * The explanations and steps are the planner's own, so the rows are as long as real ones.
 */
function complaintTemplate() {
  const policy = builtInPolicy('mimo');
  const plan = planClocksForFacts(policy, parseClockFacts(FACTS));
  const breached = plan.clocks.find((clock) => clock.metric === BREACHED_METRIC);
  if (breached?.status !== 'running') throw new Error(`the sample Mimo complaint has no running ${BREACHED_METRIC} clock`);
  const due = breached.dueAt.getTime();
  const offset = (instant) => (instant === null ? null : instant.getTime() - due);
  return {
    policyId: policy.id,
    policyVersion: policy.version,
    receivedOffsetMs: Date.parse(FACTS.receivedAt) - due,
    warnOffsetMs: offset(breached.warnAt),
    clocks: {
      metric: plan.clocks.map((clock) => clock.metric),
      status: plan.clocks.map((clock) => clock.status),
      startedMs: plan.clocks.map((clock) => offset(clock.startedAt)),
      dueMs: plan.clocks.map((clock) => offset(clock.dueAt)),
      warnMs: plan.clocks.map((clock) => offset(clock.warnAt)),
      explanation: plan.clocks.map((clock) => clock.explanation),
      steps: plan.clocks.map((clock) => JSON.stringify(clock.steps)),
    },
  };
}

// Planned on import, before the bench's clock starts: loading the policy takes a while.
const template = complaintTemplate();

const plus = (column, offsetMs) => `(${column} + ${offsetMs} * interval '1 millisecond')`;
const isoUtc = (instant) => `to_char(${instant} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * For each due instant of `due` (a select of `due_at` and `wave`), a complaint, its clocks and
 * its resolution's breach timer, marked with the wave in its payload: one transaction of a
 * few set-based statements.
 */
async function insertDueComplaints(client, due) {
  const { clocks } = template;
  await client.query('begin');
  try {
    await client.query(
      `create temp table bench_due on commit drop as select gen_random_uuid() as complaint_id, due_at, wave from (${due.sql}) due`,
      due.params,
    );
    await client.query(
      `insert into sla.complaints (complaint_id, policy_id, policy_version, kind, channel, received_at, third_party, updated_at)
       select complaint_id, $1, $2, $3, $4, ${plus('due_at', '$5::bigint')}, false, now() from bench_due`,
      [template.policyId, template.policyVersion, FACTS.kind, FACTS.channel, template.receivedOffsetMs],
    );
    await client.query(
      `insert into sla.clocks (complaint_id, metric, position, status, started_at, due_at, warn_at, explanation, steps, updated_at)
       select d.complaint_id, c.metric, c.position - 1, c.status,
              ${plus('d.due_at', 'c.started_ms')}, ${plus('d.due_at', 'c.due_ms')}, ${plus('d.due_at', 'c.warn_ms')},
              c.explanation, c.steps::jsonb, now()
       from bench_due d
       cross join unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[], $5::bigint[], $6::text[], $7::text[])
         with ordinality as c (metric, status, started_ms, due_ms, warn_ms, explanation, steps, position)`,
      [clocks.metric, clocks.status, clocks.startedMs, clocks.dueMs, clocks.warnMs, clocks.explanation, clocks.steps],
    );
    // The payload ClockTimerWriter writes, plus the wave the bench reports the timer under.
    await client.query(
      `insert into sla.timers (id, complaint_id, kind, subject_key, due_at, payload)
       select gen_random_uuid(), complaint_id, 'clock_breach', $1, due_at,
              jsonb_build_object('policyId', $2::text, 'policyVersion', $3::int, 'dueAt', ${isoUtc('due_at')},
                                 'warnAt', ${isoUtc(plus('due_at', '$4::bigint'))}, 'wave', wave)
       from bench_due`,
      [BREACHED_METRIC, template.policyId, template.policyVersion, template.warnOffsetMs],
    );
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
  // As autovacuum would after a load this size; this machine's PostgreSQL runs without it.
  await client.query('analyze sla.complaints, sla.clocks');
}

export const clocksMode = {
  name: 'clocks',
  label: `ClockAlerts handlers and batch lock; each due timer is a Mimo complaint's ${BREACHED_METRIC} breach`,
  waveSql: "payload->>'wave'",
  waveOf: (timer) => timer.payload.wave,
  insertDue: insertDueComplaints,
  /** As ClocksModule wires them; `time` wraps a batch handler to note the timers it ran for. */
  register(handlers, time) {
    // The service's own registration, each batch handler wrapped to note its timers.
    const timedHandlers = {
      registerBatch: (kind, handler) => handlers.registerBatch(kind, time(handler)),
      lockBeforeMarking: (lock) => handlers.lockBeforeMarking(lock),
    };
    // No complaint-events consumer here to wait for: every due breach fires.
    registerClockAlerts(timedHandlers, new SqlComplaintClocksRepository(), async () => new Map());
  },
  /** Due timers whose clock is now `breached` at the timer's instant. */
  async clocksBreached(em) {
    const [{ count }] = await executeSql(
      em,
      `select count(*) as count
       from sla.timers t
       join sla.clocks c on c.complaint_id = t.complaint_id and c.metric = t.subject_key
       where t.payload->>'wave' in ('steady', 'burst') and c.status = 'breached' and c.breached_at = t.due_at`,
    );
    return Number(count);
  },
};
