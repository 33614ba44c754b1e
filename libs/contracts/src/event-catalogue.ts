import { EventContract } from './event-contract';
import { ComplaintReceivedV1 } from './events/complaint-received.v1';

/** Every event that crosses the bus. A consumer looks an incoming message up here before using it. */
export const EVENT_CATALOGUE: readonly EventContract[] = [ComplaintReceivedV1];

export function findEventContract(type: string, version: number): EventContract | undefined {
  return EVENT_CATALOGUE.find((c) => c.type === type && c.version === version);
}
