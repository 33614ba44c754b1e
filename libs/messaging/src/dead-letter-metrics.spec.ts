import { deadLetterLabels } from './dead-letter-metrics';

describe(deadLetterLabels.name, () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  it("labels a dead letter with its consumer, stream and the event's type", () => {
    expect(deadLetterLabels('sla', 'COMPLAINTS', bytes('{"type":"complaint.received","version":1}'))).toEqual({
      consumer: 'sla',
      stream: 'COMPLAINTS',
      type: 'complaint.received',
    });
  });

  it('says unknown for what is not an event, so a label never takes arbitrary text', () => {
    expect(deadLetterLabels('sla', 'COMPLAINTS', bytes('not json')).type).toBe('unknown');
    expect(deadLetterLabels('sla', 'COMPLAINTS', bytes('{"type":"DROP TABLE; x"}')).type).toBe('unknown');
    expect(deadLetterLabels('sla', 'COMPLAINTS', bytes('null')).type).toBe('unknown');
  });
});
