import { ComplaintReceivedV1, DEAD_LETTER_STREAM, STREAMS } from '@complaints/contracts';
import { uniqueNamespace } from '@complaints/testing';
import { JetStreamManager, headers } from 'nats';
import { Topology, ensureDeadLetterStream, findDeadLetter, listDeadLetters } from '../src';
import { MessagingFixture, openMessagingFixture, sampleComplaintReceived } from './messaging-fixture';

describe(listDeadLetters.name, () => {
  let fixture: MessagingFixture;
  let jsm: JetStreamManager;

  beforeEach(async () => {
    fixture = await openMessagingFixture();
    jsm = await fixture.nats.jetstreamManager();
  });
  afterEach(() => fixture.close());

  /** Copies a message to the dead letters as a consumer that gave up on it does; returns its seq there. */
  async function deadLetter(consumer: string, data: string, reason = 'rejected'): Promise<number> {
    await ensureDeadLetterStream(jsm, fixture.topology);
    const h = headers();
    h.set('Dead-Letter-Reason', reason);
    h.set('Original-Subject', fixture.topology.eventSubject(ComplaintReceivedV1));
    h.set('Original-Consumer', consumer);
    const subject = fixture.topology.deadLetterSubject(fixture.topology.streamName(STREAMS.complaints), consumer);
    return (await fixture.nats.jetstream().publish(subject, data, { headers: h })).seq;
  }

  it("shows each dead letter's consumer, origin, reason and envelope, never the event's data", async () => {
    const event = sampleComplaintReceived();
    const seq = await deadLetter('sla', JSON.stringify(event), 'unknown version 9 of complaint.received');

    const page = await listDeadLetters(jsm, fixture.topology, { limit: 50 });

    expect(page).toEqual({
      items: [
        {
          seq,
          consumer: 'sla',
          stream: fixture.topology.streamName(STREAMS.complaints),
          subject: fixture.topology.eventSubject(ComplaintReceivedV1),
          eventId: event.id,
          type: 'complaint.received',
          occurredAt: event.occurredAt,
          reason: 'unknown version 9 of complaint.received',
          deadLetteredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        },
      ],
      nextCursor: null,
    });
    expect(JSON.stringify(page)).not.toContain(event.data.reference);
    expect(await findDeadLetter(jsm, fixture.topology, seq)).toEqual(page.items[0]);
  });

  it('shows a message that is no event without event fields', async () => {
    await deadLetter('sla', 'not json at all', 'message is not JSON');
    await deadLetter('sla', '{"customer":"Ada"}', 'invalid envelope');

    const { items } = await listDeadLetters(jsm, fixture.topology, { limit: 50 });

    expect(items.map(({ eventId, type, occurredAt, reason }) => ({ eventId, type, occurredAt, reason }))).toEqual([
      { eventId: null, type: null, occurredAt: null, reason: 'message is not JSON' },
      { eventId: null, type: null, occurredAt: null, reason: 'invalid envelope' },
    ]);
  });

  it('pages in stream order from the cursor, skipping what was replayed and, when asked, other consumers', async () => {
    const sla = [await deadLetter('sla', '{}'), await deadLetter('sla', '{}')];
    const escalation = await deadLetter('escalation', '{}');
    const replayed = await deadLetter('sla', '{}');
    const last = await deadLetter('sla', '{}');
    await jsm.streams.deleteMessage(fixture.topology.streamName(DEAD_LETTER_STREAM), replayed);

    const first = await listDeadLetters(jsm, fixture.topology, { limit: 2 });
    expect(first.items.map((item) => item.seq)).toEqual(sla);
    expect(first.nextCursor).toBe(String(escalation));
    const second = await listDeadLetters(jsm, fixture.topology, { limit: 2, cursor: Number(first.nextCursor) });
    expect(second).toEqual({
      items: [expect.objectContaining({ seq: escalation }), expect.objectContaining({ seq: last })],
      nextCursor: null,
    });

    const slaOnly = await listDeadLetters(jsm, fixture.topology, { limit: 50, consumer: 'sla' });
    expect(slaOnly.items.map((item) => item.seq)).toEqual([...sla, last]);
    expect(
      (await listDeadLetters(jsm, fixture.topology, { limit: 50, consumer: 'audit-register-complaints' })).items,
    ).toEqual([]);
  });

  it('finds nothing in a deployment where no consumer ever gave up', async () => {
    const untouched = new Topology(uniqueNamespace());
    expect(await listDeadLetters(jsm, untouched, { limit: 50 })).toEqual({ items: [], nextCursor: null });
    expect(await findDeadLetter(jsm, untouched, 1)).toBeUndefined();
  });
});
