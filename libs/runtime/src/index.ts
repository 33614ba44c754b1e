export { bootstrapService } from './bootstrap-service';
export type { BootstrapOptions } from './bootstrap-service';
export { ServiceCoreModule } from './service-core.module';
export type { ServiceCoreOptions, ServiceDatabase } from './service-core.module';
export { NATS_CONNECTION, SERVICE_CONFIG, SERVICE_LOGGER, TELEMETRY } from './tokens';
export { PeriodicTask } from './periodic-task';
export { MetricsServer } from './metrics-server';
