import { deleteNamespaceStreams, testInfrastructure, uniqueNamespace } from '@complaints/testing';
import { Telemetry } from '@complaints/telemetry';
import { INestApplication } from '@nestjs/common';
import { AddressInfo } from 'node:net';
import { startGateway } from '../../src/gateway-app';
import { gatewayEnvSchema, toGatewayConfig } from '../../src/gateway-config';

export const API_KEYS = {
  alice: 'test-submitter-alice-key',
  bob: 'test-submitter-bob-key',
  agent: 'test-agent-key-00001',
} as const;

export interface TestGateway {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * The real gateway application in this process, on a NATS namespace of its own and a free
 * port; like in production it has no database. Intake is not running: API requests that get past the gateway's own
 * checks end as 503 after the (short) request timeout.
 */
export async function startTestGateway(
  telemetry: Telemetry,
  env: Record<string, string> = {},
): Promise<TestGateway> {
  const { natsUrl } = await testInfrastructure();
  const namespace = uniqueNamespace();
  const config = toGatewayConfig(
    gatewayEnvSchema.parse({
      NATS_URL: natsUrl,
      NATS_NAMESPACE: namespace,
      PORT: '3000',
      LOG_LEVEL: 'silent',
      API_KEYS: `submitter:${API_KEYS.alice}:alice,submitter:${API_KEYS.bob}:bob,agent:${API_KEYS.agent}:agent`,
      REQUEST_TIMEOUT_MS: '100',
      ...env,
    }),
  );
  const app: INestApplication = await startGateway({ ...config, port: 0 }, telemetry);
  const { port } = (app.getHttpServer() as { address(): AddressInfo }).address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close();
      await deleteNamespaceStreams(natsUrl, namespace);
    },
  };
}

export function bearer(key: string): Record<string, string> {
  return { Authorization: `Bearer ${key}` };
}
