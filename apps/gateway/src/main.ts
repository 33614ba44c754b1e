import { launchService } from '@complaints/telemetry';
import { gatewayEnvSchema, toGatewayConfig } from './gateway-config';

launchService('gateway', gatewayEnvSchema, toGatewayConfig, async () => (await import('./gateway-app.js')).startGateway);
