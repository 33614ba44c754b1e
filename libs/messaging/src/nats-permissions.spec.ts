import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  SERVICE_BUS_ACCESS,
  ServiceName,
  answeredRequests,
  consumerOwner,
  natsPermissions,
  renderNatsAuthorization,
} from './nats-permissions';
import { Topology } from './topology';

describe(renderNatsAuthorization.name, () => {
  it.each(['deploy/nats/authorization.conf', 'deploy/k8s/base/nats/authorization.conf'])(
    '%s is what the code needs (regenerate with `npm run nats:authorization`)',
    (path) => {
      expect(readFileSync(join(__dirname, '../../..', path), 'utf8')).toBe(renderNatsAuthorization());
    },
  );
});

describe(natsPermissions.name, () => {
  it('gives the gateway requests and its own inboxes, no contact data, and of JetStream only reading dead letters', () => {
    const { publish, subscribe, allowResponses } = natsPermissions('gateway');
    expect(publish).toContain('intake.complaints.submit');
    expect(publish).not.toContain('intake.complaints.customer-contact');
    expect(publish.filter((subject) => subject.startsWith('$JS'))).toEqual(['$JS.API.STREAM.MSG.GET.DEADLETTER']);
    expect(subscribe).toEqual(['_INBOX.gateway.>']);
    expect(allowResponses).toBe(false);
  });

  it('has every service with consumers answer the replay of their dead letters, which only the gateway asks for', () => {
    const consuming = (Object.keys(SERVICE_BUS_ACCESS) as ServiceName[]).filter(
      (service) => SERVICE_BUS_ACCESS[service].consumes.length > 0,
    );
    expect(consuming).toEqual(['intake', 'sla', 'escalation', 'notifications', 'feedback', 'audit']);
    for (const service of consuming) {
      expect(answeredRequests(service).map((contract) => contract.pattern)).toContain(`${service}.dead-letters.replay`);
      expect(natsPermissions(service)).toMatchObject({
        subscribe: expect.arrayContaining([`${service}.dead-letters.replay`]),
        allowResponses: true,
      });
      expect(natsPermissions('gateway').publish).toContain(`${service}.dead-letters.replay`);
      expect(natsPermissions(service === 'sla' ? 'intake' : 'sla').publish).not.toContain(`${service}.dead-letters.replay`);
    }
    expect(answeredRequests('gateway')).toEqual([]);
  });

  it("lets a service publish only its own streams' events and manage only its own durables", () => {
    const { publish } = natsPermissions('notifications');
    expect(publish).toContain('notifications.events.>');
    expect(publish).not.toContain('complaints.events.>');
    expect(publish).toContain('$JS.API.CONSUMER.MSG.NEXT.COMPLAINTS.notifications-complaints');
    expect(publish.some((subject) => subject.includes('.COMPLAINTS.sla'))).toBe(false);
    // No stream deletion; deletes only of its own ephemeral policy readers and of replayed dead letters.
    expect(publish.filter((subject) => subject.includes('DELETE'))).toEqual(['$JS.API.STREAM.MSG.DELETE.DEADLETTER', '$JS.API.CONSUMER.DELETE.POLICIES.>']);
  });

  it('lets sla read the messages of COMPLAINTS its consumer has yet to process, and no other stream', () => {
    const reads = (service: 'sla' | 'notifications') =>
      natsPermissions(service).publish.filter((subject) => subject.startsWith('$JS.API.STREAM.MSG.GET.'));
    expect(reads('sla')).toEqual(['$JS.API.STREAM.MSG.GET.COMPLAINTS', '$JS.API.STREAM.MSG.GET.DEADLETTER']);
    expect(reads('notifications')).toEqual(['$JS.API.STREAM.MSG.GET.DEADLETTER']);
  });

  it('follows the namespace of a shared server', () => {
    const { publish, subscribe } = natsPermissions('sla', new Topology('t1'));
    expect(publish).toContain('t1.sla.events.>');
    expect(publish).toContain('$JS.API.CONSUMER.MSG.NEXT.T1_COMPLAINTS.sla');
    expect(subscribe).toContain('t1.sla.complaints.clocks');
  });
});

describe(consumerOwner.name, () => {
  it('names the service whose durable consumer it is, including durables named from the streams', () => {
    expect(consumerOwner('sla')).toBe('sla');
    expect(consumerOwner('intake-escalation')).toBe('intake');
    expect(consumerOwner('notifications-webhooks-complaints')).toBe('notifications');
    expect(consumerOwner('audit-register-sla-clocks')).toBe('audit');
    expect(consumerOwner('renamed-long-ago')).toBeUndefined();
  });
});
