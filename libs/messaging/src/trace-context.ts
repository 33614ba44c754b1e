import { Context, context, propagation } from '@opentelemetry/api';
import { MsgHdrs, headers as createHeaders } from 'nats';

const setter = { set: (carrier: MsgHdrs, key: string, value: string) => carrier.set(key, value) };
const getter = {
  get: (carrier: MsgHdrs, key: string) => carrier.get(key) || undefined,
  keys: (carrier: MsgHdrs) => carrier.keys(),
};

/**
 * W3C trace context on NATS messages. There is no OpenTelemetry instrumentation for the
 * `nats` client, so every publish and consume goes through these two functions.
 */
export function injectTraceContext(target: MsgHdrs = createHeaders(), from: Context = context.active()): MsgHdrs {
  propagation.inject(from, target, setter);
  return target;
}

export function extractTraceContext(source: MsgHdrs | undefined): Context {
  return source ? propagation.extract(context.active(), source, getter) : context.active();
}

/** The active `traceparent`, stored with outbox rows so the relay can continue the trace later. */
export function currentTraceparent(from: Context = context.active()): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(from, carrier);
  return carrier['traceparent'];
}

/** The context a stored `traceparent` describes. */
export function contextFromTraceparent(traceparent: string | undefined | null): Context {
  return traceparent ? propagation.extract(context.active(), { traceparent }) : context.active();
}
