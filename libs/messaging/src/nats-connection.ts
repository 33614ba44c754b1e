import { NatsCredentials } from '@complaints/config';
import { ConnectionOptions, NatsConnection, connect } from 'nats';

/** What every connection of a service to NATS needs: its servers, its credentials, its own inboxes. */
export interface NatsSettings {
  /** Comma-separated server URLs. */
  readonly natsUrl: string;
  readonly serviceName: string;
  readonly natsCredentials?: NatsCredentials | undefined;
}

/**
 * The options every NATS connection of a service is opened with. Replies come to inboxes
 * under `_INBOX.<service>.`, the only inboxes its NATS user may subscribe to, so no service
 * can read the replies meant for another (contact data, for one).
 */
export function natsConnectionOptions(settings: NatsSettings, name: string) {
  const { natsUrl, natsCredentials, serviceName } = settings;
  return {
    servers: natsUrl.split(',').map((server) => server.trim()),
    name,
    inboxPrefix: inboxPrefixOf(serviceName),
    ...(natsCredentials ? { user: natsCredentials.user, pass: natsCredentials.password } : {}),
  } satisfies ConnectionOptions;
}

export function inboxPrefixOf(serviceName: string): string {
  return `_INBOX.${serviceName}`;
}

/**
 * Connects to NATS the way every service must: wait for the server on first connect and
 * reconnect forever, so a NATS restart is an outage of readiness, not of the process.
 */
export function connectNats(settings: NatsSettings, name = settings.serviceName): Promise<NatsConnection> {
  return connect({
    ...natsConnectionOptions(settings, name),
    waitOnFirstConnect: true,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
  });
}
