export { startTelemetry } from './start-telemetry';
export type { Telemetry, TelemetryOptions } from './start-telemetry';
export { COMPLAINT_ATTRIBUTES, withSpan } from './complaint-span';
export type { SpanOptions } from './complaint-span';
export { launchService } from './launch-service';
export { redactSecretPath } from './secret-paths';
