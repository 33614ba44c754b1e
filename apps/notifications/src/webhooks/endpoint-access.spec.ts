import { ForbiddenError, NotFoundError, Principal } from '@complaints/domain';
import { ownerOfNewEndpoint, requireAdmin, scopeOf, visibleEndpoint } from './endpoint-access';
import { WebhookEndpoint } from './webhook-endpoint';

const mimoAdmin: Principal = { name: 'mimo-admin', role: 'admin', organisationId: 'mimo' };
const platformAdmin: Principal = { name: 'ops', role: 'admin', organisationId: '*' };
const mimoAgent: Principal = { name: 'mimo-agent', role: 'agent', organisationId: 'mimo' };

const endpointOf = (organisationId: string | null): WebhookEndpoint => ({
  id: '0190f7a0-0000-7000-8000-000000000001',
  organisationId,
  url: 'https://hooks.example.com/',
  eventTypes: ['complaint.*'],
  description: null,
  createdBy: 'someone',
  createdAt: new Date('2026-12-01T10:00:00Z'),
});

describe('webhook endpoint access', () => {
  it('lets only admins manage endpoints', () => {
    expect(() => requireAdmin(mimoAgent)).toThrow(ForbiddenError);
    expect(() => requireAdmin(mimoAdmin)).not.toThrow();
  });

  it("puts an organisation admin's endpoint in its organisation, and refuses another", () => {
    expect(ownerOfNewEndpoint(mimoAdmin, undefined)).toBe('mimo');
    expect(ownerOfNewEndpoint(mimoAdmin, 'mimo')).toBe('mimo');
    expect(() => ownerOfNewEndpoint(mimoAdmin, 'mit')).toThrow(ForbiddenError);
  });

  it("puts a platform admin's endpoint in the organisation it names, or on the platform", () => {
    expect(ownerOfNewEndpoint(platformAdmin, 'mit')).toBe('mit');
    expect(ownerOfNewEndpoint(platformAdmin, undefined)).toBeNull();
  });

  it("shows an organisation admin its own endpoints only; another organisation's or the platform's are not found", () => {
    expect(visibleEndpoint(mimoAdmin, 'x', endpointOf('mimo')).organisationId).toBe('mimo');
    expect(() => visibleEndpoint(mimoAdmin, 'x', endpointOf('mit'))).toThrow(NotFoundError);
    expect(() => visibleEndpoint(mimoAdmin, 'x', endpointOf(null))).toThrow(NotFoundError);
    expect(() => visibleEndpoint(mimoAdmin, 'x', undefined)).toThrow(NotFoundError);
    expect(visibleEndpoint(platformAdmin, 'x', endpointOf('mit')).organisationId).toBe('mit');
  });

  it('lists one organisation for its admin and every one for the platform', () => {
    expect(scopeOf(mimoAdmin)).toEqual({ organisationId: 'mimo' });
    expect(scopeOf(platformAdmin)).toBe('all');
  });
});
