import { freePort } from '@complaints/service-testing';
import { Telemetry, startTelemetry } from '@complaints/telemetry';
import { TestGateway, startTestGateway } from './support/test-gateway';

describe('metrics on a port of their own', () => {
  let telemetry: Telemetry;
  let gateway: TestGateway;
  let metricsPort: number;

  beforeAll(async () => {
    telemetry = startTelemetry({ serviceName: 'gateway' });
    metricsPort = await freePort();
    gateway = await startTestGateway(telemetry, { METRICS_PORT: String(metricsPort) });
  });

  afterAll(async () => {
    await gateway?.close();
    await telemetry?.shutdown();
  });

  it('answers 404 for /metrics on the public port', async () => {
    const response = await fetch(`${gateway.url}/metrics`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toMatch(/# HELP|# TYPE/);
  });

  it('serves Prometheus metrics on METRICS_PORT, and nothing else there', async () => {
    await fetch(`${gateway.url}/health/live`);
    const response = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/^# HELP target_info/m);
    expect((await fetch(`http://127.0.0.1:${metricsPort}/v1/complaints`)).status).toBe(404);
  });
});
