import { WEBHOOK_EVENT_TYPES, webhookEndpointBodySchema } from './webhook-requests';

const fieldsOf = (body: unknown) => {
  const result = webhookEndpointBodySchema.safeParse(body);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.') || issue.code);
};

describe('webhookEndpointBodySchema', () => {
  it('takes a URL, event types and families from the catalogue, and a description', () => {
    const body = { url: 'https://hooks.example.com/complaints', eventTypes: ['complaint.resolved', 'sla.*'], description: 'CRM' };
    expect(webhookEndpointBodySchema.parse(body)).toEqual(body);
  });

  it('refuses unknown event types and families, naming the entry', () => {
    expect(fieldsOf({ url: 'https://hooks.example.com/', eventTypes: ['complaint.resolved', 'complaint.deleted'] })).toEqual(['eventTypes.1']);
    expect(fieldsOf({ url: 'https://hooks.example.com/', eventTypes: ['policy.*'] })).toEqual(['eventTypes.0']);
    expect(fieldsOf({ url: 'https://hooks.example.com/', eventTypes: [] })).toEqual(['eventTypes']);
  });

  it('refuses URLs other than absolute http or https, and unknown fields', () => {
    expect(fieldsOf({ url: 'ftp://hooks.example.com/', eventTypes: ['complaint.*'] })).toEqual(['url']);
    expect(fieldsOf({ url: '/relative', eventTypes: ['complaint.*'] })).toEqual(['url']);
    expect(fieldsOf({ url: 'https://hooks.example.com/', eventTypes: ['complaint.*'], secret: 'mine' })).toEqual(['unrecognized_keys']);
  });

  it('offers the events about complaints, not the internal ones', () => {
    expect(WEBHOOK_EVENT_TYPES).toEqual(expect.arrayContaining(['complaint.received', 'sla.clock-breached', 'escalation.level-raised', 'survey.answered']));
    expect(WEBHOOK_EVENT_TYPES).not.toContain('policy.published');
    expect(WEBHOOK_EVENT_TYPES).not.toContain('sla.clocks-changed');
  });
});
