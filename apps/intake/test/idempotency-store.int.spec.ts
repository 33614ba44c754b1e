import { executeSql } from '@complaints/persistence';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  IdempotencyKeyReusedError,
  IdempotencyStore,
  hashRequest,
} from '../src/idempotency/idempotency-store';
import { IntakeDatabase, openIntakeDatabase } from './intake-database';

describe(IdempotencyStore.name, () => {
  let db: IntakeDatabase;
  const store = new IdempotencyStore(24);
  const submit = (body: unknown) => hashRequest('complaint.submit', body);

  beforeAll(async () => {
    db = await openIntakeDatabase();
    // A stand-in for a command's effect: one row per execution.
    await executeSql(
      db.orm.em.fork(),
      'create table intake.test_executions (scope text not null, key text not null)',
    );
  });
  afterAll(() => db.close());

  /** A command guarded by the store, as a use case runs one: claim, execute, complete, in one transaction. */
  function runCommand(
    scope: string,
    key: string,
    body: unknown,
    beforeCommit?: (tx: EntityManager) => Promise<void>,
  ) {
    return db.orm.em.fork().transactional(async (tx) => {
      const claim = await store.claim(tx, { scope, key, requestHash: submit(body) });
      if (claim.kind === 'replay') return { replayed: true, response: claim.response };
      await executeSql(tx, 'insert into intake.test_executions (scope, key) values (?, ?)', [scope, key]);
      const [{ count }] = await executeSql<{ count: string }>(
        tx,
        'select count(*) as count from intake.test_executions',
      );
      const response = { reference: `MIMO-2026-${count.padStart(6, '0')}`, body };
      await store.complete(tx, { scope, key }, response);
      await beforeCommit?.(tx);
      return { replayed: false, response };
    });
  }

  async function executions(scope: string, key: string): Promise<number> {
    const rows = await executeSql(
      db.orm.em.fork(),
      'select 1 from intake.test_executions where scope = ? and key = ?',
      [scope, key],
    );
    return rows.length;
  }

  async function expireKey(scope: string, key: string): Promise<void> {
    await executeSql(
      db.orm.em.fork(),
      `update intake.idempotency_keys set expires_at = clock_timestamp() - interval '1 second' where scope = ? and key = ?`,
      [scope, key],
    );
  }

  it('executes a new key once and replays the stored response for the same request', async () => {
    const first = await runCommand('crm', 'key-1', {
      subject: 'late',
      customer: { name: 'Ada', locale: 'en' },
    });
    const again = await runCommand('crm', 'key-1', {
      customer: { locale: 'en', name: 'Ada' },
      subject: 'late',
    });
    expect(first.replayed).toBe(false);
    expect(again).toEqual({ replayed: true, response: first.response });
    expect(await executions('crm', 'key-1')).toBe(1);
  });

  it('refuses the same key with a different request as a 422-class domain error', async () => {
    await runCommand('crm', 'key-2', { subject: 'late' });
    const reuse = runCommand('crm', 'key-2', { subject: 'broken' });
    await expect(reuse).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    await expect(runCommand('crm', 'key-2', { subject: 'broken' })).rejects.toMatchObject({
      code: 'invalid',
      message: expect.stringMatching(/Idempotency-Key was already used with a different request/),
    });
    expect(await executions('crm', 'key-2')).toBe(1);
  });

  it('binds the key to the operation as well as the body', () => {
    expect(hashRequest('complaint.submit', { a: 1 })).not.toBe(hashRequest('complaint.resolve', { a: 1 }));
    expect(hashRequest('complaint.submit', { a: 1, b: [1, 2] })).toBe(
      hashRequest('complaint.submit', { b: [1, 2], a: 1 }),
    );
    expect(hashRequest('complaint.submit', { b: [1, 2] })).not.toBe(
      hashRequest('complaint.submit', { b: [2, 1] }),
    );
  });

  it('keeps each client’s keys apart', async () => {
    await runCommand('crm', 'shared-key', { subject: 'late' });
    const other = await runCommand('web-form', 'shared-key', { subject: 'something else' });
    expect(other.replayed).toBe(false);
    expect(await executions('web-form', 'shared-key')).toBe(1);
  });

  it('lets 50 concurrent requests with one key execute once and replay the result 49 times', async () => {
    const body = { subject: 'double click' };
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, () => runCommand('crm', 'key-concurrent', body)),
    );
    const executed = outcomes.filter((outcome) => !outcome.replayed);
    expect(executed).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.replayed)).toHaveLength(49);
    for (const outcome of outcomes) expect(outcome.response).toEqual(executed[0]?.response);
    expect(await executions('crm', 'key-concurrent')).toBe(1);
  });

  it('makes a duplicate wait for the original and take the key over when the original rolls back', async () => {
    let releaseOriginal!: () => void;
    const originalMayFinish = new Promise<void>((resolve) => (releaseOriginal = resolve));
    const original = runCommand('crm', 'key-waits', { subject: 'first' }, async () => {
      await originalMayFinish;
      throw new Error('the original failed after its claim');
    });
    await new Promise((resolve) => setTimeout(resolve, 100));

    let duplicateSettled = false;
    const duplicate = runCommand('crm', 'key-waits', { subject: 'first' }).finally(
      () => (duplicateSettled = true),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(duplicateSettled).toBe(false);

    releaseOriginal();
    await expect(original).rejects.toThrow('the original failed after its claim');
    expect((await duplicate).replayed).toBe(false);
    expect(await executions('crm', 'key-waits')).toBe(1);
  });

  it('leaves the key free when the first transaction rolls back', async () => {
    await expect(
      runCommand('crm', 'key-rollback', { subject: 'first try' }, async () => {
        throw new Error('storing the complaint failed');
      }),
    ).rejects.toThrow('storing the complaint failed');
    expect(await executions('crm', 'key-rollback')).toBe(0);
    const retry = await runCommand('crm', 'key-rollback', { subject: 'first try' });
    expect(retry.replayed).toBe(false);
    expect(await executions('crm', 'key-rollback')).toBe(1);
  });

  it('treats an expired key as absent, even for a different request', async () => {
    await runCommand('crm', 'key-expired', { subject: 'old' });
    await expireKey('crm', 'key-expired');
    const fresh = await runCommand('crm', 'key-expired', { subject: 'new' });
    expect(fresh.replayed).toBe(false);
    expect(await runCommand('crm', 'key-expired', { subject: 'new' })).toEqual({
      replayed: true,
      response: fresh.response,
    });
    expect(await executions('crm', 'key-expired')).toBe(2);
  });

  it('keeps a key for the configured hours', async () => {
    await runCommand('crm', 'key-ttl', { subject: 'ttl' });
    const [row] = await executeSql<{ hours: string }>(
      db.orm.em.fork(),
      `select extract(epoch from expires_at - created_at) / 3600 as hours from intake.idempotency_keys where scope = ? and key = ?`,
      ['crm', 'key-ttl'],
    );
    expect(Number(row?.hours)).toBeCloseTo(24, 3);
  });

  it('purges expired keys only', async () => {
    await runCommand('purge', 'live', { n: 1 });
    await runCommand('purge', 'old-1', { n: 2 });
    await runCommand('purge', 'old-2', { n: 3 });
    await expireKey('purge', 'old-1');
    await expireKey('purge', 'old-2');
    expect(await store.purgeExpired(db.orm.em.fork())).toBeGreaterThanOrEqual(2);
    const left = await executeSql<{ key: string }>(
      db.orm.em.fork(),
      `select key from intake.idempotency_keys where scope = 'purge'`,
    );
    expect(left.map((row) => row.key)).toEqual(['live']);
  });
});
