import { TestService, declaredBusAccess, observedBusAccess, startTestService } from '@complaints/service-testing';
import { GatewayConfig, gatewayEnvSchema, toGatewayConfig } from '../src/gateway-config';
import { startGateway } from '../src/gateway-app';

/** What gateway does on NATS is what the access table, and so its deployed NATS user, allows it. */
describe('gateway on the bus', () => {
  let gateway: TestService<GatewayConfig>;

  beforeAll(async () => {
    gateway = await startTestService({
      envSchema: gatewayEnvSchema,
      toConfig: toGatewayConfig,
      start: startGateway,
      env: { API_KEYS: 'admin:test-admin-key-00001:admin:*' },
    });
  }, 60_000);
  afterAll(() => gateway?.close());

  it('creates exactly the durable consumers and answers exactly the requests the NATS access table grants it', async () => {
    expect(await observedBusAccess(gateway)).toEqual(declaredBusAccess('gateway'));
  });
});
