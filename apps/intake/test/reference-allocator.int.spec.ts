import { executeSql } from '@complaints/persistence';
import { ReferenceAllocator } from '../src/references/reference-allocator';
import { IntakeDatabase, openIntakeDatabase } from './intake-database';

describe(ReferenceAllocator.name, () => {
  let db: IntakeDatabase;
  const allocator = new ReferenceAllocator();

  beforeAll(async () => {
    db = await openIntakeDatabase();
  });
  afterAll(() => db.close());

  function allocate(prefix: string, year: number): Promise<string> {
    return db.orm.em.fork().transactional((tx) => allocator.next(tx, { prefix, year }));
  }

  function counterOf(reference: string): number {
    return Number(reference.split('-').at(-1));
  }

  it('hands 200 concurrent transactions exactly the numbers 1 to 200', async () => {
    const references = await Promise.all(Array.from({ length: 200 }, () => allocate('CONC', 2026)));
    expect(references.every((reference) => /^CONC-2026-\d{6}$/.test(reference))).toBe(true);
    expect(references.map(counterOf).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 200 }, (_, i) => i + 1),
    );
  });

  it('gives a rolled-back transaction’s number to the next complaint', async () => {
    expect(await allocate('ROLL', 2026)).toBe('ROLL-2026-000001');
    let lost: string | undefined;
    await expect(
      db.orm.em.fork().transactional(async (tx) => {
        lost = await allocator.next(tx, { prefix: 'ROLL', year: 2026 });
        throw new Error('storing the complaint failed');
      }),
    ).rejects.toThrow('storing the complaint failed');
    expect(lost).toBe('ROLL-2026-000002');
    expect(await allocate('ROLL', 2026)).toBe('ROLL-2026-000002');
  });

  it('keeps one sequence per prefix and per year', async () => {
    expect(await allocate('MIMO', 2026)).toBe('MIMO-2026-000001');
    expect(await allocate('MIMO', 2026)).toBe('MIMO-2026-000002');
    expect(await allocate('MIMO', 2027)).toBe('MIMO-2027-000001');
    expect(await allocate('IMOLOCALE', 2026)).toBe('IMOLOCALE-2026-000001');
    expect(await allocate('MIMO', 2026)).toBe('MIMO-2026-000003');
  });

  it('widens the counter past six digits instead of wrapping', async () => {
    await executeSql(
      db.orm.em.fork(),
      `insert into intake.reference_counters (prefix, year, last_value) values ('WIDE', 2026, 999999)`,
    );
    expect(await allocate('WIDE', 2026)).toBe('WIDE-2026-1000000');
  });

  it('refuses to allocate outside a transaction, where a failed complaint would leave a gap', async () => {
    await expect(allocator.next(db.orm.em.fork(), { prefix: 'GAP', year: 2026 })).rejects.toThrow(
      /inside the transaction/,
    );
  });
});
