import { EVENT_CATALOGUE } from '@complaints/contracts';
import { TrackRetention } from '../retention/track-retention';
import { AppendEvents } from './append-events';
import { registerEventsConsumers } from './register-events.consumer';

describe(registerEventsConsumers.name, () => {
  const consumers = registerEventsConsumers({} as AppendEvents, new TrackRetention(), () => undefined);

  it('covers every event of the catalogue exactly once, one stream per consumer', () => {
    const covered = consumers.flatMap((consumer) => consumer.events);
    expect(covered).toHaveLength(EVENT_CATALOGUE.length);
    expect(new Set(covered)).toEqual(new Set(EVENT_CATALOGUE));
    for (const consumer of consumers) expect(new Set(consumer.events.map((contract) => contract.stream.name)).size).toBe(1);
  });

  it('reads each stream under a new durable name, not the old `audit` one', () => {
    expect(consumers.map((consumer) => consumer.durable)).toEqual(
      expect.arrayContaining(['audit-register-complaints', 'audit-register-sla', 'audit-register-sla-clocks', 'audit-register-policies', 'audit-register-audit']),
    );
    expect(consumers.map((consumer) => consumer.durable)).not.toContain('audit');
  });
});
