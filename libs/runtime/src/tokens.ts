/** Injection tokens for what ServiceCoreModule provides to a service. */
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
export const NATS_CONNECTION = Symbol('NATS_CONNECTION');
export const TELEMETRY = Symbol('TELEMETRY');
export const SERVICE_LOGGER = Symbol('SERVICE_LOGGER');
