import { z } from 'zod';
import { createComplaintBodySchema } from './complaint-bodies';
import { lifecycleCommandRequestSchema, listComplaintsRequestSchema } from './intake-requests';
import { LIFECYCLE_ROUTE_SEGMENTS, LIFECYCLE_ROUTES, lifecycleCommandSchema } from './lifecycle-routes';

const fullBody = {
  policyId: 'modmount',
  kind: 'inquiry',
  channel: 'email',
  customer: { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+33 1 23 45 67 89', locale: 'fr' },
  subject: 'Parcel never arrived',
  description: 'Ordered on 2 March, tracking stopped in Lyon.',
  firstContactAt: '2026-03-01T09:00:00+01:00',
  receivedAt: '2026-03-02T10:00:00+01:00',
  thirdParty: { name: 'Charles Babbage', relationship: 'neighbour' },
  seller: { id: 'seller-17', name: 'Lyon Parcels' },
};

/** Each problem as the gateway reports it: `path: message`, unknown keys one by one. */
function problemsOf(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.flatMap((issue) => {
    const path = issue.path.join('.');
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => `${path ? `${path}.` : ''}${key}: unknown`);
    return [`${path}: ${issue.message}`];
  });
}

describe('createComplaintBodySchema', () => {
  it('accepts a complete complaint', () => {
    expect(createComplaintBodySchema.parse(fullBody)).toEqual(fullBody);
  });

  it('accepts a minimal one reachable by phone only', () => {
    const { firstContactAt: _f, receivedAt: _r, thirdParty: _t, seller: _s, ...minimal } = fullBody;
    const body = { ...minimal, customer: { name: 'Ada', phone: '0612345678' } };
    expect(problemsOf(createComplaintBodySchema, body)).toEqual([]);
  });

  it.each(['status', 'reference', 'escalationLevel', 'sla'])('refuses the protected field %s', (field) => {
    expect(problemsOf(createComplaintBodySchema, { ...fullBody, [field]: 'x' })).toEqual([`${field}: unknown`]);
  });

  it('refuses unknown fields in nested objects', () => {
    const body = { ...fullBody, customer: { ...fullBody.customer, status: 'vip' }, seller: { ...fullBody.seller, x: 1 } };
    expect(problemsOf(createComplaintBodySchema, body)).toEqual(['customer.status: unknown', 'seller.x: unknown']);
  });

  it('needs a way to reach the customer', () => {
    expect(problemsOf(createComplaintBodySchema, { ...fullBody, customer: { name: 'Ada' } })).toEqual([
      'customer.email: an email address or a phone number is required to reach the customer',
    ]);
  });

  it('names every invalid field', () => {
    const body = {
      ...fullBody,
      customer: { name: '  ', email: 'ada-at-example', locale: 'French' },
      receivedAt: '2026-03-02T10:00:00',
      description: 'x'.repeat(10_001),
    };
    expect(problemsOf(createComplaintBodySchema, body)).toEqual([
      'customer.name: must not be empty',
      'customer.email: must be an email address',
      'customer.locale: must be a BCP 47 language tag such as fr, en-GB or vi',
      'description: must be at most 10000 characters',
      'receivedAt: must be an ISO 8601 instant with an offset, such as 2026-03-02T10:00:00+01:00',
    ]);
  });
});

describe('LIFECYCLE_ROUTES', () => {
  it('covers exactly the 13 lifecycle routes, one command each', () => {
    expect([...LIFECYCLE_ROUTE_SEGMENTS].sort()).toEqual(
      [
        'acknowledge',
        'responses',
        'request-info',
        'customer-replies',
        'authorization',
        'upgrade',
        'expected-date',
        'resolve',
        'reopen',
        'close',
        'escalate',
        'dispute-tier',
        'seller-non-cooperation',
      ].sort(),
    );
    expect(new Set(Object.values(LIFECYCLE_ROUTES).map((route) => route.command)).size).toBe(13);
  });

  it('names each route its own operation', () => {
    expect(new Set(Object.values(LIFECYCLE_ROUTES).map((route) => route.operationId)).size).toBe(13);
  });

  it('refuses unknown fields in every body', () => {
    for (const segment of LIFECYCLE_ROUTE_SEGMENTS) {
      expect(problemsOf(LIFECYCLE_ROUTES[segment].body, { status: 'closed' })).toContain('status: unknown');
    }
  });

  it('takes a body of the route that matches the command type', () => {
    expect(lifecycleCommandSchema.parse({ type: 'close', body: { reason: 'withdrawn' } })).toEqual({
      type: 'close',
      body: { reason: 'withdrawn' },
    });
    expect(problemsOf(lifecycleCommandSchema, { type: 'close', body: { reason: 'bored' } })).toEqual([
      'body.reason: Invalid option: expected one of "confirmed"|"no_response"|"non_cooperation"|"stale"|"withdrawn"',
    ]);
    expect(problemsOf(lifecycleCommandSchema, { type: 'escalate', body: {} })).toEqual([
      'body.reason: Invalid input: expected string, received undefined',
    ]);
  });

  it('takes an update on the steps taken as a response to the customer', () => {
    const update = { type: 'send_response', body: { type: 'update', channel: 'email', summary: 'The carrier is investigating.' } };
    expect(lifecycleCommandSchema.parse(update)).toEqual(update);
  });
});

describe('intake requests', () => {
  it('carries a lifecycle command with the facts intake needs', () => {
    const request = {
      principal: { name: 'agent-key', role: 'agent', organisationId: 'mimo' },
      complaintId: '0196f3c4-8a59-7b1e-9b1a-2f7c8d9e0a1b',
      idempotencyKey: 'retry-1',
      requestedAt: '2026-03-02T10:00:00Z',
      command: { type: 'set_expected_date', body: { expectedAt: '2026-03-20T18:00:00+01:00', reason: 'complex case' } },
    };
    expect(problemsOf(lifecycleCommandRequestSchema, request)).toEqual([]);
  });

  it('pages complaint lists by 25 unless told otherwise, at most 100', () => {
    const principal = { name: 'agent-key', role: 'agent', organisationId: '*' };
    expect(listComplaintsRequestSchema.parse({ principal, filter: { breached: true } }).limit).toBe(25);
    expect(problemsOf(listComplaintsRequestSchema, { principal, filter: {}, limit: 101 })).toHaveLength(1);
  });
});
