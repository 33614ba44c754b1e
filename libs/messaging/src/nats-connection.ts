import { NatsConnection, connect } from 'nats';

/**
 * Connects to NATS the way every service must: wait for the server on first connect and
 * reconnect forever, so a NATS restart is an outage of readiness, not of the process.
 */
export function connectNats(servers: string, name: string): Promise<NatsConnection> {
  return connect({
    servers: servers.split(',').map((server) => server.trim()),
    name,
    waitOnFirstConnect: true,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
  });
}
