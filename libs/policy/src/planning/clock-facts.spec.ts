import { InvalidClockFactsError } from '../policy-errors';
import { parseClockFacts } from './clock-facts';

const base = { kind: 'complaint', channel: 'email', receivedAt: '2026-03-02T10:00:00+01:00' } as const;

function issuesOf(input: unknown): { path: string; message: string }[] {
  try {
    parseClockFacts(input);
  } catch (error) {
    if (error instanceof InvalidClockFactsError) return [...error.issues];
    throw error;
  }
  throw new Error('expected the facts to be invalid');
}

describe(parseClockFacts.name, () => {
  it('accepts ISO strings and Dates and sorts pauses by start', () => {
    const facts = parseClockFacts({
      ...base,
      firstContactAt: new Date('2026-03-01T09:00:00Z'),
      pauses: [
        { from: '2026-03-04T10:00:00Z', to: '2026-03-05T10:00:00Z' },
        { from: '2026-03-03T10:00:00Z', to: '2026-03-03T12:00:00Z', reason: 'awaiting_authorization' },
      ],
    });
    expect(facts.receivedAt).toBe(Date.parse('2026-03-02T09:00:00Z'));
    expect(facts.pauses.map((pause) => pause.reason)).toEqual([
      'awaiting_authorization',
      'awaiting_customer',
    ]);
  });

  it('takes clock events as instants and lists them earliest first', () => {
    const facts = parseClockFacts({
      ...base,
      events: [
        { event: 'update_sent', at: '2026-03-03T10:00:00+01:00' },
        { event: 'responded', at: new Date('2026-03-02T12:00:00Z') },
      ],
    });
    expect(facts.events).toEqual([
      { event: 'responded', at: Date.parse('2026-03-02T12:00:00Z') },
      { event: 'update_sent', at: Date.parse('2026-03-03T09:00:00Z') },
    ]);
    expect(parseClockFacts(base).events).toEqual([]);
  });

  it.each([
    [
      'an instant without an offset',
      { ...base, receivedAt: '2026-03-02T10:00:00' },
      'receivedAt',
      /with an offset/,
    ],
    ['an unknown channel', { ...base, channel: 'fax' }, 'channel', /Invalid option/],
    [
      'overlapping pauses',
      {
        ...base,
        pauses: [
          { from: '2026-03-03T10:00:00Z', to: '2026-03-04T10:00:00Z' },
          { from: '2026-03-04T09:00:00Z', to: '2026-03-05T10:00:00Z' },
        ],
      },
      'pauses[1]',
      /overlaps pauses\[0\]/,
    ],
    [
      'a pause after one that has not ended',
      {
        ...base,
        pauses: [
          { from: '2026-03-03T10:00:00Z' },
          { from: '2026-03-04T09:00:00Z', to: '2026-03-05T10:00:00Z' },
        ],
      },
      'pauses[1]',
      /which has not ended/,
    ],
    [
      'a pause that ends before it starts',
      { ...base, pauses: [{ from: '2026-03-04T10:00:00Z', to: '2026-03-03T10:00:00Z' }] },
      'pauses[0].to',
      /after from/,
    ],
    [
      'an upgrade before receipt',
      { ...base, upgradedAt: '2026-03-01T10:00:00Z' },
      'upgradedAt',
      /not be before receivedAt/,
    ],
    [
      'an inquiry with an upgrade',
      { ...base, kind: 'inquiry', upgradedAt: '2026-03-03T10:00:00Z' },
      'upgradedAt',
      /set kind to complaint/,
    ],
    [
      'a clock event before receipt',
      { ...base, events: [{ event: 'update_sent', at: '2026-03-02T09:59:00+01:00' }] },
      'events[0].at',
      /not be before receivedAt/,
    ],
    [
      'an unknown clock event',
      { ...base, events: [{ event: 'called_back', at: '2026-03-03T10:00:00+01:00' }] },
      'events[0].event',
      /Invalid option/,
    ],
    ['an unknown field', { ...base, priority: 'high' }, 'priority', /unknown field/],
  ])('rejects %s, naming the field', (_what, input, path, message) => {
    expect(issuesOf(input)).toContainEqual({ path, message: expect.stringMatching(message) });
  });
});
