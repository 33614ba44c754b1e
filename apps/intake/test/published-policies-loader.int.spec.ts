import { executeSql } from '@complaints/persistence';
import { Outbox, OutboxRelay, Topology, UnitOfWork } from '@complaints/messaging';
import { BUILT_IN_POLICY_IDS, builtInPolicy, policyDigest } from '@complaints/policy';
import { PolicyCatalog } from '@complaints/policy-catalog';
import { Logger } from 'pino';
import { PublishedPoliciesLoader } from '../src/policies/published-policies-loader';
import { IntakeDatabase, openIntakeDatabase } from './intake-database';

describe(PublishedPoliciesLoader.name, () => {
  let db: IntakeDatabase;
  beforeEach(async () => {
    db = await openIntakeDatabase();
  });
  afterEach(() => db.close());

  /** The real catalog, not following a stream: every version counts as on it already. */
  class CatalogOfStreamUpToDate extends PolicyCatalog {
    override seenOnStream(): boolean {
      return true;
    }
  }

  function loader() {
    const unusedPublisher = { publish: () => Promise.reject(new Error('the relay is not started in intake tests')) };
    const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
    const unitOfWork = new UnitOfWork(db.orm, new Outbox('intake'), new OutboxRelay(db.orm, 'intake', unusedPublisher, new Topology(undefined), silent));
    const errors: unknown[] = [];
    const logger = { ...silent, error: (fields: unknown) => errors.push(fields) } as unknown as Logger;
    const notStarted = {} as never;
    const catalog = new CatalogOfStreamUpToDate(notStarted, notStarted, new Topology(undefined), logger);
    return { catalog, errors, loader: new PublishedPoliciesLoader(catalog, unitOfWork, db.orm.em, logger) };
  }

  const published = () =>
    executeSql<{ type: string }>(db.orm.em.fork(), `select payload->>'type' as type from intake.outbox where payload->>'type' = 'policy.published'`);

  it('records and publishes each built-in version the first time it runs, and only then', async () => {
    await loader().loader.onApplicationBootstrap();
    await loader().loader.onApplicationBootstrap();
    const rows = await executeSql<{ policy_id: string; digest: string }>(db.orm.em.fork(), 'select policy_id, digest from intake.policy_versions');
    expect(rows.map((row) => row.policy_id).sort()).toEqual([...BUILT_IN_POLICY_IDS].sort());
    expect(rows.find((row) => row.policy_id === 'mimo')?.digest).toBe(policyDigest(builtInPolicy('mimo')));
    expect(await published()).toHaveLength(BUILT_IN_POLICY_IDS.length);
  });

  it('keeps the version as published in force when the built-in file was edited since without a new version', async () => {
    // Mimo v1 as it was first published, before someone shortened its resolution target in the file.
    const asPublished = { ...builtInPolicy('mimo'), name: 'Mimo customer care policy, as published' };
    await executeSql(
      db.orm.em.fork(),
      `insert into intake.policy_versions (policy_id, version, effective_from, document, digest, event_id, published_by)
       values ('mimo', 1, ?, ?::jsonb, ?, gen_random_uuid(), '{"kind":"system","id":"built-in-policies"}'::jsonb)`,
      [asPublished.effectiveFrom, JSON.stringify(asPublished), policyDigest(asPublished)],
    );
    const { catalog, errors, loader: edited } = loader();
    await edited.onApplicationBootstrap();
    expect(catalog.registry.get('mimo', 1)?.name).toBe('Mimo customer care policy, as published');
    expect(errors).toEqual([expect.objectContaining({ policyId: 'mimo', version: 1 })]);
  });
});
