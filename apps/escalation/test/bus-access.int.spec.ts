import { DatabaseServiceConfig, serviceEnvSchema, toDatabaseServiceConfig } from '@complaints/config';
import { TestService, declaredBusAccess, observedBusAccess, startTestService } from '@complaints/service-testing';
import { startEscalation } from '../src/escalation-app';

/** What escalation does on NATS is what the access table, and so its deployed NATS user, allows it. */
describe('escalation on the bus', () => {
  let escalation: TestService<DatabaseServiceConfig>;

  beforeAll(async () => {
    escalation = await startTestService({
      envSchema: serviceEnvSchema,
      toConfig: (env) => toDatabaseServiceConfig('escalation', env),
      start: startEscalation,
    });
  }, 60_000);
  afterAll(() => escalation?.close());

  it('creates exactly the durable consumers and answers exactly the requests the NATS access table grants it', async () => {
    expect(await observedBusAccess(escalation)).toEqual(declaredBusAccess('escalation'));
  });
});
