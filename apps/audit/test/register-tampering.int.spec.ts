import { RegisterVerification } from '@complaints/contracts';
import { waitFor } from '@complaints/testing';
import { MikroORM } from '@mikro-orm/postgresql';
import { AppendEvents } from '../src/register/append-events';
import { SignCheckpoint } from '../src/register/sign-checkpoint';
import { VerifyRegister } from '../src/register/verify-register';
import { AuditFixture, TestComplaint } from './audit-fixture';

const REGISTER_TABLES = ['entries', 'entry_payloads', 'tree_nodes', 'checkpoints'] as const;
const TRIGGERS = ['entries_append_only', 'tree_nodes_append_only', 'checkpoints_append_only'] as const;
const principal = { name: 'auditor', role: 'auditor', organisationId: '*' } as const;

describe('tampering with the register', () => {
  let fixture: AuditFixture;

  beforeAll(async () => {
    // Checkpoints only when the test asks: a long interval, and more entries than it appends.
    fixture = await AuditFixture.start({ AUDIT_CHECKPOINT_EVERY: '1000', AUDIT_CHECKPOINT_INTERVAL_MS: '3600000' });
    // The service signs the empty register as it starts, in the background; appending before
    // that signing ran (a slow machine) would make it a checkpoint of some entries, a fourth.
    await waitFor('the start-up checkpoint of the empty register', async () => {
      const [row] = await fixture.query<{ count: string }>(`select count(*) from audit.checkpoints where tree_size = 0`);
      return Number(row?.count) === 1;
    });
    const appendEvents = fixture.use(AppendEvents);
    const em = fixture.app.get(MikroORM).em;
    const complaints = [new TestComplaint(), new TestComplaint()];
    for (const complaint of complaints) {
      for (const event of [complaint.received(), complaint.acknowledged(), complaint.clockWarning(), complaint.surveyAnswered()]) {
        await em.fork().transactional((tx) => appendEvents.execute(tx, [event], new Date()));
      }
      await fixture.use(SignCheckpoint).execute(new Date());
    }
    for (const event of [new TestComplaint().received(), new TestComplaint().received(), new TestComplaint().received()]) {
      await em.fork().transactional((tx) => appendEvents.execute(tx, [event], new Date()));
    }
    await fixture.use(SignCheckpoint).execute(new Date());
  }, 30_000);
  afterAll(() => fixture?.stop());

  const verify = (from = 0): Promise<RegisterVerification> => fixture.use(VerifyRegister).execute({ principal, from });

  /**
   * Runs `tamper` as a superuser who has switched the append-only triggers off, verifies the
   * register, then puts every table back as it was, so each test starts from the same register.
   */
  async function verifyAfter(...tamper: string[]): Promise<RegisterVerification> {
    for (const table of REGISTER_TABLES) await fixture.query(`create table audit.saved_${table} as select * from audit.${table}`);
    for (const trigger of TRIGGERS) await fixture.query(`alter table audit.${trigger.replace('_append_only', '')} disable trigger ${trigger}`);
    try {
      for (const sql of tamper) await fixture.query(sql);
      return await verify();
    } finally {
      for (const table of ['entry_payloads', 'entries', 'tree_nodes', 'checkpoints']) await fixture.query(`delete from audit.${table}`);
      for (const table of ['entries', 'entry_payloads', 'tree_nodes', 'checkpoints']) {
        await fixture.query(`insert into audit.${table} select * from audit.saved_${table}`);
        await fixture.query(`drop table audit.saved_${table}`);
      }
      for (const trigger of TRIGGERS) await fixture.query(`alter table audit.${trigger.replace('_append_only', '')} enable trigger ${trigger}`);
    }
  }

  it('verifies as it was written: chain, payloads, tree and three signed checkpoints', async () => {
    expect(await verify()).toEqual({ ok: true, checked: 11, firstBroken: null });
    expect(await verify(6)).toEqual({ ok: true, checked: 5, firstBroken: null });
    const [row] = await fixture.query<{ count: string }>(`select count(*) from audit.checkpoints where tree_size > 0`);
    expect(Number(row?.count)).toBe(3);
  });

  it.each([
    ['UPDATE', `update audit.entries set type = 'complaint.closed' where seq = 1`],
    ['DELETE', `delete from audit.tree_nodes where level = 0 and index = 1`],
    ['TRUNCATE', `truncate audit.checkpoints`],
  ])('refuses %s while the triggers are on', async (_what, sql) => {
    await expect(fixture.query(sql)).rejects.toThrow(/refused: the register is append-only/);
  });

  it('finds a changed payload at its seq', async () => {
    const result = await verifyAfter(`update audit.entry_payloads set data = jsonb_set(data, '{policyVersion}', '2') where seq = 5`);
    expect(result.firstBroken).toEqual({ seq: 5, reason: 'payload-digest' });
  });

  it('finds a changed entry field at its seq', async () => {
    const result = await verifyAfter(`update audit.entries set actor = '{"kind":"client","id":"mallory"}' where seq = 7`);
    expect(result).toEqual({ ok: false, checked: 11, firstBroken: { seq: 7, reason: 'hash' } });
  });

  it('finds a deleted entry at its seq', async () => {
    const result = await verifyAfter(`delete from audit.entry_payloads where seq = 4`, `delete from audit.entries where seq = 4`);
    expect(result.firstBroken).toEqual({ seq: 4, reason: 'seq' });
  });

  it('finds two swapped entries at the first of them', async () => {
    const result = await verifyAfter(
      `delete from audit.entry_payloads where seq in (2, 3)`,
      `update audit.entries set seq = -1 where seq = 2`,
      `update audit.entries set seq = 2 where seq = 3`,
      `update audit.entries set seq = 3 where seq = -1`,
      `insert into audit.entry_payloads (seq, data) select 5 - seq, data from audit.saved_entry_payloads where seq in (2, 3)`,
    );
    expect(result.firstBroken).toEqual({ seq: 2, reason: 'prev-hash' });
  });

  it('finds a changed tree node at the first entry it covers', async () => {
    const interior = await verifyAfter(`update audit.tree_nodes set hash = sha256('forged') where level = 2 and index = 1`);
    expect(interior.firstBroken).toEqual({ seq: 4, reason: 'tree-node' });
    const leaf = await verifyAfter(`update audit.tree_nodes set hash = sha256('forged') where level = 0 and index = 9`);
    expect(leaf.firstBroken).toEqual({ seq: 9, reason: 'tree-node' });
  });

  it('finds a checkpoint whose note no longer verifies, at the last entry it covers', async () => {
    const result = await verifyAfter(`update audit.checkpoints set note = replace(note, E'\\n8\\n', E'\\n9\\n') where tree_size = 8`);
    expect(result.firstBroken).toEqual({ seq: 7, reason: 'checkpoint-signature' });
  });
});
