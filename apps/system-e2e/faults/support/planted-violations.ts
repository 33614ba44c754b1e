import { STREAMS } from '@complaints/contracts';
import { Topology } from '@complaints/messaging';
import { randomUUID } from 'node:crypto';
import { connect } from 'nats';
import { FaultRig } from './fault-rig';
import { InvariantReport } from './invariants';

/**
 * Plants one violation of each kind the invariants look for into the settled system, and says
 * what the report must then read, so the suite shows that each check can fail. It corrupts the
 * rig's data for good: the last thing the suite does.
 */
export async function plantViolations(rig: FaultRig): Promise<InvariantReport> {
  const { db } = rig;
  // A complaint the gateway never accepted, counted as accepted: lost, and without its clocks.
  rig.accepted.push({ id: randomUUID(), policyId: 'mimo', kind: 'complaint', channel: 'email' });

  // A breach announced twice (a copy under a new id, which the register never saw).
  const copied = await db.query(
    `insert into sla.outbox (id, subject, event_type, complaint_id, payload, traceparent, created_at, sent_at, attempts)
     select $1, subject, event_type, complaint_id, payload, traceparent, created_at, sent_at, attempts
     from sla.outbox where event_type = 'sla.clock-breached' limit 1`,
    [randomUUID()],
  );

  // A timer fired two seconds before it was due.
  const early = await db.query(
    `update sla.timers set fired_at = due_at - interval '2 seconds'
     where id = (select id from sla.timers where fired_at is not null limit 1)`,
  );

  // A clock met before its deadline, turned breached; also a false breach of a promise the
  // scenarios saw kept in time, if it was one of those.
  const { rows } = await db.query<{ complaint_id: string; metric: string; due_at: Date }>(
    `update sla.clocks set status = 'breached'
     where (complaint_id, metric) = (select complaint_id, metric from sla.clocks where status = 'met' and met_at <= due_at limit 1)
     returning complaint_id, metric, due_at`,
  );
  const [falseBreach] = rows;
  const alsoKept = rig.kept.some(
    (kept) =>
      kept.complaintId === falseBreach?.complaint_id && kept.metric === falseBreach.metric && kept.answeredAt < falseBreach.due_at.getTime(),
  );

  // An event's payload changed after it was registered: the register no longer verifies.
  await db.query(`update audit.entry_payloads set data = jsonb_build_object('tampered', true)
     where seq = (select min(seq) from audit.entry_payloads)`);

  // A message a consumer gave up on.
  const nc = await connect({ servers: rig.nats.url });
  try {
    const topology = new Topology(rig.system.namespace);
    await nc.jetstream().publish(topology.deadLetterSubject(topology.streamName(STREAMS.complaints), 'sla'), new TextEncoder().encode('{}'));
  } finally {
    await nc.close();
  }

  if (copied.rowCount !== 1 || early.rowCount !== 1 || !falseBreach) throw new Error('the suite left nothing to plant violations on');
  return {
    accepted: rig.accepted.length,
    lost: 1,
    wrongClocks: 1,
    duplicates: 1,
    timerFaults: 1,
    stuck: 0,
    unregistered: 1,
    deadLetters: 1,
    falseBreaches: alsoKept ? 2 : 1,
    auditVerified: false,
  };
}

