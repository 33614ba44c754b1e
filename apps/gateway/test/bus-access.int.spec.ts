import { describeBusAccess } from '@complaints/service-testing';
import { gatewayEnvSchema, toGatewayConfig } from '../src/gateway-config';
import { startGateway } from '../src/gateway-app';

/** What gateway does on NATS is what the access table, and so its deployed NATS user, allows it. */
describeBusAccess('gateway', {
  envSchema: gatewayEnvSchema,
  toConfig: toGatewayConfig,
  start: startGateway,
  env: { API_KEYS: 'admin:test-admin-key-00001:admin:*' },
});
