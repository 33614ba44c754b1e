import { TestService, declaredBusAccess, observedBusAccess, startTestService } from '@complaints/service-testing';
import { AuditConfig, auditEnvSchema, toAuditConfig } from '../src/audit-config';
import { startAudit } from '../src/audit-app';

/** What audit does on NATS is what the access table, and so its deployed NATS user, allows it. */
describe('audit on the bus', () => {
  let audit: TestService<AuditConfig>;

  beforeAll(async () => {
    audit = await startTestService({ envSchema: auditEnvSchema, toConfig: toAuditConfig, start: startAudit });
  }, 60_000);
  afterAll(() => audit?.close());

  it('creates exactly the durable consumers and answers exactly the requests the NATS access table grants it', async () => {
    expect(await observedBusAccess(audit)).toEqual(declaredBusAccess('audit'));
  });
});
