import { TestService, startTestService } from '@complaints/service-testing';
import { Telemetry } from '@complaints/telemetry';
import { startGateway } from '../../src/gateway-app';
import { GatewayConfig, gatewayEnvSchema, toGatewayConfig } from '../../src/gateway-config';

export const API_KEYS = {
  alice: 'test-submitter-alice-key',
  bob: 'test-submitter-bob-key',
  agent: 'test-agent-key-00001',
} as const;

export type TestGateway = TestService<GatewayConfig>;

/**
 * The real gateway application in this process, on a NATS namespace of its own and a free
 * port; like in production it has no database. Intake is not running: API requests that get past the gateway's own
 * checks end as 503 after the (short) request timeout.
 */
export function startTestGateway(telemetry: Telemetry, env: Record<string, string> = {}): Promise<TestGateway> {
  return startTestService({
    envSchema: gatewayEnvSchema,
    toConfig: toGatewayConfig,
    start: startGateway,
    telemetry,
    env: {
      API_KEYS: `submitter:${API_KEYS.alice}:alice:*,submitter:${API_KEYS.bob}:bob:*,agent:${API_KEYS.agent}:agent:*`,
      REQUEST_TIMEOUT_MS: '100',
      ...env,
    },
  });
}

export function bearer(key: string): Record<string, string> {
  return { Authorization: `Bearer ${key}` };
}
