import { TestService, declaredBusAccess, observedBusAccess, startTestService } from '@complaints/service-testing';
import { SlaConfig, slaEnvSchema, toSlaConfig } from '../src/sla-config';
import { startSla } from '../src/sla-app';

/** What sla does on NATS is what the access table, and so its deployed NATS user, allows it. */
describe('sla on the bus', () => {
  let sla: TestService<SlaConfig>;

  beforeAll(async () => {
    sla = await startTestService({ envSchema: slaEnvSchema, toConfig: toSlaConfig, start: startSla });
  }, 60_000);
  afterAll(() => sla?.close());

  it('creates exactly the durable consumers and answers exactly the requests the NATS access table grants it', async () => {
    expect(await observedBusAccess(sla)).toEqual(declaredBusAccess('sla'));
  });
});
