import { ForbiddenError, NotFoundError, PLATFORM_WIDE, Principal, canSee } from '@complaints/domain';
import { EndpointScope, WebhookEndpoint } from './webhook-endpoint';

/*
 * Who may do what with webhook endpoints, checked here rather than trusted from the gateway
 * (ADR 0005): only admins; an organisation's admin only its own organisation's endpoints;
 * another organisation's endpoint is "not found", so its id reveals nothing.
 */

export function requireAdmin(principal: Principal): void {
  if (principal.role !== 'admin') throw new ForbiddenError('only an admin manages webhook endpoints');
}

/**
 * The organisation a new endpoint belongs to. An organisation's admin registers for its own
 * (naming another is refused); a platform admin names one, or none for a platform endpoint
 * that receives every organisation's events.
 */
export function ownerOfNewEndpoint(principal: Principal, named: string | undefined): string | null {
  if (principal.organisationId === PLATFORM_WIDE) return named ?? null;
  if (named !== undefined && named !== principal.organisationId) {
    throw new ForbiddenError(`an admin of ${principal.organisationId} registers webhook endpoints for ${principal.organisationId} only`);
  }
  return principal.organisationId;
}

/** The endpoints a principal may list. */
export function scopeOf(principal: Principal): EndpointScope {
  return principal.organisationId === PLATFORM_WIDE ? 'all' : { organisationId: principal.organisationId };
}

/** The endpoint, when the principal may see it. */
export function visibleEndpoint(principal: Principal, id: string, endpoint: WebhookEndpoint | undefined): WebhookEndpoint {
  if (!endpoint || !canSee(principal, endpoint.organisationId)) throw new NotFoundError(`webhook endpoint ${id}`);
  return endpoint;
}
